package org.skvmoip.server.module;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import org.skvmoip.protocol.ProtocolError;

import io.netty.channel.ConnectTimeoutException;

/**
 * Why a module link is down, in the words of the person who has to fix it: what happened, at
 * which module, and what to do. Every sentence starts with the module's address so a wall of
 * machines shows at once which one is meant.
 */
final class LinkProblems {

    private static final int TIMEOUT_SECONDS = org.skvmoip.protocol.Protocol.KEEPALIVE_TIMEOUT_MILLIS / 1000;

    private LinkProblems() {
    }

    static String notAdopted(String address) {
        return "module " + address + " is not adopted yet (this server holds no secret for it): adopt it";
    }

    /** The server holds a secret but the module has none: it was factory-reset or swapped. */
    static String lostSecret(String address) {
        return "module " + address + " has no secret any more (factory-reset, or a new module at that address): "
                + "adopt it again";
    }

    static String alreadyAdopted(String address) {
        return "module " + address + " is already adopted and holds a secret this server does not know: "
                + "factory-reset it (hold its button while it powers up) to adopt it here";
    }

    static String closedByServer(String address) {
        return "the link to module " + address + " was closed by the server";
    }

    static String connecting(String address) {
        return "connecting to module " + address;
    }

    /** A session that ended with a protocol code; {@code peerCode} is the module's own code when it sent ERROR. */
    static String ended(String address, int code, int peerCode) {
        String module = "module " + address;
        if (code == ProtocolError.PEER_ERROR) {
            return byModule(module, address, peerCode);
        }
        switch (code) {
            case ProtocolError.KEEPALIVE_TIMEOUT:
                return "no answer from " + module + " for " + TIMEOUT_SECONDS + " s";
            case ProtocolError.HANDSHAKE_TIMEOUT:
                return module + " did not finish the handshake within " + TIMEOUT_SECONDS + " s";
            case ProtocolError.AUTH_FAILED:
                return module + " did not prove it holds this machine's secret: another device answers at that "
                        + "address, or the module holds another secret";
            case ProtocolError.NOT_ADOPTED:
                return lostSecret(address);
            case ProtocolError.SESSION_CLOSED:
                return module + " closed the connection";
            default:
                return module + " sent something this server refused: " + ProtocolError.describe(code);
        }
    }

    private static String byModule(String module, String address, int peerCode) {
        switch (peerCode) {
            case ProtocolError.AUTH_FAILED:
                return module + " refused the secret: it holds another one (adopted by another server, or "
                        + "factory-reset); factory-reset and adopt it again";
            case ProtocolError.NOT_ADOPTED:
                return lostSecret(address);
            case ProtocolError.ALREADY_ADOPTED:
                return alreadyAdopted(address);
            case ProtocolError.KEEPALIVE_TIMEOUT:
            case ProtocolError.HANDSHAKE_TIMEOUT:
                return module + " heard nothing from this server for " + TIMEOUT_SECONDS + " s and ended the session";
            default:
                return module + " ended the session: " + ProtocolError.describe(peerCode);
        }
    }

    /** A connection attempt that failed, or a connection that broke. */
    static String connection(String address, Throwable cause) {
        String module = "module " + address;
        if (cause instanceof ConnectTimeoutException) {
            return module + ": no answer to the connection attempt (is it powered and on the network?)";
        }
        if (cause instanceof ConnectException) {
            return module + ": connection refused (nothing listens on its control port; another server may be "
                    + "in a session with it)";
        }
        if (cause instanceof NoRouteToHostException) {
            return module + ": no route to host (check the address and the network)";
        }
        if (cause instanceof UnknownHostException) {
            return module + ": unknown host (check the machine's module address)";
        }
        String message = cause.getMessage();
        if (message != null && message.contains("Connection reset")) {
            return module + " reset the connection (it restarted, or lost its network link)";
        }
        return module + ": " + (message == null ? cause.getClass().getSimpleName() : message);
    }
}
