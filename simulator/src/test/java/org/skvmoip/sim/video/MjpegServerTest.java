package org.skvmoip.sim.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.sim.board.ManualClock;
import org.skvmoip.sim.machine.Console;
import org.skvmoip.sim.machine.ScreenLayout;
import org.skvmoip.sim.machine.ScreenTextReader;
import org.skvmoip.sim.machine.VirtualTarget;

/** The target's screen as an MJPEG stream on loopback that ImageIO and the ffmpeg CLI decode. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MjpegServerTest {

    private final ManualClock clock = new ManualClock();
    private final VirtualTarget target = new VirtualTarget(clock);
    private MjpegServer server;

    @BeforeEach
    void bootTheTargetAndServeIt() throws IOException {
        target.powerButtonLine().drive(true);
        clock.advance(200);
        target.powerButtonLine().drive(false);
        clock.advance(VirtualTarget.BOOT_MILLIS);
        for (int usage : new int[] {0x0B, 0x0C}) { // "hi"
            target.keyDown(usage);
            target.keyUp(usage);
        }
        server = new MjpegServer(target, 0, 25);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theFirstPartOfTheStreamIsAJpegOfTheScreenWithReadableText() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) server.streamUri().toURL().openConnection();
        try {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            assertThat(connection.getContentType())
                    .isEqualTo("multipart/x-mixed-replace;boundary=" + MjpegServer.BOUNDARY);

            byte[] jpeg = readFirstPart(connection.getInputStream());

            assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
            assertThat(jpeg[1] & 0xFF).as("JPEG SOI marker").isEqualTo(0xD8);
            BufferedImage frame = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(frame.getWidth()).isEqualTo(ScreenLayout.WIDTH);
            assertThat(frame.getHeight()).isEqualTo(ScreenLayout.HEIGHT);
            assertThat(ScreenTextReader.readRow(frame, 0)).isEqualTo(Console.BANNER);
            assertThat(ScreenTextReader.readRow(frame, 2)).isEqualTo("> hi");
        } finally {
            connection.disconnect();
        }
    }

    /** Reads "--boundary", the part headers, then Content-Length bytes. */
    private static byte[] readFirstPart(InputStream in) throws IOException {
        assertThat(readLine(in)).isEqualTo("--" + MjpegServer.BOUNDARY);
        int length = -1;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            if (header.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
        }
        assertThat(length).as("Content-Length of the first part").isPositive();
        return in.readNBytes(length);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("stream ended inside a part header");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void theSnapshotIsALosslessPngOfTheScreen() throws IOException {
        BufferedImage png = ImageIO.read(server.snapshotUri().toURL());

        int[] pixels = png.getRGB(0, 0, ScreenLayout.WIDTH, ScreenLayout.HEIGHT, null, 0, ScreenLayout.WIDTH);
        int[] expected = target.snapshot();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
        assertThat(pixels).isEqualTo(expected);
    }

    @Test
    void closingTheServerEndsAnOpenStream() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) server.streamUri().toURL().openConnection();
        InputStream in = connection.getInputStream();
        readFirstPart(in);
        assertThat(server.clients()).isEqualTo(1);

        server.close();

        assertThat(server.clients()).isZero();
        // Drains what was sent, then sees the end; a stream that kept going would hit the @Timeout.
        try {
            while (in.read(new byte[8192]) >= 0) {
                // discard
            }
        } catch (IOException reset) {
            // A reset is an end too.
        }
    }

    @Test
    void ffmpegOpensTheStreamAsAnMjpegSource(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("ffmpeg") || System.getenv("CI") != null,
                "ffmpeg is not installed (apt-get install ffmpeg; CI installs it); skipping the CLI check");
        File out = dir.resolve("frame.png").toFile();

        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "mpjpeg",
                "-i", server.streamUri().toString(), "-frames:v", "1", "-y", out.getPath())
                .redirectErrorStream(true).start();
        boolean exited = ffmpeg.waitFor(30, TimeUnit.SECONDS);
        String log = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            ffmpeg.destroyForcibly();
        }

        assertThat(exited).as("ffmpeg finished; its output: %s", log).isTrue();
        assertThat(ffmpeg.exitValue()).as("ffmpeg exit status; its output: %s", log).isZero();
        BufferedImage frame = ImageIO.read(out);
        assertThat(frame.getWidth()).isEqualTo(ScreenLayout.WIDTH);
        assertThat(ScreenTextReader.readRow(frame, 2)).isEqualTo("> hi");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
