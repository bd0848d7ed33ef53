package org.skvmoip.firmware.control;

import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.W5500Socket;
import org.skvmoip.protocol.Discovery;
import org.skvmoip.protocol.ModuleSession;
import org.skvmoip.protocol.Protocol;

/**
 * Answers a server's DISCOVER datagram (docs/protocol.md §8) with ANNOUNCE: who this module
 * is, whether it is adopted, and where its control service listens, so a server can find
 * modules it has not adopted yet. Unsolicited datagrams and malformed requests get nothing.
 */
public final class DiscoveryResponder {

    private static final int MAX_ROUNDS_PER_POLL = 4;

    private final W5500Socket socket;
    private final ModuleSession session;
    private final byte[] moduleId;
    private final int firmwareVersion;
    private final byte[] request = new byte[Discovery.DISCOVER_LENGTH + 1];
    private final byte[] announce = new byte[Discovery.ANNOUNCE_LENGTH];
    private final byte[] peerIp = new byte[4];
    private int answered;

    public DiscoveryResponder(W5500Socket socket, ModuleSession session, byte[] moduleId, int firmwareVersion) {
        this.socket = socket;
        this.session = session;
        this.moduleId = moduleId;
        this.firmwareVersion = firmwareVersion;
    }

    /** Serves the discovery socket; never blocks. */
    public void poll() {
        socket.takeInterrupts();
        if (socket.status() != SocketRegisters.SOCK_UDP) {
            socket.openUdp(Protocol.DISCOVERY_UDP_PORT);
            return;
        }
        for (int round = 0; round < MAX_ROUNDS_PER_POLL; round++) {
            int n = socket.recvFrom(request, 0, request.length);
            if (n <= 0) {
                return;
            }
            if (Discovery.checkDiscover(request, 0, n) != 0) {
                continue;
            }
            int length = Discovery.writeAnnounce(announce, 0, Discovery.requestId(request, 0), moduleId, 0,
                    firmwareVersion, session.isAdopted(), Protocol.CONTROL_TCP_PORT);
            socket.lastPeerIp(peerIp, 0);
            if (socket.sendTo(peerIp, 0, socket.lastPeerPort(), announce, 0, length) > 0) {
                answered++;
            }
        }
    }

    public void linkLost() {
        socket.close();
    }

    public int answered() {
        return answered;
    }
}
