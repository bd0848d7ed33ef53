package org.skvmoip.server.encode;

import java.io.ByteArrayOutputStream;
import java.util.stream.IntStream;

/**
 * Reading an H.264 Annex-B byte stream (ITU-T H.264 Annex B): NAL units behind 3- or 4-byte start
 * codes, the unit type in the low 5 bits of the first byte after the start code (table 7-1).
 */
public final class AnnexB {

    public static final int NAL_SLICE = 1;
    public static final int NAL_IDR_SLICE = 5;
    public static final int NAL_SEI = 6;
    public static final int NAL_SPS = 7;
    public static final int NAL_PPS = 8;
    public static final int NAL_AUD = 9;

    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {
    }

    /** The type of each NAL unit in order; empty when {@code data} has no start code. */
    public static int[] nalTypes(byte[] data) {
        IntStream.Builder types = IntStream.builder();
        int start = nextUnit(data, 0);
        while (start >= 0 && start < data.length) {
            types.add(data[start] & 0x1F);
            start = nextUnit(data, start);
        }
        return types.build().toArray();
    }

    public static boolean contains(byte[] data, int nalType) {
        for (int type : nalTypes(data)) {
            if (type == nalType) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code data} begins with a start code (as opposed to AVCC length prefixes). */
    public static boolean startsWithStartCode(byte[] data) {
        return data.length >= 4 && data[0] == 0 && data[1] == 0 && (data[2] == 1 || data[2] == 0 && data[3] == 1);
    }

    /** The SPS and PPS units of {@code data}, each behind a 4-byte start code; empty if it has none. */
    public static byte[] parameterSets(byte[] data) {
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        int start = nextUnit(data, 0);
        while (start >= 0 && start < data.length) {
            int next = nextUnit(data, start);
            int type = data[start] & 0x1F;
            if (type == NAL_SPS || type == NAL_PPS) {
                int end = next < 0 ? data.length : startCodeBefore(data, next);
                sets.writeBytes(START_CODE);
                sets.write(data, start, end - start);
            }
            start = next;
        }
        return sets.toByteArray();
    }

    /** The offset of the first NAL unit byte after the next start code at or after {@code from}, or -1. */
    private static int nextUnit(byte[] data, int from) {
        for (int i = from; i + 2 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    /** Where the start code ends that precedes the unit at {@code unit}, including a 4th zero byte. */
    private static int startCodeBefore(byte[] data, int unit) {
        int end = unit - 3;
        return end > 0 && data[end - 1] == 0 ? end - 1 : end;
    }
}
