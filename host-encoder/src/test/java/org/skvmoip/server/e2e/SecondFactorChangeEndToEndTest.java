package org.skvmoip.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.UsersCommand;
import org.skvmoip.server.auth.totp.Base32;
import org.skvmoip.server.auth.totp.Totp;
import org.skvmoip.server.module.Poll;
import org.skvmoip.server.testrig.ServerRig;

/** The users command changes a second factor while the whole server runs: the user's tokens end. */
class SecondFactorChangeEndToEndTest {

    @TempDir
    Path dir;

    private final StringWriter printed = new StringWriter();

    private int users(Path dataDir, String... args) {
        UsersCommand command = new UsersCommand(new ByteArrayInputStream(new byte[0]),
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
        String[] withDir = new String[args.length + 2];
        withDir[0] = "--data-dir";
        withDir[1] = dataDir.toString();
        System.arraycopy(args, 0, withDir, 2, args.length);
        return UsersCommand.commandLine(command).setOut(new PrintWriter(printed, true)).execute(withDir);
    }

    private static void awaitRefused(ServerRig rig, String token) throws InterruptedException {
        Poll.until("the token to be refused", () -> status(rig, token) == 401, () -> status(rig, token));
    }

    private static int status(ServerRig rig, String token) {
        try {
            return rig.get("/api/machines", token).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void enrollingAndResettingTheSecondFactorEndTheUsersSessions() throws Exception {
        try (ServerRig rig = ServerRig.start(dir, 0)) {
            String before = rig.login();
            assertThat(status(rig, before)).isEqualTo(200);

            assertThat(users(dir.resolve("data"), "totp", "enroll", ServerRig.USER, "--no-qr")).isZero();
            awaitRefused(rig, before);
            assertThat(rig.post("/api/login", null, "{\"user\":\"" + ServerRig.USER + "\",\"password\":\""
                    + ServerRig.PASSWORD + "\"}").statusCode()).as("now the code is needed").isEqualTo(401);

            Matcher secret = Pattern.compile("secret=([A-Z2-7]+)").matcher(printed.toString());
            assertThat(secret.find()).isTrue();
            String code = Totp.code(Base32.decode(secret.group(1)), Totp.step(Instant.now()));
            HttpResponse<String> withCode = rig.post("/api/login", null, "{\"user\":\"" + ServerRig.USER
                    + "\",\"password\":\"" + ServerRig.PASSWORD + "\",\"otp\":\"" + code + "\"}");
            assertThat(withCode.statusCode()).isEqualTo(200);
            String during = ServerRig.json(withCode.body()).get("token").asText();

            assertThat(users(dir.resolve("data"), "totp", "reset", ServerRig.USER)).isZero();
            awaitRefused(rig, during);
            Poll.until("the password alone to work again", () -> {
                try {
                    rig.login();
                    return true;
                } catch (Exception | AssertionError e) {
                    return false;
                }
            }, () -> "refused");
        }
    }
}
