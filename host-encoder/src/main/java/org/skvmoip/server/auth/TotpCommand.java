package org.skvmoip.server.auth;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.skvmoip.server.auth.totp.Enrollment;
import org.skvmoip.server.auth.totp.RecoveryCodes;
import org.skvmoip.server.auth.totp.SecondFactors;
import org.skvmoip.server.auth.totp.TerminalQrCode;
import org.skvmoip.server.config.ServerSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code users totp enroll|reset NAME}: a user's second factor (TOTP, RFC 6238). Enrolling
 * prints, once, what the user's authenticator app scans and the recovery codes; the server
 * keeps the key in DATA-DIR/totp.yaml, next to the users file. A running server ends the
 * user's sessions when either is done.
 */
@Command(name = "totp", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
        description = "Enrols or resets a user's second factor (a TOTP authenticator app).",
        subcommands = {TotpCommand.Enroll.class, TotpCommand.Reset.class})
final class TotpCommand {

    @ParentCommand
    UsersCommand users;

    SecondFactors store() throws IOException {
        return secondFactors(users);
    }

    /** The second factors beside the command's users file (also for {@code users list}'s yes/no). */
    static SecondFactors secondFactors(UsersCommand users) throws IOException {
        Path file = users.usersFile().resolveSibling(ServerSettings.SECOND_FACTORS_FILE);
        return SecondFactors.open(file, users.hasher, Clock.systemUTC());
    }

    /** The user must exist: a second factor belongs to a user of the users file. */
    void requireUser(String name) throws IOException {
        UserStore store = UserStore.open(users.usersFile(), users.hasher);
        if (!store.exists(name)) {
            throw new UsersCommand.Refused("no user " + name + " in " + store.file() + "; add one with: users add " + name);
        }
    }

    @Command(name = "enroll", aliases = "enrol", exitCodeOnInvalidInput = 1,
            description = "Gives the user a second factor: prints its QR code, its otpauth:// URI and 10 one-time"
                    + " recovery codes, once.")
    static final class Enroll implements Callable<Integer> {
        @ParentCommand
        TotpCommand totp;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--no-qr", description = "Leave the QR code out (a terminal without block characters).")
        boolean noQr;

        @Override
        public Integer call() throws IOException {
            totp.requireUser(name);
            Enrollment enrollment = totp.store().enroll(name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Second factor enrolled for " + name + ". Scan the QR code with an authenticator app, or enter"
                    + " the URI's secret by hand:");
            if (!noQr) {
                out.println();
                out.print(TerminalQrCode.draw(enrollment.uri()));
            }
            out.println();
            out.println(enrollment.uri());
            out.println();
            out.println("Recovery codes: each works once in place of a code. Keep them apart from the phone; they are"
                    + " not shown again.");
            for (String code : enrollment.recoveryCodes()) {
                out.println("  " + RecoveryCodes.display(code));
            }
            out.println();
            out.println("From now on " + name + " logs in with the password and a code; a running server ends "
                    + name + "'s sessions.");
            return 0;
        }
    }

    @Command(name = "reset", exitCodeOnInvalidInput = 1,
            description = "Removes the user's second factor (a lost phone); enrol again with: users totp enroll NAME.")
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        TotpCommand totp;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            SecondFactors store = totp.store();
            if (!store.reset(name)) {
                throw new UsersCommand.Refused(name + " has no second factor in " + store.file());
            }
            spec.commandLine().getOut().println("Removed the second factor of " + name
                    + "; a running server ends " + name + "'s sessions. Enrol a new one with: users totp enroll " + name);
            return 0;
        }
    }
}
