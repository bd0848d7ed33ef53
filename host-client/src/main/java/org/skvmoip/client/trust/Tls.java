package org.skvmoip.client.trust;

import java.security.GeneralSecurityException;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** TLS plumbing shared by the trust policies. */
public final class Tls {

    private Tls() {
    }

    static SSLContext context(TrustManager[] trustManagers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime offers no TLS: " + e.getMessage(), e);
        }
    }

    /** The first exception of {@code type} in the cause chain of {@code failure}. */
    public static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
