package org.skvmoip.server.stream;

/** Still-image formats of a snapshot. */
public enum ImageFormat {
    PNG("image/png"),
    JPEG("image/jpeg");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
