package org.skvmoip.client.cli;

import java.io.PrintStream;

import org.skvmoip.client.trust.FirstUseDecision;
import org.skvmoip.client.trust.UnknownServer;

/**
 * Trust on first use on the command line: {@code --accept-new} trusts (and says so), a terminal
 * asks the person, a script without either is refused (and the error says how to proceed).
 */
final class TerminalFirstUse implements FirstUseDecision {

    private final boolean acceptNew;
    private final Terminal terminal;
    private final PrintStream err;

    TerminalFirstUse(boolean acceptNew, Terminal terminal, PrintStream err) {
        this.acceptNew = acceptNew;
        this.terminal = terminal;
        this.err = err;
    }

    @Override
    public boolean trust(UnknownServer server) {
        if (acceptNew) {
            err.println("skvm: trusting " + server.hostPort() + " from now on (first use, --accept-new): certificate"
                    + " SHA-256 " + server.fingerprint() + ", stored in " + server.knownServersFile());
            return true;
        }
        if (!terminal.interactive()) {
            return false;
        }
        err.println("The server " + server.hostPort() + " is not known yet. Its public key's SHA-256 fingerprint is");
        err.println("  " + server.fingerprint());
        err.println("Compare it with the fingerprint the server printed when it started (or ask its operator).");
        boolean trusted = terminal.confirm("Trust this server from now on?");
        if (trusted) {
            err.println("skvm: stored in " + server.knownServersFile());
        }
        return trusted;
    }
}
