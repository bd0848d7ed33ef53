package org.skvmoip.sim.stm32;

/**
 * MicroEJ's view of the Java threads that call natives (SNI specification): an id per thread;
 * SNI_suspendCurrentJavaThread asks for a suspension that happens when the native returns,
 * ending at SNI_resumeJavaThread or the timeout; a resume that comes before the suspension
 * makes the suspension return at once. Allocation-free after a thread's first call: the
 * firmware's loop runs through here.
 */
final class SniThreads {

    private static final int MAX_THREADS = 16;

    private final Thread[] threads = new Thread[MAX_THREADS];
    private final long[] suspendMillis = new long[MAX_THREADS];
    private final boolean[] resumed = new boolean[MAX_THREADS];
    private int count;

    synchronized int idOf(Thread thread) {
        for (int i = 0; i < count; i++) {
            if (threads[i] == thread) {
                return i;
            }
        }
        if (count == MAX_THREADS) {
            throw new IllegalStateException("more than " + MAX_THREADS + " Java threads called the C");
        }
        threads[count] = thread;
        suspendMillis[count] = -1;
        return count++;
    }

    synchronized void askSuspend(Thread thread, long timeoutMillis) {
        suspendMillis[idOf(thread)] = Math.max(0, timeoutMillis);
    }

    synchronized void resume(int id) {
        if (id < 0 || id >= count) {
            throw new IllegalArgumentException("SNI_resumeJavaThread(" + id + "): no such Java thread");
        }
        resumed[id] = true;
        notifyAll();
    }

    synchronized void resumeAll() {
        for (int i = 0; i < count; i++) {
            resumed[i] = true;
        }
        notifyAll();
    }

    /** Outside the CPU: performs the suspension the native asked for, if any (timeout 0: until resumed). */
    void suspendIfAsked(Stm32Core core) {
        synchronized (this) {
            int id = idOf(Thread.currentThread());
            long timeout = suspendMillis[id];
            if (timeout < 0) {
                return;
            }
            suspendMillis[id] = -1;
            long deadline = System.nanoTime() / 1_000_000 + timeout;
            while (!resumed[id]) {
                long left = timeout == 0 ? 0 : deadline - System.nanoTime() / 1_000_000;
                if (timeout != 0 && left <= 0) {
                    break;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            resumed[id] = false;
        }
        core.checkResetDuringSuspension();
    }
}
