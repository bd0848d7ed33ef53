package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.server.api.socket.VideoFrameHeader;
import org.skvmoip.server.stream.AccessUnit;
import org.skvmoip.server.stream.ViewerQueue;

class VideoSocketTest {

    private static final long EPOCH_MICROS = 1_700_000_000_000_000L;

    private ApiFixture api;
    private String token;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
        token = api.login("alice");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    /** Unit {@code n}: a keyframe every 8th, its bytes a pattern of n so a mix-up shows. */
    private static AccessUnit unit(long n, int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) n);
        data[0] = 0;
        data[1] = 0;
        data[2] = 0;
        data[3] = 1;
        return new AccessUnit(data, n % 8 == 0, n, n * 16_667, EPOCH_MICROS + n * 16_667, 0, 0, 1920, 1080);
    }

    @Test
    void framesCarryTheHeaderAndTheUnitsInOrder() throws Exception {
        Frames frames = Frames.reading();
        api.socket("/api/machines/m1/video", token, frames);
        api.video.awaitViewers("m1", 1);

        for (int n = 0; n < 20; n++) {
            api.video.publish("m1", unit(n, 100 + n * 37));
        }

        long bytes = 0;
        for (int n = 0; n < 20; n++) {
            bytes += VideoFrameHeader.LENGTH + 100 + n * 37;
            ByteBuffer frame = ByteBuffer.wrap(frames.nextBinary());
            VideoFrameHeader.Fields header = VideoFrameHeader.read(frame);
            AccessUnit expected = unit(n, 100 + n * 37);
            assertThat(header.version()).isEqualTo(1);
            assertThat(header.headerLength()).isEqualTo(36);
            assertThat(header.sequence()).isEqualTo(n);
            assertThat(header.keyframe()).isEqualTo(n % 8 == 0);
            assertThat(header.ptsMicros()).isEqualTo(expected.ptsMicros());
            assertThat(header.captureEpochMicros()).isEqualTo(expected.captureEpochMicros());
            assertThat(header.sendEpochMicros()).isGreaterThan(EPOCH_MICROS);
            assertThat(header.width()).isEqualTo(1920);
            assertThat(header.height()).isEqualTo(1080);
            byte[] data = new byte[frame.remaining()];
            frame.get(data);
            assertThat(data).isEqualTo(expected.data());
        }
        assertThat(api.server.traffic().unitsSent("m1")).isEqualTo(20);
        assertThat(api.metrics.render()).contains("skvm_bytes_sent_total{machine=\"m1\"} " + bytes + "\n");
    }

    @Test
    void aSlowViewerDoesNotDelayAFastOne_itsQueueDropsInstead() throws Exception {
        WebSocket slowSocket = api.socket("/api/machines/m1/video", token, Frames.notReading());
        ViewerQueue slow = api.video.awaitViewers("m1", 1).get(0);
        Frames fastFrames = Frames.reading();
        api.socket("/api/machines/m1/video", token, fastFrames);
        ViewerQueue fast = api.video.awaitViewers("m1", 2).get(1);
        int size = 64 * 1024;

        // Each unit waits for the fast viewer to have it: the slow one must never hold the fast one up.
        int n = 0;
        for (; n < 4000 && slow.dropped() == 0; n++) {
            api.video.publish("m1", unit(n, size));
            VideoFrameHeader.Fields header = VideoFrameHeader.read(ByteBuffer.wrap(fastFrames.nextBinary()));
            assertThat(header.sequence()).isEqualTo(n);
        }

        assertThat(slow.dropped()).as("units the slow viewer dropped after %d published", n).isPositive();
        assertThat(fast.dropped()).isZero();
        assertThat(fast.delivered()).isEqualTo(n);
        System.out.println("slow viewer's first drop after " + n + " units of " + size + " bytes");
        slowSocket.abort();
    }

    @Test
    void closingTheSocketEndsTheSubscription() throws Exception {
        WebSocket socket = api.socket("/api/machines/m1/video?mode=thumbnail", token, Frames.reading());
        assertThat(api.video.awaitViewers("m1", 1).get(0).mode()).isEqualTo(org.skvmoip.server.stream.StreamMode.THUMBNAIL);

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);

        assertThat(api.video.awaitViewers("m1", 0)).isEmpty();
    }

    @Test
    void aBrowserOffersItsTokenAsASubprotocol_andGetsSkvmoipSelected() throws Exception {
        Frames frames = Frames.reading();
        WebSocket socket = api.client.newWebSocketBuilder().subprotocols("skvmoip", "bearer." + token)
                .buildAsync(api.wss("/api/machines/m2/video"), frames).get(10, TimeUnit.SECONDS);

        assertThat(socket.getSubprotocol()).isEqualTo("skvmoip");
        api.video.awaitViewers("m2", 1);
        api.video.publish("m2", unit(0, 64));
        assertThat(VideoFrameHeader.read(ByteBuffer.wrap(frames.nextBinary())).keyframe()).isTrue();
    }

    @Test
    void anUnknownMachineOrNoTokenIsRefusedBeforeTheUpgrade() {
        for (List<String> attempt : List.of(List.of("/api/machines/nope/video", token),
                List.of("/api/machines/m1/video", "x".repeat(43)))) {
            assertThatThrownBy(() -> api.socket(attempt.get(0), attempt.get(1), Frames.reading()))
                    .isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) unwrap(e)).getResponse().statusCode())
                            .isEqualTo(attempt.get(0).contains("nope") ? 404 : 401));
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
