package org.skvmoip.server.config;

/** "host", "host:port", "[v6]:port" or a bare IPv6 address, as written in the inventory. */
final class Addresses {

    private Addresses() {
    }

    /** The address with {@code defaultPort} when none is written; IllegalArgumentException says what is wrong. */
    static ModuleAddress parse(String text, int defaultPort) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("an IPv6 address in brackets needs its closing ']', was \"" + text + "\"");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("expected \":port\" after \"]\", was \"" + text + "\"");
                }
                port = rest.substring(1);
            }
        } else if (text.indexOf(':') != text.lastIndexOf(':')) {
            host = text; // a bare IPv6 address: it cannot carry a port without brackets
        } else {
            int colon = text.indexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw new IllegalArgumentException("expected a host name or IP address, optionally with \":port\", was \""
                    + text + "\"");
        }
        return new ModuleAddress(host, port == null ? defaultPort : port(port, text));
    }

    /** "host:port", with brackets around an IPv6 host so the port stays readable. */
    static String format(ModuleAddress address) {
        return (address.host().indexOf(':') >= 0 ? "[" + address.host() + "]" : address.host()) + ":" + address.port();
    }

    private static int port(String port, String text) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("the port must be a number between 1 and 65535, was \"" + port
                + "\" in \"" + text + "\"");
    }
}
