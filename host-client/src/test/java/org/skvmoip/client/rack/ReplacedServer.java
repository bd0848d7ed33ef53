package org.skvmoip.client.rack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.server.tls.ServerCertificate;

/**
 * A server without machines that is replaced, at the same address and port, by another with a
 * certificate of its own: what a client sees when someone intercepts the connection, or when the
 * server's data directory was recreated.
 */
public final class ReplacedServer implements AutoCloseable {

    private final Path dir;
    private ServerRig current;
    private final String originalFingerprint;

    private ReplacedServer(Path dir) throws Exception {
        this.dir = dir;
        this.current = ServerRig.start(dir.resolve("original"), 0, "", ServerRig.EPHEMERAL_PORTS, 0);
        this.originalFingerprint = fingerprint();
    }

    public static ReplacedServer start(Path dir) throws Exception {
        return new ReplacedServer(dir);
    }

    public ServerRig rig() {
        return current;
    }

    public String url() {
        return "https://127.0.0.1:" + current.server.port();
    }

    public String fingerprint() {
        return current.server.certificate().sha256Fingerprint();
    }

    public String originalFingerprint() {
        return originalFingerprint;
    }

    /** Stops the original and starts the other server on its port. */
    public void replace() throws Exception {
        int port = current.server.port();
        current.close();
        current = ServerRig.start(dir.resolve("replacement"), 0, "", ServerRig.EPHEMERAL_PORTS, port);
    }

    /**
     * Restarts the original server on its port with its certificate renewed, as the server does
     * when its certificate nears its end: a new certificate for the same key.
     */
    public void renewCertificate() throws Exception {
        int port = current.server.port();
        current.close();
        Path original = dir.resolve("original");
        Clock nearTheEnd = Clock.offset(Clock.systemUTC(), Duration.ofDays(800));
        ServerCertificate.selfSigned(original.resolve("data"), nearTheEnd);
        current = ServerRig.start(original, 0, "", ServerRig.EPHEMERAL_PORTS, port);
    }

    /** The replacement's audit log: what requests reached it. */
    public Path auditLog() {
        return current.server.inventory().server().auditLog();
    }

    @Override
    public void close() throws Exception {
        current.close();
    }
}
