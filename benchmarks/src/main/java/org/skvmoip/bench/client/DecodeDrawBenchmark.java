package org.skvmoip.bench.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.skvmoip.bench.server.Samples;
import org.skvmoip.client.video.DecodedPicture;
import org.skvmoip.client.video.EncodedUnit;
import org.skvmoip.client.video.VideoDecoder;
import org.skvmoip.client.video.VideoImage;
import org.skvmoip.server.config.EncoderSettings;

import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

/**
 * The desktop client's per-picture work on a 1080p60 H.264 stream (testsrc2, made by the ffmpeg
 * command line with the server's default preset and bitrate): decode and conversion to BGRA on
 * the client's decoder thread ({@link VideoDecoder}, software), then the copy into the JavaFX
 * image on the FX thread ({@link VideoImage}, shown in a window) when there is a display.
 * One picture at a time: submit a unit, wait for its picture, copy it, then the next.
 */
final class DecodeDrawBenchmark {

    record Result(int frames, double fps, Samples decode, Samples copy, Samples total, boolean drawn, String decoder) {
    }

    private DecodeDrawBenchmark() {
    }

    static Result measure(int frames) throws Exception {
        List<byte[]> units = stream(frames);
        boolean drawn = System.getenv("DISPLAY") != null;
        Drawing drawing = drawn ? Drawing.open() : null;
        Samples decode = new Samples();
        Samples copy = new Samples();
        Samples total = new Samples();
        String name;
        long start = System.nanoTime();
        try (VideoDecoder decoder = VideoDecoder.start("software", "decode-bench")) {
            name = decoder.decoderName();
            long sequence = 0;
            for (byte[] unit : units) {
                long t0 = System.nanoTime();
                decoder.submit(EncodedUnit.of(unit, isKeyframe(unit), sequence++, 0));
                DecodedPicture picture = awaitPicture(decoder);
                long t1 = System.nanoTime();
                decode.add((t1 - t0) / 1000);
                if (drawing != null) {
                    copy.add(drawing.copy(picture));
                }
                decoder.giveBack(picture);
                total.add((System.nanoTime() - t0) / 1000);
            }
        } finally {
            if (drawing != null) {
                drawing.close();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(units.size(), units.size() / seconds, decode, copy, total, drawn, name);
    }

    private static DecodedPicture awaitPicture(VideoDecoder decoder) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        DecodedPicture picture;
        while ((picture = decoder.takeNewest()) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the decoder gave no picture within 10 s of a unit");
            }
            LockSupport.parkNanos(50_000);
        }
        return picture;
    }

    /** 1080p60 testsrc2 from the ffmpeg command line, split into access units at x264's delimiters. */
    private static List<byte[]> stream(int frames) throws Exception {
        Path file = Files.createTempFile("skvm-decode-bench-", ".h264");
        try {
            EncoderSettings defaults = EncoderSettings.DEFAULTS;
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=1920x1080:rate=60", "-frames:v", String.valueOf(frames), "-pix_fmt", "yuv420p",
                    "-c:v", "libx264", "-preset", defaults.preset(), "-tune", "zerolatency",
                    "-g", String.valueOf(defaults.gopFrames()), "-b:v", defaults.bitrateKbps() + "k",
                    "-maxrate", defaults.bitrateKbps() + "k", "-bufsize", defaults.bitrateKbps() / 30 + "k",
                    "-x264-params", "aud=1", "-f", "h264", file.toString()).inheritIO().start();
            if (ffmpeg.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg could not make the 1080p60 test stream (exit "
                        + ffmpeg.exitValue() + "); is the ffmpeg command line on the PATH?");
            }
            return splitAtDelimiters(Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Access units start at an access unit delimiter (NAL type 9). */
    static List<byte[]> splitAtDelimiters(byte[] stream) {
        List<byte[]> units = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 4 < stream.length; i++) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 0 && stream[i + 3] == 1
                    && (stream[i + 4] & 0x1F) == 9) {
                if (start >= 0) {
                    units.add(java.util.Arrays.copyOfRange(stream, start, i));
                }
                start = i;
            }
        }
        if (start >= 0) {
            units.add(java.util.Arrays.copyOfRange(stream, start, stream.length));
        }
        return units;
    }

    /** Holds an IDR slice (NAL type 5). */
    private static boolean isKeyframe(byte[] unit) {
        for (int i = 0; i + 3 < unit.length; i++) {
            if (unit[i] == 0 && unit[i + 1] == 0 && unit[i + 2] == 1 && (unit[i + 3] & 0x1F) == 5) {
                return true;
            }
        }
        return false;
    }

    /** A window showing the video image, as the client's machine view does. */
    private static final class Drawing implements AutoCloseable {
        private final VideoImage image = new VideoImage();
        private final ImageView view = new ImageView();
        private Stage stage;

        static Drawing open() throws Exception {
            Drawing drawing = new Drawing();
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            onFx(() -> {
                drawing.stage = new Stage();
                drawing.view.setFitWidth(960);
                drawing.view.setPreserveRatio(true);
                drawing.stage.setScene(new Scene(new Group(drawing.view), 960, 540));
                drawing.stage.show();
            });
            return drawing;
        }

        /** Copies the picture into the image on the FX thread; microseconds the copy took there. */
        long copy(DecodedPicture picture) throws Exception {
            long[] micros = new long[1];
            onFx(() -> {
                long t = System.nanoTime();
                if (image.update(picture)) {
                    view.setImage(image.image());
                }
                micros[0] = (System.nanoTime() - t) / 1000;
            });
            return micros[0];
        }

        private static void onFx(Runnable work) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    work.run();
                } finally {
                    done.countDown();
                }
            });
            if (!done.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX thread did not answer within 10 s");
            }
        }

        @Override
        public void close() throws Exception {
            onFx(() -> stage.close());
            Platform.exit();
        }
    }
}
