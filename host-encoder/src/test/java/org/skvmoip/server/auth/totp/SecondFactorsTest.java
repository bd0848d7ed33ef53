package org.skvmoip.server.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.SettableClock;
import org.skvmoip.server.config.ServerSettings;
import org.skvmoip.server.auth.totp.SecondFactors.Check;

class SecondFactorsTest {

    private static final PasswordHasher FAST = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock();

    private SecondFactors open() throws IOException {
        return SecondFactors.open(dir.resolve(ServerSettings.SECOND_FACTORS_FILE), FAST, clock);
    }

    private String codeNow(Enrollment enrollment) {
        return Totp.code(enrollment.key(), Totp.step(clock.instant()));
    }

    @Test
    void theCurrentCodeIsAcceptedOnce() throws IOException {
        SecondFactors store = open();
        Enrollment alice = store.enroll("alice");
        String code = codeNow(alice);

        assertThat(store.check("alice", code)).isEqualTo(Check.CODE);
        assertThat(store.check("alice", code)).isEqualTo(Check.REFUSED);
        // Still refused after a restart: the used step is in the file.
        assertThat(open().check("alice", code)).isEqualTo(Check.REFUSED);
    }

    @Test
    void aWrongCodeOrOneOfTwoStepsAgoIsRefused() throws IOException {
        SecondFactors store = open();
        Enrollment alice = store.enroll("alice");
        String old = codeNow(alice);
        clock.advance(Duration.ofSeconds(2 * Totp.STEP_SECONDS));

        assertThat(store.check("alice", old)).isEqualTo(Check.REFUSED);
        String right = codeNow(alice);
        String wrong = right.equals("000000") ? "000001" : "000000";
        assertThat(store.check("alice", wrong)).isEqualTo(Check.REFUSED);
        assertThat(store.check("alice", right)).isEqualTo(Check.CODE);
    }

    @Test
    void eachRecoveryCodeWorksOnceInAnyCase() throws IOException {
        SecondFactors store = open();
        Enrollment alice = store.enroll("alice");
        String first = RecoveryCodes.display(alice.recoveryCodes().get(0)).toUpperCase();

        assertThat(store.check("alice", first)).isEqualTo(Check.RECOVERY_CODE);
        assertThat(store.check("alice", first)).isEqualTo(Check.REFUSED);
        assertThat(store.recoveryCodesLeft("alice")).isEqualTo(9);
        assertThat(store.check("alice", alice.recoveryCodes().get(9))).isEqualTo(Check.RECOVERY_CODE);
        assertThat(store.check("alice", "aaaa-aaaa-aa")).isEqualTo(Check.REFUSED);
    }

    @Test
    void theFileIsOwnerOnlyAndHoldsNeitherTheCodesNorTheUriInClear() throws IOException {
        Enrollment alice = open().enroll("alice");
        Path file = dir.resolve(ServerSettings.SECOND_FACTORS_FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Path lock = dir.resolve(ServerSettings.SECOND_FACTORS_FILE + ".lock");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock))).isEqualTo("rw-------");
        String text = Files.readString(file);
        assertThat(alice.recoveryCodes()).allSatisfy(code -> assertThat(text).doesNotContain(code));
    }

    @Test
    void aFileOthersMayReadIsRefused() throws IOException {
        open().enroll("alice");
        Path file = dir.resolve(ServerSettings.SECOND_FACTORS_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(this::open).isInstanceOf(IOException.class)
                .hasMessageContaining("group or others may access it").hasMessageContaining("chmod 600");
    }

    @Test
    void enrollingTwiceIsRefusedAndKeepsTheFirstKey() throws IOException {
        SecondFactors store = open();
        Enrollment first = store.enroll("alice");

        assertThatThrownBy(() -> store.enroll("alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users totp reset alice");
        assertThat(store.check("alice", codeNow(first))).isEqualTo(Check.CODE);
    }

    @Test
    void aRunningServerHearsOfEnrolmentsAndResetsMadeByTheCommand() throws IOException {
        SecondFactors server = open();
        List<String> changed = new ArrayList<>();
        server.onChange(changed::add);
        SecondFactors command = open();

        command.enroll("alice");
        command.enroll("bob");
        server.reloadIfChanged();
        assertThat(changed).containsExactly("alice", "bob");

        server.check("alice", "123456");
        command.reset("bob");
        server.reloadIfChanged();
        assertThat(changed).containsExactly("alice", "bob", "bob");
        assertThat(server.enrolled("bob")).isFalse();
    }

    @Test
    void aCodeAcceptedByTheServerIsNotAChange() throws IOException {
        SecondFactors command = open();
        Enrollment alice = command.enroll("alice");
        SecondFactors server = open();
        List<String> changed = new ArrayList<>();
        server.onChange(changed::add);

        assertThat(server.check("alice", codeNow(alice))).isEqualTo(Check.CODE);
        command.reloadIfChanged();
        server.reloadIfChanged();

        assertThat(changed).isEmpty();
    }

    @Test
    void theUriIsTheKeyUriFormat() throws IOException {
        Enrollment alice = open().enroll("alice");

        assertThat(alice.uri()).isEqualTo("otpauth://totp/SKVMOIP:alice?secret=" + Base32.encode(alice.key())
                + "&issuer=SKVMOIP&algorithm=SHA1&digits=6&period=30");
        assertThat(alice.toString()).doesNotContain(Base32.encode(alice.key()));
    }
}
