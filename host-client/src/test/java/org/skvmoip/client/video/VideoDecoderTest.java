package org.skvmoip.client.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VideoDecoderTest {

    private VideoDecoder video;

    @AfterEach
    void close() {
        if (video != null) {
            video.close();
        }
    }

    @Test
    void givenAStreamWhenDecodedThenTheNewestPictureShowsTheSourceColoursAsBgra() throws Exception {
        List<EncodedUnit> units = TestStream.encode(10, 0);
        video = VideoDecoder.start(HardwareDecoding.SOFTWARE, "test");

        units.forEach(video::submit);
        DecodedPicture last = awaitSequence(9);

        assertThat(last.width()).isEqualTo(TestStream.WIDTH);
        assertThat(last.height()).isEqualTo(TestStream.HEIGHT);
        assertColour(last.argb(40, 40), 0xFF0000);
        assertColour(last.argb(TestStream.WIDTH - 40, 40), 0x00FF00);
        assertColour(last.argb(40, TestStream.HEIGHT - 40), 0x0000FF);
        assertColour(last.argb(TestStream.WIDTH - 40, TestStream.HEIGHT - 40), 0xFFFFFF);
        assertThat(last.argb(40, 40) >>> 24).as("alpha").isEqualTo(0xFF);
        // The moving bar of picture 9 is where picture 9 drew it.
        assertColour(last.argb(9 * 16 + 8, TestStream.HEIGHT / 2), 0x000000);
    }

    @Test
    void givenTheScreenTakesNothingWhilePicturesArriveThenOnlyTheNewestIsShownAndTheRestCountAsDropped()
            throws Exception {
        List<EncodedUnit> units = TestStream.encode(12, 0);
        video = VideoDecoder.start(HardwareDecoding.SOFTWARE, "test");

        units.forEach(video::submit);
        Poll.until(10_000, () -> video.sample().dropped() >= 11 ? true : null);
        DecodedPicture shown = video.takeNewest();

        assertThat(shown.sequence()).isEqualTo(11);
        assertThat(video.takeNewest()).as("nothing newer").isNull();
        assertThat(video.sample().dropped()).isEqualTo(11);
    }

    @Test
    void givenAGapInTheSequenceThenUnitsUpToTheNextKeyframeAreSkippedAndDecodingResumesThere() throws Exception {
        List<EncodedUnit> units = TestStream.encode(10, 0, 6);
        video = VideoDecoder.start(HardwareDecoding.SOFTWARE, "test");

        for (EncodedUnit unit : units) {
            if (unit.sequence() != 3) {
                video.submit(unit);
            }
        }
        DecodedPicture last = awaitSequence(9);

        assertThat(units.get(6).keyframe()).isTrue();
        // Units 4 and 5 follow the gap and refer to the missing 3; 3 itself never came.
        assertThat(video.sample().skipped()).isEqualTo(2);
        assertColour(last.argb(9 * 16 + 8, TestStream.HEIGHT / 2), 0x000000);
    }

    @Test
    void givenADamagedUnitThenTheDecoderSkipsToTheNextKeyframeWithoutFailing() throws Exception {
        List<EncodedUnit> units = TestStream.encode(6, 0, 3);
        video = VideoDecoder.start(HardwareDecoding.SOFTWARE, "test");
        byte[] garbage = new byte[2000];
        new java.util.Random(1).nextBytes(garbage);

        video.submit(units.get(0));
        awaitSequence(0);
        video.submit(new EncodedUnit(garbage, 0, garbage.length, false, 1, 0));
        for (EncodedUnit unit : units.subList(2, 6)) {
            video.submit(unit);
        }
        DecodedPicture last = awaitSequence(5);

        assertThat(last.width()).isEqualTo(TestStream.WIDTH);
        assertColour(last.argb(40, 40), 0xFF0000);
    }

    @Test
    void latencyIsMeasuredFromTheCaptureTimeInTheHeaderToTheScreenTakingThePicture() throws Exception {
        long capturedMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) - 250_000;
        List<EncodedUnit> units = TestStream.encode(3, capturedMicros);
        video = VideoDecoder.start(HardwareDecoding.SOFTWARE, "test");
        video.sample();

        units.forEach(video::submit);
        awaitSequence(2);
        VideoStats stats = video.sample();

        assertThat(stats.latencyMillis()).isGreaterThanOrEqualTo(250);
        assertThat(stats.kilobitsPerSecond()).isPositive();
        assertThat(stats.decodeMillis()).isPositive();
        assertThat(stats.decoder()).isEqualTo("software");
        assertThat(stats.describe()).contains("320x240").contains("software");
    }

    @Test
    void givenAutoThenSomeDecoderOpensAndEveryHardwareDecoderPassedOverSaysWhy() throws Exception {
        video = VideoDecoder.start(HardwareDecoding.AUTO, "test");

        List<EncodedUnit> units = TestStream.encode(2, 0);
        units.forEach(video::submit);
        awaitSequence(1);

        if (video.decoderName().equals("software")) {
            assertThat(video.notes()).isNotEmpty().allSatisfy(note -> assertThat(note).isNotBlank());
        }
    }

    @Test
    void anUnknownDecoderNameIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> VideoDecoder.start("quantum", "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'quantum'").hasMessageContaining("software").hasMessageContaining("vaapi");
    }

    /** Takes pictures until the one of {@code sequence} arrives; fails after 10 s. */
    private DecodedPicture awaitSequence(long sequence) throws InterruptedException {
        DecodedPicture[] newest = new DecodedPicture[1];
        DecodedPicture found = Poll.until(10_000, () -> {
            DecodedPicture picture = video.takeNewest();
            if (picture != null) {
                if (newest[0] != null) {
                    video.giveBack(newest[0]);
                }
                newest[0] = picture;
            }
            return newest[0] != null && newest[0].sequence() == sequence ? newest[0] : null;
        });
        assertThat(found).as("picture " + sequence + " decoded").isNotNull();
        return found;
    }

    private static void assertColour(int argb, int expectedRgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int actual = (argb >> shift) & 0xFF;
            int expected = (expectedRgb >> shift) & 0xFF;
            assertThat(Math.abs(actual - expected))
                    .as("channel at bit %d of %06x (expected %06x)", shift, argb & 0xFFFFFF, expectedRgb)
                    .isLessThanOrEqualTo(40);
        }
    }
}
