package org.skvmoip.client.ui;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.skvmoip.client.api.ClientException;
import org.skvmoip.client.api.ReconnectPolicy;
import org.skvmoip.client.api.SocketListener;

/**
 * A socket of the API kept open: when it closes or fails in a way worth retrying it is opened
 * again after a growing delay ({@link ReconnectPolicy}); when it is refused for good (a wrong
 * token, an unknown machine) the reason is reported and it stays closed. All opening happens on
 * one scheduler thread, which also owns the policy.
 */
final class KeptOpen {

    /** Opens the socket, giving the listener that must report its end. */
    interface Opening {
        AutoCloseable open(Loss loss) throws ClientException;
    }

    /**
     * Reports how one opened socket ended; only its first report counts. Mix it into the
     * socket's listener ({@link #onClosed}, {@link #onFailure}).
     */
    static final class Loss implements SocketListener {
        private final KeptOpen owner;
        private final AtomicBoolean reported = new AtomicBoolean();

        private Loss(KeptOpen owner) {
            this.owner = owner;
        }

        /** The socket works (first message received): the next loss retries quickly again. */
        void connected() {
            owner.scheduler.execute(owner.policy::connected);
        }

        @Override
        public void onClosed(int code, String reason) {
            if (reported.compareAndSet(false, true)) {
                owner.lost(ReconnectPolicy.worthReopening(code), owner.what + " closed (" + code
                        + (reason == null || reason.isEmpty() ? "" : ": " + reason) + ")");
            }
        }

        @Override
        public void onFailure(Throwable error) {
            if (reported.compareAndSet(false, true)) {
                owner.lost(true, owner.what + " lost: " + error.getMessage());
            }
        }
    }

    private final String what;
    private final ScheduledExecutorService scheduler;
    private final Opening opening;
    private final Consumer<String> status;
    private final ReconnectPolicy policy = new ReconnectPolicy();
    private volatile AutoCloseable socket;
    private volatile boolean closed;

    /**
     * @param what   names the socket in status lines ("video", "input")
     * @param status receives status lines (on the scheduler's or a socket's thread)
     */
    KeptOpen(String what, ScheduledExecutorService scheduler, Opening opening, Consumer<String> status) {
        this.what = what;
        this.scheduler = scheduler;
        this.opening = opening;
        this.status = status;
    }

    void start() {
        scheduler.execute(this::open);
    }

    private void open() {
        if (closed) {
            return;
        }
        try {
            AutoCloseable opened = opening.open(new Loss(this));
            socket = opened;
            if (closed) {
                closeQuietly(opened);
            }
        } catch (ClientException e) {
            if (ReconnectPolicy.worthRetrying(e)) {
                retry(policy.nextDelay(e), what + ": " + e.getMessage());
            } else {
                status.accept("no " + what + ": " + e.getMessage());
            }
        }
    }

    private void lost(boolean reopen, String why) {
        socket = null;
        if (closed) {
            return;
        }
        if (reopen) {
            scheduler.execute(() -> retry(policy.nextDelay(), why));
        } else {
            status.accept(why);
        }
    }

    private void retry(Duration delay, String why) {
        if (closed) {
            return;
        }
        status.accept(why + "; reconnecting in " + String.format("%.1f s", delay.toMillis() / 1000.0));
        scheduler.schedule(this::open, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the socket and opens it no more. */
    void close() {
        closed = true;
        AutoCloseable current = socket;
        socket = null;
        if (current != null) {
            closeQuietly(current);
        }
    }

    private static void closeQuietly(AutoCloseable socket) {
        try {
            socket.close();
        } catch (Exception e) {
            // Closing a socket that already failed: nothing left to do.
        }
    }
}
