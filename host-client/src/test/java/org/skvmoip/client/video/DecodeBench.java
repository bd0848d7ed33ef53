package org.skvmoip.client.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_NONE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decode and colour conversion time per picture of an Annex-B H.264 file, for each decoder
 * named: {@code java ... DecodeBench stream.h264 software cuda}. The stream must carry access
 * unit delimiters (x264's {@code aud=1}), which split it into units. Not a test: a measurement
 * for BENCHMARKS.md and for checking a hardware decoder on a machine that has one.
 */
public final class DecodeBench {

    private DecodeBench() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> units = splitAtDelimiters(Files.readAllBytes(Path.of(args[0])));
        DecodedPicture reference = null;
        for (int i = 1; i < args.length; i++) {
            List<Integer> types = HardwareDecoding.deviceTypes(args[i]);
            int type = types.isEmpty() ? AV_HWDEVICE_TYPE_NONE : types.get(0);
            DecodedPicture last = new DecodedPicture();
            try (H264Decoder decoder = H264Decoder.open(type); BgraConverter converter = new BgraConverter()) {
                int[] pictures = new int[1];
                boolean[] onDevice = new boolean[1];
                long start = System.nanoTime();
                for (byte[] unit : units) {
                    decoder.decode(unit, 0, unit.length, picture -> {
                        converter.convert(picture, last);
                        pictures[0]++;
                        onDevice[0] |= decoder.lastPictureOnDevice();
                    });
                }
                long nanos = System.nanoTime() - start;
                System.out.printf("%s: %d units, %d pictures %dx%d, %.2f ms per picture (decode + BGRA), %.0f fps,"
                        + " pictures from the device: %s%n", decoder.name(), units.size(), pictures[0], last.width(),
                        last.height(), nanos / 1e6 / pictures[0], pictures[0] / (nanos / 1e9), onDevice[0]);
            }
            if (reference == null) {
                reference = last;
            } else {
                System.out.printf("  mean difference from %s's last picture: %.2f per channel%n", args[1],
                        meanDifference(reference, last));
            }
        }
    }

    static List<byte[]> splitAtDelimiters(byte[] stream) {
        List<byte[]> units = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 4 < stream.length; i++) {
            boolean delimiter = stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 0 && stream[i + 3] == 1
                    && (stream[i + 4] & 0x1F) == 9;
            if (delimiter) {
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

    private static double meanDifference(DecodedPicture a, DecodedPicture b) {
        long sum = 0;
        int n = a.width() * a.height();
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int p = a.argb(x, y);
                int q = b.argb(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * n);
    }
}
