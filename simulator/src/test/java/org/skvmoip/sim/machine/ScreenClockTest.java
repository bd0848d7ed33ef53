package org.skvmoip.sim.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.sim.board.ManualClock;
import org.skvmoip.sim.video.MjpegServer;

/** The optional clock stamp on the target's screen: off by default, readable when on, text intact. */
class ScreenClockTest {

    private final ManualClock clock = new ManualClock();
    private final VirtualTarget target = new VirtualTarget(clock);

    @BeforeEach
    void bootAndType() {
        target.powerButtonLine().drive(true);
        clock.advance(200);
        target.powerButtonLine().drive(false);
        clock.advance(VirtualTarget.BOOT_MILLIS);
        new Typist(target).type("stamp");
    }

    @Test
    void givenTheDefaultScreenThenNoStampIsReadAndFramesCountOnlyChanges() {
        BufferedImage screen = target.snapshotImage();

        assertThat(ScreenClock.read(screen::getRGB, System.currentTimeMillis())).isEqualTo(-1);
        assertThat(target.frameCounter()).isEqualTo(target.frameCounter());
    }

    @Test
    void givenTheClockIsShownThenTheStampReadsBackAsTheWallClockAndTheTextIsUnchanged() {
        String[] before = ScreenTextReader.readRows(target.snapshotImage());
        target.showClock(true);

        long notBefore = System.currentTimeMillis();
        BufferedImage screen = target.snapshotImage();
        long notAfter = System.currentTimeMillis();
        long stamp = ScreenClock.read(screen::getRGB, notAfter + 1000);

        assertThat(stamp).isBetween(notBefore, notAfter);
        assertThat(ScreenTextReader.readRows(screen)).containsExactly(before);
        assertThat(target.frameCounter()).isNotEqualTo(target.frameCounter());
    }

    @Test
    void givenAStampAfterJpegCodingThenItStillReadsBack() throws Exception {
        int[] pixels = new int[ScreenLayout.WIDTH * ScreenLayout.HEIGHT];
        long millis = 1_764_000_123_456L;
        ScreenClock.draw(pixels, millis);
        BufferedImage image = new BufferedImage(ScreenLayout.WIDTH, ScreenLayout.HEIGHT, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, ScreenLayout.WIDTH, ScreenLayout.HEIGHT, pixels, 0, ScreenLayout.WIDTH);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(MjpegServer.jpeg(image, 0.5f)));

        assertThat(ScreenClock.read(decoded::getRGB, millis + 250)).isEqualTo(millis);
    }

    @Test
    void givenAGreyBlockThenTheStampIsRejectedRatherThanMisread() {
        int[] pixels = new int[ScreenLayout.WIDTH * ScreenLayout.HEIGHT];
        ScreenClock.draw(pixels, 0x5555_5555L);
        int grey = ScreenClock.Y * ScreenLayout.WIDTH + ScreenClock.X + ScreenClock.BLOCK * 7;
        for (int y = 0; y < ScreenClock.BLOCK; y++) {
            java.util.Arrays.fill(pixels, grey + y * ScreenLayout.WIDTH, grey + y * ScreenLayout.WIDTH + ScreenClock.BLOCK,
                    0x808080);
        }

        assertThat(ScreenClock.read((x, y) -> pixels[y * ScreenLayout.WIDTH + x], 0x5555_5555L)).isEqualTo(-1);
    }
}
