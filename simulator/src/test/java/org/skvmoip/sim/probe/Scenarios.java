package org.skvmoip.sim.probe;

/** Scenarios with known allocation, run by the probe in a child JVM. */
public final class Scenarios {

    private Scenarios() {
    }

    /** Base for scenarios that need no set-up. */
    public abstract static class Plain implements AllocationScenario {
        @Override
        public void setUp() {
        }

        @Override
        public void tearDown() {
        }
    }

    public static final class AllocatesNothing extends Plain {
        private final int[] counter = new int[1];

        @Override
        public void runOnce() {
            counter[0]++;
        }
    }

    /** 64 bytes of data plus HotSpot's 16-byte array header: 80 bytes per iteration. */
    public static final class Allocates64ByteArray extends Plain {
        private byte[] last;

        @Override
        public void runOnce() {
            last = new byte[64];
            last[0] = 1;
        }
    }

    public static final class FailsInRunOnce extends Plain {
        @Override
        public void runOnce() {
            throw new IllegalStateException("W5500 did not answer on SPI (fixture failure)");
        }
    }

    public static final class NoPublicConstructor extends Plain {
        NoPublicConstructor(int unused) {
        }

        @Override
        public void runOnce() {
        }
    }

    /**
     * Start-up of a driver-like class: a 1024-byte static frame buffer and a 2048-byte receive
     * buffer, 1040 + 2064 bytes of arrays plus the 16-byte driver object.
     */
    public static final class StartsADriver extends Plain {
        static final class Driver {
            static final byte[] FRAME = new byte[1024];
            final byte[] rx = new byte[2048];
        }

        private Driver driver;

        @Override
        public void runOnce() {
            driver = new Driver();
        }
    }
}
