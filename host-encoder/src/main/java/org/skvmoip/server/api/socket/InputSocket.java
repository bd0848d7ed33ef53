package org.skvmoip.server.api.socket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.Caller;
import org.skvmoip.server.api.Json;
import org.skvmoip.server.api.SocketClose;
import org.skvmoip.server.api.ViewerId;
import org.skvmoip.server.input.ControlSeats;
import org.skvmoip.server.module.MachineControl;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * One viewer's input socket for one machine. Messages are checked on the event loop (a bad one
 * closes this socket only) and carried out in order on the input relay threads, since a send to
 * the module may wait on its link. Input is accepted only from the viewer holding the machine's
 * seat; when the socket closes, its seat is given up and every key released.
 */
final class InputSocket extends SimpleChannelInboundHandler<WebSocketFrame> {

    /** Messages waiting for the module per socket: about a second of fast mouse movement. */
    static final int MAX_QUEUED = 256;

    private final String machine;
    private final MachineControl control;
    private final ControlSeats seats;
    private final Caller caller;
    private final ApiAudit audit;
    private final SerialExecutor serial;
    private volatile ChannelHandlerContext ctx;
    private volatile AutoCloseable controlListener;
    private volatile String viewer;
    // relay thread only (serial)
    private boolean toldNotHolding;

    InputSocket(String machine, MachineControl control, ControlSeats seats, Caller caller, ApiAudit audit,
            Executor relay) {
        this.machine = machine;
        this.control = control;
        this.seats = seats;
        this.caller = caller;
        this.audit = audit;
        this.serial = new SerialExecutor(relay, MAX_QUEUED);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.viewer = ViewerId.of(caller.user(), ctx.channel().id().asShortText());
        // Called with the seats' lock held: only hand off.
        controlListener = seats.onChange((changed, previous, current) -> {
            if (changed.equals(machine)) {
                serial.execute(() -> sendControl(null));
            }
        });
        serial.execute(() -> sendControl(null));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            SocketClose.close(ctx, SocketClose.UNSUPPORTED_DATA, "input messages are JSON text frames (docs/api.md)");
            return;
        }
        InputMessage message;
        try {
            message = InputMessage.parse(text.text());
        } catch (ApiException e) {
            SocketClose.close(ctx, SocketClose.POLICY_VIOLATION, e.getMessage());
            return;
        }
        try {
            serial.execute(() -> apply(message));
        } catch (RejectedExecutionException e) {
            send(error("input arrives faster than the module takes it; this message was dropped"));
        }
    }

    private void apply(InputMessage message) {
        if (message instanceof InputMessage.Claim claim) {
            claim(claim.takeOver());
        } else if (message instanceof InputMessage.Release) {
            release("release");
        } else if (!holds()) {
            refuse();
        } else if (message instanceof InputMessage.KeyboardState keys) {
            delivered(control.keyboard(keys.modifiers(), keys.usages(), keys.usages().length));
        } else if (message instanceof InputMessage.PointerAbsolute p) {
            delivered(control.mouseAbsolute(p.buttons(), p.x(), p.y(), p.wheel(), p.hwheel()));
        } else if (message instanceof InputMessage.PointerRelative p) {
            delivered(control.mouseRelative(p.buttons(), p.dx(), p.dy(), p.wheel(), p.hwheel()));
        } else if (message instanceof InputMessage.ReleaseAll) {
            delivered(control.releaseAll());
        }
    }

    private void claim(boolean takeOver) {
        Optional<String> before = seats.controller(machine);
        if (before.isPresent() && before.get().equals(viewer)) {
            sendControl(null);
            return;
        }
        if (!seats.claim(machine, viewer, takeOver)) {
            String holder = ViewerId.user(seats.controller(machine).orElse("another viewer"));
            audit.record(caller, "control", machine, "refused: held by " + holder);
            sendControl(holder + " controls this machine; send {\"type\":\"claim\",\"takeOver\":true} to take over");
            return;
        }
        // ControlSeats released the previous controller's keys and tells every socket of the machine.
        if (before.isPresent()) {
            audit.record(caller, "take-over", machine, "ok: from " + ViewerId.user(before.get()));
        } else {
            audit.record(caller, "control", machine, "ok");
        }
    }

    private void release(String action) {
        if (!holds()) {
            return;
        }
        // Releases every key and button too (ControlSeats), and tells the machine's other sockets.
        seats.release(machine, viewer);
        audit.record(caller, action, machine, "ok");
    }

    private boolean holds() {
        return seats.controls(machine, viewer);
    }

    /** Said once, not for every mouse move that follows. */
    private void refuse() {
        if (!toldNotHolding) {
            toldNotHolding = true;
            send(error("you do not control '" + machine + "'; send {\"type\":\"claim\"} first (input ignored until then)"));
        }
    }

    private void delivered(boolean sent) {
        if (!sent) {
            send(error("the module of '" + machine + "' is offline; input not delivered"));
        }
    }

    private void sendControl(String problem) {
        toldNotHolding = false;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "control");
        message.put("held", holds());
        message.put("controller", seats.controller(machine).map(ViewerId::user).orElse(null));
        if (problem != null) {
            message.put("error", problem);
        }
        send(message);
    }

    private void stopListening() {
        try {
            controlListener.close();
        } catch (Exception e) {
            throw new IllegalStateException("removing a listener of ControlSeats cannot fail", e);
        }
    }

    private static Map<String, Object> error(String text) {
        return Map.of("type", "error", "error", text);
    }

    private void send(Map<String, Object> message) {
        ctx.channel().writeAndFlush(new TextWebSocketFrame(Json.text(message)));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopListening();
        Runnable leave = () -> release("release-on-close");
        try {
            serial.execute(leave);
        } catch (RejectedExecutionException e) {
            // This socket's queue is full: the seat must be given up all the same.
            leave.run();
        }
        ctx.fireChannelInactive();
    }
}
