package org.skvmoip.server.api.endpoint;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.ApiResponse;
import org.skvmoip.server.stream.ImageFormat;
import org.skvmoip.server.stream.VideoService;

/** GET /api/machines/{name}/snapshot?format=png|jpeg: the screen now, as an image. */
public final class SnapshotEndpoint {

    /** Enough for a capture device to open and deliver its first picture. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MachineLookup machines;
    private final VideoService video;
    private final ApiAudit audit;

    public SnapshotEndpoint(MachineLookup machines, VideoService video, ApiAudit audit) {
        this.machines = machines;
        this.video = video;
        this.audit = audit;
    }

    /** Runs on a worker: a snapshot may open a capture device and wait for a picture. */
    public CompletionStage<ApiResponse> handle(ApiRequest request) {
        return Audited.action(audit, request, "snapshot", () -> {
            ImageFormat format = format(request.query("format").orElse("png"));
            machines.known(request.machine());
            byte[] image = video.snapshot(request.machine(), format, TIMEOUT);
            return CompletableFuture.completedFuture(ApiResponse.bytes(format.mediaType(), image));
        }, image -> image.contentType() + ", " + image.body().length + " bytes", image -> image);
    }

    static ImageFormat format(String name) throws ApiException {
        return switch (name) {
            case "png" -> ImageFormat.PNG;
            case "jpeg", "jpg" -> ImageFormat.JPEG;
            default -> throw ApiException.badRequest("query parameter 'format' must be png or jpeg, was '" + name + "'");
        };
    }
}
