package org.skvmoip.client.cli;

import org.skvmoip.client.api.ClientException;

import picocli.CommandLine.Command;

@Command(name = "login", description = {"Log in and save the session for the other commands.",
    "They need no password until it ends (after 12 hours, or 1 hour unused). The session is saved in the token"
            + " file of the config directory, readable by you only."})
final class LoginCommand extends Subcommand {

    @Override
    void run() throws ClientException {
        CliSession session = session();
        SavedSession saved = session.login();
        out().println("logged in to " + saved.server() + " as " + saved.user() + "; session saved in "
                + session.tokenFile() + " (until " + saved.expires() + " at most)");
    }
}
