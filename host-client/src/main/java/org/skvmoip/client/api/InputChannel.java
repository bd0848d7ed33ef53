package org.skvmoip.client.api;

import java.io.IOException;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A machine's input socket: claim control, then send the whole keyboard state and mouse
 * events. Messages are sent in order, never blocking the caller (a UI thread may call every
 * method); what the server says about control and refused input goes to the listener.
 *
 * <p>Values are checked here against the API's ranges before sending, because the server
 * closes the socket on a malformed message.
 */
public final class InputChannel implements AutoCloseable {

    /** Keys held besides the modifiers, at most (the server's limit). */
    public static final int MAX_KEYS = 16;
    public static final int MAX_ABSOLUTE = 32767;
    /**
     * Messages waiting to be sent beyond which mouse motion is dropped (buttons, keys and control
     * still go): on a stalled connection, piled-up motion only delays what matters.
     */
    static final int MAX_PENDING_MOTION = 64;
    static final int MAX_MESSAGE_BYTES = 16 << 10;

    /** Receives what the server says on the input socket. */
    public interface Listener extends SocketListener {
        /** Control changed hands, or a claim was answered. */
        void onControl(ControlState control);

        /** Input was not delivered: not holding control, module offline, too fast for the module. */
        default void onInputError(String error) {
        }
    }

    private final Assembler assembler;
    // guarded by this
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private int pending;
    private int lastButtons;

    private InputChannel(Assembler assembler) {
        this.assembler = assembler;
    }

    static InputChannel open(ServerConnection connection, String machine, Listener listener) throws ClientException {
        Assembler assembler = new Assembler(listener);
        assembler.attach(connection.openSocket(ServerConnection.machinePath(machine, "/input"), assembler));
        return new InputChannel(assembler);
    }

    /** Takes control if nobody has it. */
    public CompletableFuture<Void> claim() {
        return send("{\"type\":\"claim\",\"takeOver\":false}", false);
    }

    /** Takes control even from whoever has it (their keys are released and they are told). */
    public CompletableFuture<Void> takeOver() {
        return send("{\"type\":\"claim\",\"takeOver\":true}", false);
    }

    /** Gives control up; every key and button is released. */
    public CompletableFuture<Void> release() {
        return send("{\"type\":\"release\"}", false);
    }

    /** Every key and button up, control kept (focus lost, the view hidden). */
    public CompletableFuture<Void> releaseAll() {
        return send("{\"type\":\"release-all\"}", false);
    }

    /**
     * The whole keyboard state now: {@code modifiers} as {@link HidBits} (LEFT_CTRL...), and the
     * HID usages (4..223) of the other keys held, at most {@link #MAX_KEYS}. No keys: all up.
     */
    public CompletableFuture<Void> keyboard(int modifiers, int... keys) {
        check("modifiers", modifiers, 0, 255);
        if (keys.length > MAX_KEYS) {
            throw new IllegalArgumentException("at most " + MAX_KEYS + " keys held at once, was " + keys.length);
        }
        StringBuilder json = new StringBuilder("{\"type\":\"keyboard\",\"modifiers\":").append(modifiers)
                .append(",\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            check("key usage", keys[i], 4, 223);
            json.append(i == 0 ? "" : ",").append(keys[i]);
        }
        return send(json.append("]}").toString(), false);
    }

    /**
     * The absolute pointer: {@code x}, {@code y} from 0 to {@link #MAX_ABSOLUTE} across the
     * screen whatever its resolution; {@code buttons} as {@link HidBits} (BUTTON_LEFT...);
     * wheels -127..127.
     */
    public CompletableFuture<Void> mouseAbsolute(int buttons, int x, int y, int wheel, int hwheel) {
        check("x", x, 0, MAX_ABSOLUTE);
        check("y", y, 0, MAX_ABSOLUTE);
        return mouse("mouse-abs", buttons, "\"x\":" + x + ",\"y\":" + y, wheel, hwheel);
    }

    /** Relative motion (BIOSes without absolute pointer support): {@code dx}, {@code dy} -32768..32767. */
    public CompletableFuture<Void> mouseRelative(int buttons, int dx, int dy, int wheel, int hwheel) {
        check("dx", dx, -32768, 32767);
        check("dy", dy, -32768, 32767);
        return mouse("mouse-rel", buttons, "\"dx\":" + dx + ",\"dy\":" + dy, wheel, hwheel);
    }

    private CompletableFuture<Void> mouse(String type, int buttons, String position, int wheel, int hwheel) {
        check("buttons", buttons, 0, 31);
        check("wheel", wheel, -127, 127);
        check("hwheel", hwheel, -127, 127);
        String json = "{\"type\":\"" + type + "\",\"buttons\":" + buttons + "," + position + ",\"wheel\":" + wheel
                + ",\"hwheel\":" + hwheel + "}";
        boolean motionOnly;
        synchronized (this) {
            motionOnly = buttons == lastButtons && wheel == 0 && hwheel == 0;
            lastButtons = buttons;
        }
        return send(json, motionOnly);
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be from " + min + " to " + max + ", was " + value);
        }
    }

    /** Chains the message behind the previous one: the JDK's WebSocket takes one send at a time. */
    private synchronized CompletableFuture<Void> send(String json, boolean droppable) {
        WebSocket socket = assembler.socket();
        if (socket == null || socket.isOutputClosed()) {
            return CompletableFuture.failedFuture(ClientException.connection("the input socket is closed", null));
        }
        if (droppable && pending >= MAX_PENDING_MOTION) {
            return CompletableFuture.completedFuture(null);
        }
        pending++;
        CompletableFuture<Void> sent = tail.handle((previous, failure) -> null)
                .thenCompose(ignored -> socket.sendText(json, true))
                .handle((ws, failure) -> {
                    synchronized (this) {
                        pending--;
                    }
                    if (failure != null) {
                        throw new IllegalStateException("input not sent: " + failure.getMessage(), failure);
                    }
                    return null;
                });
        tail = sent;
        return sent;
    }

    /** Closes the socket; the server releases every key and button and gives control up. */
    @Override
    public void close() {
        assembler.close();
    }

    private static final class Assembler extends MessageAssembler {
        private final Listener listener;

        Assembler(Listener listener) {
            super(MAX_MESSAGE_BYTES, listener);
            this.listener = listener;
        }

        @Override
        void text(String message) {
            JsonNode node;
            try {
                node = ApiJson.MAPPER.readTree(message);
            } catch (IOException e) {
                throw new IllegalArgumentException("an input socket message that is not JSON: " + e.getMessage(), e);
            }
            String type = node.path("type").asText();
            if (type.equals("control")) {
                listener.onControl(new ControlState(node.path("held").asBoolean(), text(node, "controller"),
                        text(node, "error")));
            } else if (type.equals("error")) {
                listener.onInputError(node.path("error").asText());
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
