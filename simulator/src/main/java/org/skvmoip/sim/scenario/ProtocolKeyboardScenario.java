package org.skvmoip.sim.scenario;

import org.skvmoip.protocol.Keyboard;
import org.skvmoip.protocol.MessageType;
import org.skvmoip.protocol.ModuleSession;
import org.skvmoip.protocol.ServerSession;
import org.skvmoip.protocol.SessionEvent;
import org.skvmoip.sim.board.JdkCrypto;
import org.skvmoip.sim.probe.AllocationScenario;

/**
 * The control protocol in steady state, one authenticated KEYBOARD frame per {@link #runOnce()}:
 * the server encodes and MACs it, the module decodes it, checks tag and sequence number and reads
 * the usages; keep-alives flow both ways on a clock that advances 1 ms per frame. Both sessions
 * use {@link JdkCrypto}, as in the simulator. Sessions are joined in memory, so only the
 * protocol's own allocations are measured.
 */
public final class ProtocolKeyboardScenario implements AllocationScenario {

    private static final byte[] MODULE_ID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    private static final byte[] SECRET = {
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88,
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};

    private final byte[] usages = {0x04, 0x05, 0x06, 0x07, 0x08, 0x09};
    private ModuleSession module;
    private ServerSession server;
    private long now;
    private int frames;
    private long usageSum;

    @Override
    public void setUp() {
        module = new ModuleSession(new JdkCrypto(), MODULE_ID, 0, 0x0100);
        module.setSecret(SECRET, 0);
        server = new ServerSession(new JdkCrypto());
        module.open(now);
        server.open(now);
        expect(toServer(), SessionEvent.HELLO);
        check(server.authenticate(SECRET, 0));
        expect(toModule(), SessionEvent.AUTHENTICATED);
        expect(toServer(), SessionEvent.AUTHENTICATED);
    }

    @Override
    public void runOnce() {
        now++;
        int count = 1 + frames % usages.length;
        check(server.sendKeyboard(frames & 0x0F, usages, 0, count));
        check(server.tick(now));
        int event = toModule();
        if (event != SessionEvent.MESSAGE || module.messageType() != MessageType.KEYBOARD
                || Keyboard.count(module.messageBuffer(), module.messageOffset()) != count) {
            throw new IllegalStateException("keyboard frame " + frames + " not decoded: " + event);
        }
        for (int i = 0; i < count; i++) {
            usageSum += Keyboard.usage(module.messageBuffer(), module.messageOffset(), i);
        }
        check(module.tick(now));
        check(toServer());
        frames++;
    }

    @Override
    public void tearDown() {
        if (!module.isAuthenticated() || frames == 0 || usageSum == 0) {
            throw new IllegalStateException("the session did not stay up: " + frames + " frames");
        }
    }

    /** Feeds all the server's output to the module; the last event that is not NONE or HANDLED. */
    private int toModule() {
        int last = SessionEvent.NONE;
        int off = 0;
        int length = server.outputLength();
        while (off < length) {
            int event = check(module.feed(server.output(), off, length - off, now));
            off += module.consumed();
            if (event != SessionEvent.NONE && event != SessionEvent.HANDLED) {
                last = event;
            }
        }
        server.outputSent(length);
        return last;
    }

    private int toServer() {
        int last = SessionEvent.NONE;
        int off = 0;
        int length = module.outputLength();
        while (off < length) {
            int event = check(server.feed(module.output(), off, length - off, now));
            off += server.consumed();
            if (event != SessionEvent.NONE && event != SessionEvent.HANDLED) {
                last = event;
            }
        }
        module.outputSent(length);
        return last;
    }

    private static void expect(int event, int expected) {
        if (event != expected) {
            throw new IllegalStateException("expected event " + expected + ", got " + event);
        }
    }

    private static int check(int result) {
        if (result < 0) {
            throw new IllegalStateException("protocol error " + result);
        }
        return result;
    }
}
