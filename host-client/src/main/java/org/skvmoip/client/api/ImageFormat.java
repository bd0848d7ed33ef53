package org.skvmoip.client.api;

import java.util.Locale;
import java.util.Optional;

/** The picture formats of a snapshot. */
public enum ImageFormat {
    PNG("png", "image/png"), JPEG("jpeg", "image/jpeg");

    private final String wire;
    private final String mediaType;

    ImageFormat(String wire, String mediaType) {
        this.wire = wire;
        this.mediaType = mediaType;
    }

    /** The {@code format} query parameter's value. */
    public String wire() {
        return wire;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format a file name's extension asks for: .png, .jpg or .jpeg. */
    public static Optional<ImageFormat> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return Optional.of(PNG);
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }
}
