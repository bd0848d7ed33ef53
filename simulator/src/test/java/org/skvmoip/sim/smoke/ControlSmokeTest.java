package org.skvmoip.sim.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.skvmoip.protocol.MessageType;
import org.skvmoip.protocol.ServerSession;
import org.skvmoip.protocol.SessionEvent;
import org.skvmoip.protocol.Status;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.board.JdkCrypto;

class ControlSmokeTest {
    @Test
    void smoke() throws Exception {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) 7);
        try (SimulatedModule module = new SimulatedModule(0, -1).adopt(secret).start();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), module.controlPort())) {
            socket.setSoTimeout(5000);
            ServerSession s = new ServerSession(new JdkCrypto());
            s.open(System.currentTimeMillis());
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buf = new byte[256];
            int status = -1;
            long deadline = System.currentTimeMillis() + 8000;
            boolean sentPower = false;
            while (System.currentTimeMillis() < deadline) {
                int n = in.read(buf);
                assertThat(n).isPositive();
                int off = 0;
                while (off < n) {
                    int ev = s.feed(buf, off, n - off, System.currentTimeMillis());
                    off += s.consumed();
                    assertThat(ev).as("event").isGreaterThanOrEqualTo(0);
                    if (ev == SessionEvent.HELLO) {
                        assertThat(s.authenticate(secret, 0)).isGreaterThanOrEqualTo(0);
                    } else if (ev == SessionEvent.AUTHENTICATED && !sentPower) {
                        s.sendPower(1);
                        sentPower = true;
                    } else if (ev == SessionEvent.MESSAGE && s.messageType() == MessageType.STATUS) {
                        status = Status.flags(s.messageBuffer(), s.messageOffset());
                        System.out.println("STATUS flags=" + Integer.toHexString(status) + " target=" + module.target().state());
                    }
                }
                out.write(s.output(), 0, s.outputLength());
                s.outputSent(s.outputLength());
                if ((status & Status.FLAG_POWER_LED) != 0) {
                    break;
                }
            }
            assertThat(status & Status.FLAG_POWER_LED).isNotZero();
        }
    }
}
