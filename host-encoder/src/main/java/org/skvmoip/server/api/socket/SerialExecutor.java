package org.skvmoip.server.api.socket;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one socket's tasks one after another, in order, on a shared pool: a socket's input
 * reaches the module in the order it was sent, while sockets do not wait for each other. At
 * most {@code maxQueued} tasks wait; beyond that a task is refused.
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor pool;
    private final int maxQueued;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool, int maxQueued) {
        this.pool = pool;
        this.maxQueued = maxQueued;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (tasks.size() >= maxQueued) {
                throw new RejectedExecutionException(maxQueued + " tasks are already waiting");
            }
            tasks.addLast(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            pool.execute(this::runAll);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                tasks.clear();
                running = false;
            }
            throw e;
        }
    }

    private void runAll() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.pollFirst();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // One failed task must not stop the socket's later ones.
                LOG.log(Level.WARNING, "an input task failed", e);
            }
        }
    }
}
