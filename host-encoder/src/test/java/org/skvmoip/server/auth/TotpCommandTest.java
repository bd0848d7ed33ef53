package org.skvmoip.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.server.auth.totp.Base32;
import org.skvmoip.server.auth.totp.SecondFactors;
import org.skvmoip.server.auth.totp.Totp;
import org.skvmoip.server.config.ServerSettings;
import picocli.CommandLine;

class TotpCommandTest {

    private static final PasswordHasher FAST = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
    private static final Pattern URI = Pattern.compile(
            "otpauth://totp/SKVMOIP:alice\\?secret=([A-Z2-7]{32})&issuer=SKVMOIP&algorithm=SHA1&digits=6&period=30");

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void addAlice() throws IOException {
        UserStore.open(dataDir.resolve("users.yaml"), FAST).setPassword("alice", "pw".toCharArray());
    }

    private int run(String... args) {
        UsersCommand command = new UsersCommand(new ByteArrayInputStream(new byte[0]), FAST);
        CommandLine line = UsersCommand.commandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        String[] withDir = new String[args.length + 2];
        withDir[0] = "--data-dir";
        withDir[1] = dataDir.toString();
        System.arraycopy(args, 0, withDir, 2, args.length);
        return line.execute(withDir);
    }

    private SecondFactors store() throws IOException {
        return SecondFactors.open(dataDir.resolve(ServerSettings.SECOND_FACTORS_FILE), FAST, Clock.systemUTC());
    }

    @Test
    void enrolPrintsTheUriTheQrCodeAndTenRecoveryCodesThatWork() throws IOException {
        int exit = run("totp", "enroll", "alice");

        assertThat(exit).as(err.toString()).isZero();
        String printed = out.toString();
        Matcher uri = URI.matcher(printed);
        assertThat(uri.find()).as(printed).isTrue();
        assertThat(printed).contains("█", "▀", "▄");
        List<String> codes = Pattern.compile("(?m)^  ([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{2})$").matcher(printed)
                .results().map(m -> m.group(1)).toList();
        assertThat(codes).hasSize(10);

        byte[] key = Base32.decode(uri.group(1));
        SecondFactors store = store();
        assertThat(store.check("alice", Totp.code(key, Totp.step(Clock.systemUTC().instant()))))
                .isEqualTo(SecondFactors.Check.CODE);
        assertThat(store.check("alice", codes.get(0))).isEqualTo(SecondFactors.Check.RECOVERY_CODE);
    }

    @Test
    void theDataDirMayComeAfterTheName() throws IOException {
        UsersCommand command = new UsersCommand(new ByteArrayInputStream(new byte[0]), FAST);

        int exit = UsersCommand.commandLine(command).setOut(new PrintWriter(out, true))
                .execute("totp", "enroll", "alice", "--no-qr", "--data-dir", dataDir.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).doesNotContain("█");
        assertThat(store().enrolled("alice")).isTrue();
    }

    @Test
    void anUnknownUserCannotBeEnrolled() throws IOException {
        assertThat(run("totp", "enroll", "mallory")).isEqualTo(1);

        assertThat(err.toString()).contains("no user mallory", "users add mallory");
        assertThat(store().enrolled("mallory")).isFalse();
    }

    @Test
    void enrollingTwiceIsRefusedAndPointsAtReset() {
        run("totp", "enroll", "alice");

        assertThat(run("totp", "enroll", "alice")).isEqualTo(1);
        assertThat(err.toString()).contains("alice has a second factor already", "users totp reset alice");
    }

    @Test
    void resetRemovesTheSecondFactor() throws IOException {
        run("totp", "enroll", "alice");

        assertThat(run("totp", "reset", "alice")).isZero();

        assertThat(out.toString()).contains("Removed the second factor of alice");
        assertThat(store().enrolled("alice")).isFalse();
        assertThat(run("totp", "reset", "alice")).isEqualTo(1);
        assertThat(err.toString()).contains("alice has no second factor");
    }

    @Test
    void listShowsWhoHasASecondFactor() throws IOException {
        UserStore.open(dataDir.resolve("users.yaml"), FAST).setPassword("bob", "pw".toCharArray());
        run("totp", "enroll", "alice");
        out.getBuffer().setLength(0);

        assertThat(run("list")).isZero();

        assertThat(out.toString()).contains("alice\toperator\t*\ttotp").contains("bob\toperator\t*\t-");
    }

    @Test
    void aUserRemovedAndAddedAgainHasNoSecondFactor() throws IOException {
        run("totp", "enroll", "alice");

        assertThat(run("remove", "alice")).isZero();

        assertThat(store().enrolled("alice")).isFalse();
    }
}
