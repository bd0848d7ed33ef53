package org.skvmoip.client.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Runs the server calls, which block until the server answers, off the JavaFX thread, and hands
 * their results or failures back to it.
 */
final class Background {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "skvm-call-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Background() {
    }

    /** Calls {@code work} on a background thread; then {@code done} or {@code failed} on the JavaFX thread. */
    static <T> CompletableFuture<T> call(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, POOL);
        result.whenComplete((value, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                done.accept(value);
            } else {
                failed.accept(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        }));
        return result;
    }
}
