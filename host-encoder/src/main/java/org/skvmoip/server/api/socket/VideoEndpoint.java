package org.skvmoip.server.api.socket;

import java.util.concurrent.Executor;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.SocketEndpoint;
import org.skvmoip.server.api.endpoint.MachineLookup;
import org.skvmoip.server.stream.StreamMode;
import org.skvmoip.server.stream.VideoService;

import io.netty.channel.ChannelHandler;

/** GET /api/machines/{name}/video[?mode=thumbnail] as a WebSocket: binary frames, header + access unit. */
public final class VideoEndpoint implements SocketEndpoint {

    private final MachineLookup machines;
    private final VideoService video;
    private final ViewerTraffic traffic;
    private final Executor workers;
    private final ApiAudit audit;

    public VideoEndpoint(MachineLookup machines, VideoService video, ViewerTraffic traffic, Executor workers,
            ApiAudit audit) {
        this.machines = machines;
        this.video = video;
        this.traffic = traffic;
        this.workers = workers;
        this.audit = audit;
    }

    @Override
    public ChannelHandler open(ApiRequest request) throws ApiException {
        machines.known(request.machine());
        StreamMode mode = switch (request.query("mode").orElse("full")) {
            case "full" -> StreamMode.FULL;
            case "thumbnail" -> StreamMode.THUMBNAIL;
            default -> throw ApiException.badRequest("query parameter 'mode' must be full or thumbnail, was '"
                    + request.query("mode").orElse("") + "'");
        };
        return new VideoSocket(video, request.machine(), mode, traffic, workers, audit, request.caller());
    }

    /** A viewer sends only control frames (pong, close). */
    @Override
    public int maxFramePayload() {
        return 1024;
    }
}
