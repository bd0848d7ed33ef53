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
    /** An ANNOUNCE not sent yet (0: none): UDP takes one datagram in flight at a time. */
    private int announceLength;
    private int peerPort;
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
            announceLength = 0;
            socket.openUdp(Protocol.DISCOVERY_UDP_PORT);
            return;
        }
        for (int round = 0; round < MAX_ROUNDS_PER_POLL; round++) {
            if (announceLength > 0) {
                int sent = socket.sendTo(peerIp, 0, peerPort, announce, 0, announceLength);
                if (sent == 0) {
                    // The previous datagram is still leaving; its SEND_OK interrupt brings us back.
                    return;
                }
                if (sent > 0) {
                    answered++;
                }
                announceLength = 0;
            }
            int n = socket.recvFrom(request, 0, request.length);
            if (n <= 0) {
                return;
            }
            if (Discovery.checkDiscover(request, 0, n) != 0) {
                continue;
            }
            announceLength = Discovery.writeAnnounce(announce, 0, Discovery.requestId(request, 0), moduleId, 0,
                    firmwareVersion, session.isAdopted(), Protocol.CONTROL_TCP_PORT);
            socket.lastPeerIp(peerIp, 0);
            peerPort = socket.lastPeerPort();
        }
    }

    public void linkLost() {
        announceLength = 0;
        socket.close();
    }

    public int answered() {
        return answered;
    }
}
