package org.skvmoip.firmware.dhcp;

/**
 * Marsaglia's xorshift32: cheap, allocation-free numbers for transaction ids and retransmission
 * jitter. Not secret and not meant to be: it only has to differ between modules (it is seeded
 * from the MAC) so that a rack powered on at once does not retransmit in lock-step.
 */
final class Jitter {

    private int state;

    Jitter(byte[] mac, long seed) {
        int s = (int) seed ^ (int) (seed >>> 32);
        for (int i = 0; i < mac.length; i++) {
            s = s * 31 + (mac[i] & 0xFF);
        }
        state = s == 0 ? 0x2545F491 : s;
    }

    int next() {
        int x = state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        state = x;
        return x;
    }

    /** Uniform in [-bound, +bound]. */
    int plusMinus(int bound) {
        int span = 2 * bound + 1;
        return (int) ((next() & 0x7FFFFFFFL) % span) - bound;
    }
}
