package org.skvmoip.sim.stm32.otg;

import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.ENDPOINTS;
import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.FIFO_RAM_WORDS;

/**
 * The OTG_FS core's data FIFO RAM (RM0368 ch. 22, "FIFO RAM allocation"): 320 words shared by
 * one RX FIFO, which starts at word 0, and one TX FIFO per IN endpoint, each placed by the
 * application (GRXFSIZ, DIEPTXF0, DIEPTXFx). The RX FIFO holds receive status words and packet data in the order they came, as
 * the core's does, so a driver that pops a status without reading its data reads data as status.
 * Not thread-safe: {@link OtgFsModel} holds its lock around every call.
 */
final class FifoRam {

    /** Smallest and largest FIFO depth RM0368 allows (GRXFSIZ.RXFD, DIEPTXFx.INEPTXFD), in words. */
    static final int MIN_DEPTH = 16;
    static final int MAX_DEPTH = 256;

    private final int[] rx = new int[FIFO_RAM_WORDS];
    private final boolean[] rxIsStatus = new boolean[FIFO_RAM_WORDS];
    private int rxHead;
    private int rxCount;
    private final int[][] tx = new int[ENDPOINTS][FIFO_RAM_WORDS];
    private final int[] txHead = new int[ENDPOINTS];
    private final int[] txCount = new int[ENDPOINTS];

    /**
     * The first problem with a plan of an RX FIFO of {@code rxDepth} words and the TX FIFOs in
     * {@code used} (bit n: TX FIFO n), each {@code start[n]}/{@code depth[n]}; null when it fits.
     */
    static String checkPlan(int rxDepth, int[] start, int[] depth, int used) {
        // Checked at every endpoint enable, on the firmware's thread: a plan that fits must not
        // allocate, or the model's garbage would count as the firmware's (FirmwareAllocationTest).
        if (fits(rxDepth, start, depth, used)) {
            return null;
        }
        StringBuilder plan = new StringBuilder("RX 0..").append(rxDepth - 1);
        String problem = depthProblem("RX FIFO", rxDepth);
        int end = rxDepth;
        for (int n = 0; n < ENDPOINTS; n++) {
            if ((used & 1 << n) == 0) {
                continue;
            }
            plan.append(", TX").append(n).append(' ').append(start[n]).append("..").append(start[n] + depth[n] - 1);
            if (problem == null) {
                problem = depthProblem("TX FIFO " + n, depth[n]);
            }
            if (problem == null && start[n] < rxDepth) {
                problem = "TX FIFO " + n + " starts at word " + start[n] + ", inside the RX FIFO (words 0.." + (rxDepth - 1)
                        + ")";
            }
            for (int m = 0; m < n && problem == null; m++) {
                if ((used & 1 << m) != 0 && start[n] < start[m] + depth[m] && start[m] < start[n] + depth[n]) {
                    problem = "TX FIFO " + n + " overlaps TX FIFO " + m;
                }
            }
            end = Math.max(end, start[n] + depth[n]);
        }
        if (problem == null && end > FIFO_RAM_WORDS) {
            problem = "it needs " + end + " words and the FIFO RAM has " + FIFO_RAM_WORDS;
        }
        return problem == null ? null : "FIFO plan refused: " + problem + " (" + plan + ")";
    }

    /** {@link #checkPlan}'s rules, without the words to say which one a plan breaks. */
    private static boolean fits(int rxDepth, int[] start, int[] depth, int used) {
        if (!depthFits(rxDepth)) {
            return false;
        }
        int end = rxDepth;
        for (int n = 0; n < ENDPOINTS; n++) {
            if ((used & 1 << n) == 0) {
                continue;
            }
            if (!depthFits(depth[n]) || start[n] < rxDepth) {
                return false;
            }
            for (int m = 0; m < n; m++) {
                if ((used & 1 << m) != 0 && start[n] < start[m] + depth[m] && start[m] < start[n] + depth[n]) {
                    return false;
                }
            }
            end = Math.max(end, start[n] + depth[n]);
        }
        return end <= FIFO_RAM_WORDS;
    }

    private static boolean depthFits(int depth) {
        return depth >= MIN_DEPTH && depth <= MAX_DEPTH;
    }

    private static String depthProblem(String fifo, int depth) {
        if (!depthFits(depth)) {
            return fifo + " is " + depth + " words; RM0368 allows " + MIN_DEPTH + ".." + MAX_DEPTH;
        }
        return null;
    }

    // ---- RX FIFO ----

    int rxFree(int rxDepth) {
        return rxDepth - rxCount;
    }

    boolean rxEmpty() {
        return rxCount == 0;
    }

    /** Pushes a receive status word and {@code length} bytes of its packet, padded to whole words. */
    void rxPush(int status, byte[] data, int length) {
        rxPushWord(status, true);
        for (int i = 0; i < length; i += 4) {
            int word = 0;
            for (int b = 0; b < 4 && i + b < length; b++) {
                word |= (data[i + b] & 0xFF) << 8 * b; // the FIFO is little-endian, as the AHB bus
            }
            rxPushWord(word, false);
        }
    }

    static int words(int bytes) {
        return (bytes + 3) / 4;
    }

    /** The word at the top without popping it, or 0 when empty (GRXSTSR). */
    int rxPeek() {
        return rxCount == 0 ? 0 : rx[rxHead];
    }

    boolean rxTopIsStatus() {
        return rxCount > 0 && rxIsStatus[rxHead];
    }

    /** Pops the top word, or returns 0 when empty, as the core ignores a pop of an empty FIFO. */
    int rxPop() {
        if (rxCount == 0) {
            return 0;
        }
        int word = rx[rxHead];
        rxHead = (rxHead + 1) % FIFO_RAM_WORDS;
        rxCount--;
        return word;
    }

    void rxFlush() {
        rxHead = 0;
        rxCount = 0;
    }

    private void rxPushWord(int word, boolean status) {
        int at = (rxHead + rxCount) % FIFO_RAM_WORDS;
        rx[at] = word;
        rxIsStatus[at] = status;
        rxCount++;
    }

    // ---- TX FIFOs ----

    int txCount(int n) {
        return txCount[n];
    }

    /** Pushes one word into TX FIFO {@code n}; false (nothing stored) when its {@code depth} is full. */
    boolean txPush(int n, int word, int depth) {
        if (txCount[n] >= depth) {
            return false;
        }
        tx[n][(txHead[n] + txCount[n]) % FIFO_RAM_WORDS] = word;
        txCount[n]++;
        return true;
    }

    /** Pops {@code length} bytes (whole words) of TX FIFO {@code n} into {@code dst}. */
    void txPop(int n, byte[] dst, int length) {
        for (int i = 0; i < words(length); i++) {
            int word = tx[n][txHead[n]];
            txHead[n] = (txHead[n] + 1) % FIFO_RAM_WORDS;
            txCount[n]--;
            for (int b = 0; b < 4 && 4 * i + b < length; b++) {
                dst[4 * i + b] = (byte) (word >>> 8 * b);
            }
        }
    }

    void txFlush(int n) {
        txHead[n] = 0;
        txCount[n] = 0;
    }
}
