package org.skvmoip.server.capture;

/** Waiting for the capture and encoder threads, which free their native objects as they end. */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    /**
     * Waits for {@code thread}, already asked to stop, to end, even when the waiting thread is
     * interrupted (leaving early would let its natives be freed under it, or leak); the interrupt
     * is kept for the caller.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
