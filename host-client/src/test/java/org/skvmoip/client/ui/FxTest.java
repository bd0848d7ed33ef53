package org.skvmoip.client.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javafx.application.Platform;

/**
 * JUnit extension for tests that show windows: an X display ({@link XDisplay}) and the JavaFX
 * toolkit, started once for the whole test JVM. Without a display the tests are skipped, saying why.
 */
public final class FxTest implements BeforeAllCallback {

    private static String unavailable;
    private static boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
        assumeTrue(unavailable == null, () -> "GUI test skipped: " + unavailable);
    }

    private static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        started = true;
        Optional<String> problem = XDisplay.ensure();
        if (problem.isPresent()) {
            unavailable = problem.get();
            return;
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        } catch (RuntimeException | Error e) {
            unavailable = "JavaFX does not start (" + e + "); it needs GTK 3: apt-get install libgtk-3-0";
            return;
        }
        if (!up.await(30, TimeUnit.SECONDS)) {
            unavailable = "JavaFX did not start within 30 s";
            return;
        }
        Platform.setImplicitExit(false);
    }

    /** Runs {@code work} on the JavaFX thread and waits for its result (at most 20 s). */
    public static <T> T call(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("the JavaFX thread did not finish the work within 20 s", e);
        }
    }

    /** Runs {@code work} on the JavaFX thread and waits for it. */
    public static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until the JavaFX thread has handled everything queued so far (input events included). */
    public static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            run(() -> { });
        }
    }
}
