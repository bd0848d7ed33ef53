package org.skvmoip.client.trust;

import java.io.IOException;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** Trust on first use, pinned per server in the known servers file. */
final class PinnedTrust implements ServerTrust {

    private final KnownServers known;
    private final FirstUseDecision decision;

    PinnedTrust(KnownServers known, FirstUseDecision decision) {
        this.known = known;
        this.decision = decision;
    }

    @Override
    public TlsSetup forServer(String hostPort) {
        PinningTrustManager manager = new PinningTrustManager(hostPort, known);
        SSLContext context = Tls.context(new TrustManager[] {manager});
        return new TlsSetup() {
            @Override
            public SSLContext sslContext() {
                return context;
            }

            @Override
            public boolean acceptedAfter(Throwable failure) throws IOException {
                Optional<UnknownServer> unknown = manager.takeUnknown();
                if (unknown.isEmpty() || Tls.cause(failure, UnknownServerException.class).isEmpty()
                        || !decision.trust(unknown.get())) {
                    return false;
                }
                known.pin(unknown.get().hostPort(), unknown.get().fingerprint());
                return true;
            }
        };
    }

}
