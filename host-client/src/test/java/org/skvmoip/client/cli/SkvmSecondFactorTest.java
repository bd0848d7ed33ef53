package org.skvmoip.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.client.rack.RackExtension;
import org.skvmoip.client.rack.RackUsers;
import org.skvmoip.client.trust.KnownServers;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.auth.totp.Enrollment;
import org.skvmoip.server.testrig.ServerRig;

/**
 * {@code skvm login} for users with a second factor, against the real server: asked at a
 * terminal once the password was right, {@code --otp} for scripts, the code appended to the
 * password, a recovery code. A code opens one login only, so each test has its own user.
 */
@ExtendWith(RackExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SkvmSecondFactorTest {

    static ServerRig rig;
    @TempDir
    Path config;
    String server;

    @BeforeAll
    static void rack(ServerRig sharedRig) {
        rig = sharedRig;
    }

    @BeforeEach
    void trustTheServer() throws Exception {
        server = "https://127.0.0.1:" + rig.server.port();
        new KnownServers(config.resolve("known_servers")).pin("127.0.0.1:" + rig.server.port(),
                rig.server.certificate().sha256Fingerprint());
    }

    private static Enrollment enrolled(String user) throws Exception {
        RackUsers.add(rig, user, Role.OPERATOR, "*");
        return RackUsers.enrol(rig, user);
    }

    private Skvm skvm(String user) {
        return new Skvm(config).env("SKVM_SERVER", server).env("SKVM_USER", user);
    }

    @Test
    void atATerminalLoginAsksForTheCodeOnceThePasswordWasRight() throws Exception {
        Enrollment alice = enrolled("totp-prompted");
        ScriptedPerson person = new ScriptedPerson(ServerRig.PASSWORD, false).thenCode(() -> RackUsers.codeNow(alice));

        Skvm.Result login = skvm("totp-prompted").terminal(person).run("login");

        assertThat(login.code()).as(login.toString()).isZero();
        assertThat(person.prompts).containsExactly("Password for totp-prompted at " + server + ": ",
                "Code for totp-prompted at " + server + " (authenticator app, or a recovery code): ");
        Skvm.Result machines = skvm("totp-prompted").run("machines");
        assertThat(machines.code()).as("the saved session: " + machines).isZero();
    }

    @Test
    void aScriptGivesTheCodeWithOtp() throws Exception {
        Enrollment bob = enrolled("totp-script");

        Skvm.Result result = skvm("totp-script").env("SKVM_PASSWORD", ServerRig.PASSWORD)
                .run("machines", "--otp", RackUsers.codeNow(bob));

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("sim-0");
    }

    @Test
    void theCodeAppendedToThePasswordWorksToo() throws Exception {
        Enrollment carol = enrolled("totp-appended");

        Skvm.Result result = skvm("totp-appended").env("SKVM_PASSWORD", ServerRig.PASSWORD + RackUsers.codeNow(carol))
                .run("login");

        assertThat(result.code()).as(result.toString()).isZero();
    }

    @Test
    void withoutTerminalOrCodeTheLoginFailsSayingHowToGiveIt() throws Exception {
        enrolled("totp-missing");

        Skvm.Result result = skvm("totp-missing").env("SKVM_PASSWORD", ServerRig.PASSWORD).run("login");

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("totp-missing has a second factor").contains("--otp CODE");
    }

    @Test
    void aWrongCodeIsRefusedWithTheServersSentence() throws Exception {
        Enrollment dave = enrolled("totp-wrong");
        String wrong = RackUsers.codeNow(dave).equals("000000") ? "111111" : "000000";

        Skvm.Result result = skvm("totp-wrong").env("SKVM_PASSWORD", ServerRig.PASSWORD).run("login", "--otp", wrong);

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("wrong, expired or already used second factor code");
    }

    @Test
    void aRecoveryCodeOpensOneLoginOnly() throws Exception {
        Enrollment erin = enrolled("totp-recovery");
        String recovery = erin.recoveryCodes().get(0);

        Skvm.Result first = skvm("totp-recovery").env("SKVM_PASSWORD", ServerRig.PASSWORD)
                .run("login", "--otp", recovery);
        Skvm.Result again = skvm("totp-recovery").env("SKVM_PASSWORD", ServerRig.PASSWORD)
                .run("login", "--otp", recovery);

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(again.code()).as(again.toString()).isEqualTo(2);
    }
}
