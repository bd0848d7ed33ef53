package org.skvmoip.sim.stm32;

/**
 * The independent watchdog (RM0368 §17): a 12-bit down-counter clocked by the LSI (32 kHz here)
 * through a prescaler of 4 << PR, reloaded with RLR by the key 0xAAAA, started by 0xCCCC (it
 * cannot be stopped), its PR and RLR writable only after 0x5555. PVU/RVU stay set for the five
 * LSI periods an update takes. When the counter runs out the board resets (the C starts again
 * from power-up, the flash kept). The DBGMCU freeze bit is recorded only: no debugger halts this
 * core.
 */
public final class Iwdg implements Peripheral, Stm32Core.Timer {

    // Register offsets (RM0368 §17.4.5, register map)
    static final int KR = 0x00;
    static final int PR = 0x04;
    static final int RLR = 0x08;
    static final int SR = 0x0C;
    static final int SIZE = 0x400;

    static final int KEY_ACCESS = 0x5555;
    static final int KEY_RELOAD = 0xAAAA;
    static final int KEY_START = 0xCCCC;
    static final int SR_PVU = 1 << 0;
    static final int SR_RVU = 1 << 1;

    static final long LSI_HZ = 32_000;
    private static final long UPDATE_NANOS = 5 * 1_000_000_000L / LSI_HZ;

    private final Runnable expired;
    private boolean running;
    private boolean access;
    private int pr;
    private int rlr = 0xFFF;
    private long reloadedAt;
    private long pvuUntil;
    private long rvuUntil;
    private long reloads;
    /** When the counter runs out; far away while the watchdog is not running. */
    private volatile long expiresAt = System.nanoTime() + Long.MAX_VALUE / 2;

    /** @param expired resets the board; called under the CPU */
    Iwdg(Runnable expired) {
        this.expired = expired;
    }

    /** The timeout now in force, in nanoseconds. */
    long timeoutNanos() {
        return (rlr + 1L) * (4L << pr) * 1_000_000_000L / LSI_HZ;
    }

    boolean running() {
        return running;
    }

    long reloads() {
        return reloads;
    }

    @Override
    public long dueNanos() {
        return expiresAt;
    }

    /** The counter has run out: the board resets. */
    @Override
    public void fire() {
        if (running && System.nanoTime() - reloadedAt > timeoutNanos()) {
            running = false;
            expiresAt = System.nanoTime() + Long.MAX_VALUE / 2;
            expired.run();
        }
    }

    private void rearm() {
        expiresAt = running ? reloadedAt + timeoutNanos() + 1 : System.nanoTime() + Long.MAX_VALUE / 2;
    }

    @Override
    public int read(int offset) {
        long now = System.nanoTime();
        switch (offset) {
            case PR:
                return pr;
            case RLR:
                return rlr;
            case SR:
                return (now < pvuUntil ? SR_PVU : 0) | (now < rvuUntil ? SR_RVU : 0);
            default:
                return 0; // KR is write-only
        }
    }

    @Override
    public void write(int offset, int value) {
        long now = System.nanoTime();
        switch (offset) {
            case KR:
                int key = value & 0xFFFF;
                access = key == KEY_ACCESS;
                if (key == KEY_RELOAD || key == KEY_START) {
                    reloadedAt = now;
                    reloads++;
                    running |= key == KEY_START;
                    rearm();
                }
                break;
            case PR:
                if (access) {
                    pr = value & 7;
                    pvuUntil = now + UPDATE_NANOS;
                }
                break;
            case RLR:
                if (access) {
                    rlr = value & 0xFFF;
                    rvuUntil = now + UPDATE_NANOS;
                }
                break;
            default:
                break;
        }
    }
}
