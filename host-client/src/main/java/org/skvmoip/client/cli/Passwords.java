package org.skvmoip.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a password comes from, first found first: the {@code SKVM_PASSWORD} variable, the first
 * line of standard input ({@code --password-stdin}), a prompt on the terminal. Never from an
 * argument: arguments are visible to every user of the machine in the process list.
 */
final class Passwords {

    static final String ENV = "SKVM_PASSWORD";

    private final CliContext context;
    private final boolean fromStdin;
    private char[] cached;

    Passwords(CliContext context, boolean fromStdin) {
        this.context = context;
        this.fromStdin = fromStdin;
    }

    /** The password of {@code user} at {@code server}, or empty when none can be had. Read once. */
    Optional<char[]> get(String user, String server) {
        if (cached == null) {
            cached = read(user, server).orElse(null);
        }
        return Optional.ofNullable(cached);
    }

    private Optional<char[]> read(String user, String server) {
        String env = context.env(ENV);
        if (env != null) {
            return Optional.of(env.toCharArray());
        }
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new CliFailure(ExitCodes.AUTHENTICATION, "--password-stdin: standard input is empty");
                }
                return Optional.of(line.toCharArray());
            } catch (IOException e) {
                throw new CliFailure(ExitCodes.USAGE, "--password-stdin: cannot read standard input: " + e.getMessage());
            }
        }
        return context.terminal().readPassword("Password for " + user + " at " + server + ": ");
    }
}
