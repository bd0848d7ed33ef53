package org.skvmoip.client.ui;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.skvmoip.client.api.ControlState;
import org.skvmoip.client.api.EventStream;
import org.skvmoip.client.api.InputChannel;
import org.skvmoip.client.api.MachineState;
import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.api.VideoFrame;
import org.skvmoip.client.api.VideoMode;
import org.skvmoip.client.api.VideoStream;
import org.skvmoip.client.keys.KeyboardMessage;
import org.skvmoip.client.video.EncodedUnit;
import org.skvmoip.client.video.VideoDecoder;

import javafx.application.Platform;

/**
 * One machine's sockets, kept open ({@link KeptOpen}): its video into one {@link VideoDecoder}
 * for the link's whole life (a reopened stream starts with a keyframe), and for a machine
 * window also its status events and, when the user may control it, its input, which claims
 * control each time it opens.
 * Listener calls arrive on the JavaFX thread.
 */
final class MachineLink implements AutoCloseable {

    /** What the window shows about the link. */
    interface Listener {
        /** Who controls the machine, after each claim and whenever it changes. */
        default void onControl(ControlState control) {
        }

        /** The input socket closed: keys held here are no longer held on the target. */
        default void onInputLost() {
        }

        /** The machine's state changed (power LED, HDD, online...). */
        default void onMachine(MachineState machine) {
        }

        /** A line for the status bar: reconnecting and why, input refused. */
        default void onStatus(String status) {
        }
    }

    private final ServerConnection connection;
    private final String machine;
    private final VideoDecoder decoder;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final KeptOpen video;
    private final KeptOpen input;
    private final KeptOpen events;
    private final AtomicReference<InputChannel> channel = new AtomicReference<>();

    /** What the link is for, and so which sockets it opens. */
    enum Use {
        /** A wall tile: the small video stream only. */
        THUMBNAIL,
        /** A machine window of a user who may only watch: full video and status events. */
        WATCH,
        /** A machine window with the keyboard and mouse: full video, status events and input. */
        CONTROL
    }

    MachineLink(ServerConnection connection, String machine, Use use, String decoderChoice, Listener listener) {
        this.connection = connection;
        this.machine = machine;
        this.listener = listener;
        this.decoder = VideoDecoder.start(decoderChoice, machine);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "skvm-link " + machine);
            thread.setDaemon(true);
            return thread;
        });
        VideoMode mode = use == Use.THUMBNAIL ? VideoMode.THUMBNAIL : VideoMode.FULL;
        this.video = new KeptOpen("video", scheduler, loss -> openVideo(mode, loss), this::status);
        this.input = use == Use.CONTROL ? new KeptOpen("keyboard and mouse", scheduler, this::openInput, this::status)
                : null;
        this.events = use == Use.THUMBNAIL ? null : new KeptOpen("status events", scheduler, this::openEvents,
                this::status);
    }

    void start() {
        video.start();
        if (input != null) {
            input.start();
        }
        if (events != null) {
            events.start();
        }
    }

    VideoDecoder decoder() {
        return decoder;
    }

    String machine() {
        return machine;
    }

    // ---- input, from the JavaFX thread; dropped while the input socket is closed ----

    void keyboard(KeyboardMessage state) {
        InputChannel current = channel.get();
        if (current != null) {
            current.keyboard(state.modifiers(), state.keys());
        }
    }

    void mouseAbsolute(int buttons, int x, int y, int wheel, int hwheel) {
        InputChannel current = channel.get();
        if (current != null) {
            current.mouseAbsolute(buttons, x, y, wheel, hwheel);
        }
    }

    void mouseRelative(int buttons, int dx, int dy, int wheel, int hwheel) {
        InputChannel current = channel.get();
        if (current != null) {
            current.mouseRelative(buttons, dx, dy, wheel, hwheel);
        }
    }

    /** Takes control from whoever has it. */
    void takeOver() {
        InputChannel current = channel.get();
        if (current != null) {
            current.takeOver();
        }
    }

    // ---- opening ----

    private AutoCloseable openVideo(VideoMode mode, KeptOpen.Loss loss) throws org.skvmoip.client.api.ClientException {
        return connection.openVideo(machine, mode, new VideoStream.Listener() {
            private boolean first = true;

            @Override
            public void onFrame(VideoFrame frame) {
                if (first) {
                    first = false;
                    loss.connected();
                }
                byte[] unit = frame.accessUnit();
                decoder.submit(new EncodedUnit(unit, 0, unit.length, frame.keyframe(), frame.sequence(),
                        frame.captureMicros()));
            }

            @Override
            public void onClosed(int code, String reason) {
                loss.onClosed(code, reason);
            }

            @Override
            public void onFailure(Throwable error) {
                loss.onFailure(error);
            }
        });
    }

    private AutoCloseable openInput(KeptOpen.Loss loss) throws org.skvmoip.client.api.ClientException {
        // A socket may report its end twice (failure, then close) and after its successor has
        // opened: only its own first report may forget it, never the successor.
        AtomicReference<InputChannel> self = new AtomicReference<>();
        AtomicBoolean ended = new AtomicBoolean();
        Runnable lost = () -> {
            if (ended.compareAndSet(false, true) && channel.compareAndSet(self.get(), null)) {
                Platform.runLater(listener::onInputLost);
            }
        };
        InputChannel opened = connection.openInput(machine, new InputChannel.Listener() {
            @Override
            public void onControl(ControlState control) {
                if (ended.get()) {
                    return;
                }
                if (control.held()) {
                    loss.connected();
                }
                Platform.runLater(() -> listener.onControl(control));
            }

            @Override
            public void onInputError(String error) {
                status(error);
            }

            @Override
            public void onClosed(int code, String reason) {
                lost.run();
                loss.onClosed(code, reason);
            }

            @Override
            public void onFailure(Throwable error) {
                lost.run();
                loss.onFailure(error);
            }
        });
        self.set(opened);
        channel.set(opened);
        opened.claim();
        return opened;
    }

    private AutoCloseable openEvents(KeptOpen.Loss loss) throws org.skvmoip.client.api.ClientException {
        return connection.openEvents(machine, new EventStream.Listener() {
            @Override
            public void onMachine(MachineState state) {
                loss.connected();
                Platform.runLater(() -> listener.onMachine(state));
            }

            @Override
            public void onClosed(int code, String reason) {
                loss.onClosed(code, reason);
            }

            @Override
            public void onFailure(Throwable error) {
                loss.onFailure(error);
            }
        });
    }

    private void status(String text) {
        Platform.runLater(() -> listener.onStatus(text));
    }

    /** Closes every socket (the server releases every key and button) and the decoder. */
    @Override
    public void close() {
        InputChannel current = channel.getAndSet(null);
        if (current != null) {
            current.releaseAll();
        }
        video.close();
        if (input != null) {
            input.close();
        }
        if (events != null) {
            events.close();
        }
        scheduler.shutdownNow();
        decoder.close();
    }
}
