package org.skvmoip.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skvmoip.server.capture.CaptureSource;
import org.skvmoip.server.capture.CaptureStamp;
import org.skvmoip.server.capture.FrameImages;
import org.skvmoip.server.stream.AccessUnit;
import org.skvmoip.server.testutil.H264TestDecoder;
import org.skvmoip.server.testutil.Pictures;
import org.skvmoip.server.testutil.TestSources;

/** The software encoders as the server runs them, fed by a real capture (FFmpeg's lavfi test pattern), checked by decoding. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class H264EncoderTest {

    private static final EncoderProbe PROBE = new EncoderProbe();

    private final List<AccessUnit> units = new ArrayList<>();
    private BufferedImage lastSource;

    private static EncoderParameters parameters(int width, int height) {
        return new EncoderParameters("superfast", width, height, 30, 2000, 120, 1);
    }

    private void encode(CaptureSource source, H264Encoder encoder, int pictures) throws Exception {
        for (int i = 0; i < pictures; i++) {
            CaptureStamp stamp = source.next();
            encoder.encode(source.frame(), stamp, (data, keyframe, pts, captured, encoded) -> units.add(new AccessUnit(
                    data, keyframe, units.size(), pts, captured.epochMicros(), captured.nanoTime(), encoded,
                    encoder.width(), encoder.height())));
        }
        lastSource = FrameImages.toImage(source.frame());
    }

    @Test
    void givenATestPatternWhenEncodedAndDecodedThenEveryPictureHasTheStreamSizeAndShowsTheSource() throws Exception {
        try (CaptureSource source = CaptureSource.open(TestSources.testPattern("pattern", 640, 360, 30), () -> false);
                H264Encoder encoder = PROBE.open("libx264", parameters(640, 360)).encoder()) {
            encode(source, encoder, 15);
        }

        List<BufferedImage> decoded = H264TestDecoder.decodeAll(units);

        assertThat(units).hasSize(15);
        assertThat(decoded).hasSize(15).allSatisfy(picture -> {
            assertThat(picture.getWidth()).isEqualTo(640);
            assertThat(picture.getHeight()).isEqualTo(360);
        });
        assertThat(Pictures.meanDifference(decoded.get(14), lastSource)).isLessThan(8);
    }

    /** OpenH264 is the software encoder of the LGPL build (-Plgpl); the GPL build has it too. */
    @ParameterizedTest
    @ValueSource(strings = {"libx264", "libopenh264"})
    void givenAStreamWhenAKeyframeIsRequestedThenTheNextUnitIsAnIdrWithItsParameterSetsInFront(String name)
            throws Exception {
        try (CaptureSource source = CaptureSource.open(TestSources.testPattern("pattern", 320, 240, 30), () -> false);
                H264Encoder encoder = PROBE.open(name, parameters(320, 240)).encoder()) {
            encode(source, encoder, 5);
            encoder.requestKeyframe();
            encode(source, encoder, 2);
        }

        assertThat(units).extracting(AccessUnit::keyframe).containsExactly(true, false, false, false, false, true, false);
        for (AccessUnit keyframe : List.of(units.get(0), units.get(5))) {
            assertThat(AnnexB.startsWithStartCode(keyframe.data())).isTrue();
            assertThat(AnnexB.nalTypes(keyframe.data())).containsSubsequence(AnnexB.NAL_SPS, AnnexB.NAL_PPS,
                    AnnexB.NAL_IDR_SLICE);
        }
        // A viewer that starts at the requested keyframe decodes it and what follows.
        assertThat(H264TestDecoder.decodeAll(units.subList(5, 7))).hasSize(2);
    }

    @Test
    void givenAnOutputSizeSmallerThanTheSourceWhenEncodedThenPicturesAreScaledToIt() throws Exception {
        try (CaptureSource source = CaptureSource.open(TestSources.testPattern("pattern", 640, 360, 30), () -> false);
                H264Encoder encoder = PROBE.open("libx264", parameters(320, 180)).encoder()) {
            encode(source, encoder, 3);
        }

        assertThat(H264TestDecoder.decodeAll(units)).hasSize(3).allSatisfy(picture -> {
            assertThat(picture.getWidth()).isEqualTo(320);
            assertThat(picture.getHeight()).isEqualTo(180);
        });
    }
}
