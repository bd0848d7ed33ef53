package org.skvmoip.client.rack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.auth.UserStore;
import org.skvmoip.server.auth.totp.Enrollment;
import org.skvmoip.server.auth.totp.SecondFactors;
import org.skvmoip.server.auth.totp.Totp;
import org.skvmoip.server.config.ServerSettings;
import org.skvmoip.server.testrig.ServerRig;

/**
 * Users added to a running rig's server as an administrator adds them, in its users file (the
 * server reads it again when it changes), each with {@link ServerRig#PASSWORD}.
 */
public final class RackUsers {

    private RackUsers() {
    }

    /** Adds {@code name} (once per rig: later calls find it there) and waits until the server lets it log in. */
    public static String add(ServerRig rig, String name, Role role, String... grants) throws Exception {
        UserStore users = store(rig);
        if (!users.exists(name)) {
            users.add(name, ServerRig.PASSWORD.toCharArray(), role, List.of(grants));
        }
        // Each refused try counts for the throttle: few tries, spaced beyond its first delays.
        for (int tries = 0; loginStatus(rig, name) != 200; tries++) {
            if (tries == 10) {
                throw new AssertionError("the server did not take the new user " + name + " from its users file");
            }
            Thread.sleep(1100);
        }
        return name;
    }

    /**
     * Enrols {@code name}'s second factor as {@code users totp enroll} does, and waits until the
     * server asks for it (a right password without the code is no failure for the throttle).
     */
    public static Enrollment enrol(ServerRig rig, String name) throws Exception {
        Enrollment enrollment = SecondFactors.open(rig.dir.resolve("data").resolve(ServerSettings.SECOND_FACTORS_FILE),
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS), Clock.systemUTC()).enroll(name);
        Waits.until(name + "'s second factor known to the server", () -> secondFactorAsked(rig, name));
        return enrollment;
    }

    /** The code an authenticator app with the enrolment's key shows now. */
    public static String codeNow(Enrollment enrollment) {
        return Totp.code(enrollment.key(), Totp.step(Instant.now()));
    }

    private static boolean secondFactorAsked(ServerRig rig, String name) {
        try {
            HttpResponse<String> answer = rig.post("/api/login", null,
                    "{\"user\":\"" + name + "\",\"password\":\"" + ServerRig.PASSWORD + "\"}");
            if (answer.statusCode() == 200) {
                rig.post("/api/logout", ServerRig.json(answer.body()).get("token").asText(), "");
                return false;
            }
            return ServerRig.json(answer.body()).path("secondFactorRequired").asBoolean(false);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static UserStore store(ServerRig rig) throws IOException {
        // A cheap hash keeps the tests quick, as the rig's own user's.
        return UserStore.open(rig.dir.resolve("data").resolve("users.yaml"),
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
    }

    private static int loginStatus(ServerRig rig, String name) {
        try {
            HttpResponse<String> answer = rig.post("/api/login", null,
                    "{\"user\":\"" + name + "\",\"password\":\"" + ServerRig.PASSWORD + "\"}");
            if (answer.statusCode() == 200) {
                rig.post("/api/logout", ServerRig.json(answer.body()).get("token").asText(), "");
            }
            return answer.statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
