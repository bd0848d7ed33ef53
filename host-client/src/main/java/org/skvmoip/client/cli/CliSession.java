package org.skvmoip.client.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.skvmoip.client.api.ClientException;
import org.skvmoip.client.api.ServerAddress;
import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.api.Session;
import org.skvmoip.client.trust.KnownServers;
import org.skvmoip.client.trust.ServerTrust;

/**
 * An authenticated connection for one command: the saved session when it is for this server
 * (and user), logging in again when it has ended and a password can be had; else a login for
 * this command only, logged out when it is done.
 */
final class CliSession {

    static final String SERVER_ENV = "SKVM_SERVER";
    static final String USER_ENV = "SKVM_USER";

    /** One API call; may be made twice when the saved session had ended. */
    @FunctionalInterface
    interface Call<T> {
        T run(ServerConnection server) throws ClientException;
    }

    private final SkvmCommand options;
    private final Passwords passwords;

    CliSession(SkvmCommand options) {
        this.options = options;
        this.passwords = new Passwords(options.context, options.passwordStdin);
    }

    <T> T call(Call<T> call) throws ClientException {
        Optional<SavedSession> saved = savedSession();
        ServerAddress address = serverAddress(saved);
        ServerConnection server = connect(address);
        String user = userName(saved.filter(s -> s.server().equals(address)));
        if (saved.isPresent() && saved.get().server().equals(address) && saved.get().user().equals(user)) {
            server.useToken(saved.get().token());
            try {
                return call.run(server);
            } catch (ClientException e) {
                if (e.status() != 401) {
                    throw e;
                }
                char[] password = passwords.get(user, address.toString()).orElseThrow(() -> new CliFailure(
                        ExitCodes.AUTHENTICATION, "the saved session for " + user + " at " + address
                                + " has ended: " + e.getMessage() + " (run skvm login, or set " + Passwords.ENV
                                + ")"));
                save(address, logIn(server, user, password));
                return call.run(server);
            }
        }
        char[] password = passwords.get(user, address.toString()).orElseThrow(() -> new CliFailure(
                ExitCodes.AUTHENTICATION, "not logged in to " + address + ": run skvm login, or give the password in "
                        + Passwords.ENV + " or with --password-stdin"));
        logIn(server, user, password);
        try {
            return call.run(server);
        } finally {
            logoutQuietly(server);
        }
    }

    /** Logs in and saves the session ({@code skvm login}). */
    SavedSession login() throws ClientException {
        Optional<SavedSession> saved = savedSession();
        ServerAddress address = serverAddress(saved);
        String user = userName(saved.filter(s -> s.server().equals(address)));
        char[] password = passwords.get(user, address.toString()).orElseThrow(() -> new CliFailure(
                ExitCodes.AUTHENTICATION, "no password: type it at the prompt, or give it in " + Passwords.ENV
                        + " or with --password-stdin"));
        return save(address, logIn(connect(address), user, password));
    }

    /**
     * Logs in, with the second factor's code when the user has one: {@code --otp}, else asked at
     * the terminal once the server has said the password was right. A code appended to the
     * password needs nothing here: the server takes it so.
     */
    private Session logIn(ServerConnection server, String user, char[] password) throws ClientException {
        try {
            try {
                return server.login(user, password, options.otp == null ? null : options.otp.strip().toCharArray());
            } catch (ClientException e) {
                if (!e.secondFactorRequired() || options.otp != null) {
                    throw e;
                }
                String code = options.context.terminal().readLine("Code for " + user + " at " + server.address()
                        + " (authenticator app, or a recovery code): ").map(String::strip).filter(c -> !c.isEmpty())
                        .orElseThrow(() -> new CliFailure(ExitCodes.AUTHENTICATION, user + " has a second factor:"
                                + " give its code with --otp CODE (the 6 digits of the authenticator app, or a"
                                + " recovery code), or append the 6 digits to the password"));
                return server.login(user, password, code.toCharArray());
            }
        } catch (ClientException e) {
            if (e.forbidden()) { // refused at login (an admin without the second factor the server requires)
                throw new CliFailure(ExitCodes.AUTHENTICATION, e.getMessage());
            }
            throw e;
        }
    }

    private SavedSession save(ServerAddress address, Session session) {
        SavedSession saved = SavedSession.of(address, session);
        try {
            saved.write(options.tokenFile());
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot save the session: " + e.getMessage());
        }
        return saved;
    }

    Optional<SavedSession> savedSession() {
        try {
            return SavedSession.read(options.tokenFile());
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.AUTHENTICATION, e.getMessage());
        }
    }

    ServerConnection connect(ServerAddress address) {
        return new ServerConnection(address, trust());
    }

    private ServerTrust trust() {
        if (options.caCert != null) {
            try {
                return ServerTrust.certificateAuthority(options.caCert);
            } catch (IOException e) {
                throw new CliFailure(ExitCodes.USAGE, "--ca-cert: " + e.getMessage());
            }
        }
        return ServerTrust.pinned(new KnownServers(options.knownServersFile()),
                new TerminalFirstUse(options.acceptNew, options.context.terminal(), options.context.err()));
    }

    private ServerAddress serverAddress(Optional<SavedSession> saved) {
        String text = options.server != null ? options.server : options.context.env(SERVER_ENV);
        if (text == null) {
            return saved.map(SavedSession::server).orElseThrow(() -> new CliFailure(ExitCodes.USAGE,
                    "no server given: use --server https://host:8443, or set " + SERVER_ENV));
        }
        try {
            return ServerAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.USAGE, "--server: " + e.getMessage());
        }
    }

    private String userName(Optional<SavedSession> savedForThisServer) {
        String user = options.user != null ? options.user : options.context.env(USER_ENV);
        if (user != null) {
            return user;
        }
        return savedForThisServer.map(SavedSession::user).orElseThrow(() -> new CliFailure(ExitCodes.USAGE,
                "no user given: use --user NAME, or set " + USER_ENV));
    }

    private static void logoutQuietly(ServerConnection server) {
        try {
            server.logout();
        } catch (ClientException e) {
            // The session ends by itself within the hour; the command's own outcome is what counts.
        }
    }

    Path tokenFile() {
        return options.tokenFile();
    }
}
