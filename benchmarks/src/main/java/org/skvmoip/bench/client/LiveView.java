package org.skvmoip.bench.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.LockSupport;

import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.api.VideoMode;
import org.skvmoip.client.api.VideoStream;
import org.skvmoip.client.video.DecodedPicture;
import org.skvmoip.client.video.EncodedUnit;
import org.skvmoip.client.video.VideoDecoder;

/**
 * One machine watched as the desktop client watches it: the video socket feeds the client's
 * {@link VideoDecoder} (software), and a thread standing in for the screen takes each newest
 * picture and hands it, with the wall-clock time it was taken, to a listener.
 */
final class LiveView implements AutoCloseable {

    interface PictureListener {
        void onPicture(DecodedPicture picture, long takenMicros);
    }

    private final VideoDecoder decoder;
    private final VideoStream stream;
    private final Thread screen;
    private volatile boolean open = true;

    LiveView(ServerConnection connection, String machine, PictureListener listener) throws Exception {
        decoder = VideoDecoder.start("software", machine);
        stream = connection.openVideo(machine, VideoMode.FULL, frame -> decoder.submit(
                EncodedUnit.of(frame.accessUnit(), frame.keyframe(), frame.sequence(), frame.captureMicros())));
        screen = new Thread(() -> {
            while (open) {
                DecodedPicture picture = decoder.takeNewest();
                if (picture == null) {
                    LockSupport.parkNanos(100_000);
                    continue;
                }
                try {
                    listener.onPicture(picture, nowMicros());
                } finally {
                    decoder.giveBack(picture);
                }
            }
        }, "bench-screen " + machine);
        screen.setDaemon(true);
        screen.start();
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        stream.close();
        screen.join(5_000);
        decoder.close();
    }
}
