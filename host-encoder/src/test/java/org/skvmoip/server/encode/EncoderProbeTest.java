package org.skvmoip.server.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.stream.VideoPipelines;
import org.skvmoip.server.testutil.TestSources;

/** Choosing an encoder by opening it, with FFmpeg's real encoders (no hardware encoder opens on a build machine). */
class EncoderProbeTest {

    private static final EncoderParameters HD = new EncoderParameters("superfast", 1280, 720, 30, 4000, 120, 1);

    @Test
    void givenTheDefaultOrderWhenProbingThenEveryHardwareEncoderBeforeTheChosenOneIsPassedOverWithItsReason()
            throws Exception {
        EncoderProbe.Choice choice = new EncoderProbe().open(EncoderProbe.AUTO, HD);
        try (H264Encoder encoder = choice.encoder()) {
            int chosen = EncoderProbe.HARDWARE_ORDER.indexOf(encoder.name());
            List<String> passedOver = chosen >= 0 ? EncoderProbe.HARDWARE_ORDER.subList(0, chosen)
                    : EncoderProbe.HARDWARE_ORDER;

            assertThat(choice.rejected()).extracting(EncoderProbe.Rejection::encoder).containsExactlyElementsOf(passedOver);
            assertThat(choice.rejected()).allSatisfy(rejection -> assertThat(rejection.reason())
                    .startsWith(rejection.encoder() + " ").hasSizeGreaterThan(rejection.encoder().length() + 12));
            if (chosen < 0) {
                assertThat(encoder.name()).isEqualTo("libx264");
            }
        }
    }

    @Test
    void givenHardwareEncodersThatDoNotOpenWhenProbingThenItFallsBackToLibx264AndSaysWhy() throws Exception {
        // h264_vulkan is in FFmpeg's build but takes only Vulkan surfaces, which this server does not feed.
        EncoderProbe probe = new EncoderProbe(List.of("h264_vulkan", "h264_imaginary", "libx264"));

        EncoderProbe.Choice choice = probe.open(EncoderProbe.AUTO, HD);
        try (H264Encoder encoder = choice.encoder()) {
            assertThat(encoder.name()).isEqualTo("libx264");
            assertThat(choice.rejected()).extracting(Object::toString).containsExactly(
                    "h264_vulkan does not open at 1280x720: it takes none of the pixel formats this server feeds"
                            + " (yuv420p, nv12, vaapi)",
                    "h264_imaginary is not in this FFmpeg build");
        }
        try (H264Encoder again = probe.open(EncoderProbe.AUTO, HD).encoder()) {
            assertThat(again.name()).as("the choice is remembered for the size").isEqualTo("libx264");
        }
    }

    @Test
    void givenAnExplicitEncoderFFmpegDoesNotHaveThenTheErrorSaysSoAndListsTheOnesItHas() {
        assertThatThrownBy(() -> new EncoderProbe().open("h264_imaginary", HD))
                .isInstanceOf(EncoderUnavailableException.class)
                .hasMessageContaining("encoder 'h264_imaginary' is not in this FFmpeg build")
                .hasMessageContaining("H.264 encoders in this FFmpeg: libx264")
                .hasMessageContaining("\"auto\"");
    }

    @Test
    void givenAnExplicitEncoderOfAnotherCodecThenTheErrorSaysItIsNotH264() {
        assertThatThrownBy(() -> new EncoderProbe().open("mjpeg", HD))
                .isInstanceOf(EncoderUnavailableException.class)
                .hasMessageContaining("encoder 'mjpeg' is not an H.264 encoder");
    }

    @Test
    void givenAnExplicitEncoderThatDoesNotOpenThenTheErrorNamesItAndWhy() {
        assertThatThrownBy(() -> new EncoderProbe().open("h264_vulkan", HD))
                .isInstanceOf(EncoderUnavailableException.class)
                .hasMessageStartingWith("h264_vulkan does not open at 1280x720: ");
    }

    @Test
    void givenAnInventoryNamingAnUnknownEncoderThenTheVideoServiceRefusesItNamingTheMachine() {
        var machine = TestSources.withEncoder(TestSources.testPattern("rack-3", 320, 240, 30),
                new EncoderSettings("x265", 4000, 120, "superfast"));

        assertThatThrownBy(() -> new VideoPipelines(List.of(machine)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("machine rack-3: encoder 'x265' is not in this FFmpeg build");
    }
}
