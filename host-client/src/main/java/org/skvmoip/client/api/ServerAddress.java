package org.skvmoip.client.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a server is: {@code https://host:port}. A person may write {@code kvm.example},
 * {@code kvm.example:8443} or the full URL; without a port the server's default, 8443, is meant.
 *
 * @param host as in a URL: a name, an IPv4 address, or an IPv6 address in brackets
 * @param port the HTTPS port
 */
public record ServerAddress(String host, int port) {

    public static final int DEFAULT_PORT = 8443;

    public ServerAddress {
        host = host.toLowerCase(Locale.ROOT);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, was " + port);
        }
    }

    /** Parses what a person wrote; throws {@link IllegalArgumentException} saying what is wrong. */
    public static ServerAddress parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("no server address given; write it as https://host:8443");
        }
        if (trimmed.regionMatches(true, 0, "http://", 0, 7)) {
            throw new IllegalArgumentException("'" + trimmed + "': the server speaks HTTPS only; write https://"
                    + trimmed.substring(7));
        }
        String url = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a server address (" + e.getReason()
                    + "); write it as https://host:8443", e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("'" + trimmed + "': the server speaks HTTPS only; write https://host:port");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + trimmed + "' names no host; write it as https://host:8443");
        }
        return new ServerAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
    }

    /** The key a certificate is pinned under: {@code host:port}. */
    public String hostPort() {
        return host + ":" + port;
    }

    /** {@code https://host:port} with {@code path} (which starts with "/"). */
    public URI https(String path) {
        return URI.create("https://" + hostPort() + path);
    }

    /** {@code wss://host:port} with {@code path}. */
    public URI wss(String path) {
        return URI.create("wss://" + hostPort() + path);
    }

    @Override
    public String toString() {
        return "https://" + hostPort();
    }
}
