package org.skvmoip.client.cli;

import org.skvmoip.client.api.ClientException;

/** The exit codes of {@code skvm}, which scripts rely on: keep them stable (docs/cli.md lists them). */
final class ExitCodes {

    static final int OK = 0;
    /** A bad option or argument, a request the server could not accept (400), a local file that cannot be used. */
    static final int USAGE = 1;
    /**
     * Wrong user name, password or code, a second factor needed and not given, a session that
     * ended, login throttled, no password given.
     */
    static final int AUTHENTICATION = 2;
    static final int UNKNOWN_MACHINE = 3;
    /** The machine's module is offline, busy (another power operation), controlled by someone else, has no module. */
    static final int MACHINE_UNAVAILABLE = 4;
    /** No connection, or the TLS handshake failed: server down, wrong address, certificate changed or not trusted. */
    static final int CONNECTION = 5;
    static final int SERVER_ERROR = 6;
    /** The user's role does not allow it (a viewer's power or typing, an operator's adoption): 403. */
    static final int FORBIDDEN = 7;

    /** For {@code skvm --help}. */
    static final String[] HELP = {
        "0:done",
        "1:usage error: a bad option or argument, a request the server refused as malformed (400), a file that"
                + " cannot be read or written",
        "2:authentication failed: wrong user name, password or code, second factor needed (--otp), session"
                + " ended, login throttled, no password given",
        "3:unknown machine",
        "4:machine unavailable: its module is offline, another power operation runs, someone else controls it,"
                + " or it has no module (503, 409, 502, 504)",
        "5:connection or TLS failure: server down, wrong address, certificate not trusted or CHANGED",
        "6:server error, or an answer this client cannot read",
        "7:forbidden: your role does not allow it on this machine (403)",
    };

    private ExitCodes() {
    }

    static int of(ClientException failure) {
        switch (failure.kind()) {
            case CONNECTION:
            case UNTRUSTED:
                return CONNECTION;
            case PROTOCOL:
                return SERVER_ERROR;
            default:
                return ofStatus(failure.status());
        }
    }

    private static int ofStatus(int status) {
        switch (status) {
            case 400:
            case 413:
                return USAGE;
            case 401:
            case 429:
                return AUTHENTICATION;
            case 403:
                return FORBIDDEN;
            case 404:
                return UNKNOWN_MACHINE;
            case 409:
            case 502:
            case 503:
            case 504:
                return MACHINE_UNAVAILABLE;
            default:
                return SERVER_ERROR;
        }
    }
}
