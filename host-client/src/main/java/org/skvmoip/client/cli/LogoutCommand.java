package org.skvmoip.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import org.skvmoip.client.api.ClientException;
import org.skvmoip.client.api.ServerConnection;

import picocli.CommandLine.Command;

@Command(name = "logout", description = "End the saved session on the server and delete it here.")
final class LogoutCommand extends Subcommand {

    @Override
    void run() throws ClientException {
        CliSession session = session();
        Optional<SavedSession> saved = session.savedSession();
        if (saved.isEmpty()) {
            out().println("not logged in (no saved session in " + session.tokenFile() + ")");
            return;
        }
        try {
            ServerConnection server = session.connect(saved.get().server());
            server.useToken(saved.get().token());
            server.logout();
        } catch (ClientException e) {
            if (e.status() != 401) { // 401: it had ended already
                delete(session);
                throw e;
            }
        }
        delete(session);
        out().println("logged out of " + saved.get().server());
    }

    private static void delete(CliSession session) {
        try {
            Files.deleteIfExists(session.tokenFile());
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot delete " + session.tokenFile() + ": " + e.getMessage());
        }
    }
}
