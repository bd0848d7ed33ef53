package org.skvmoip.client.cli;

import org.skvmoip.client.api.ClientException;

import picocli.CommandLine.Command;

@Command(name = "login", description = {"Log in and save the session (owner-only, in the config directory's token"
        + " file),", "so that other commands need no password until it ends (12 hours at most, 1 hour unused)."})
final class LoginCommand extends Subcommand {

    @Override
    void run() throws ClientException {
        CliSession session = session();
        SavedSession saved = session.login();
        out().println("logged in to " + saved.server() + " as " + saved.user() + "; session saved in "
                + session.tokenFile() + " (until " + saved.expires() + " at most)");
    }
}
