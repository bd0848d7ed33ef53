package org.skvmoip.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SessionsTest {

    private final SettableClock clock = new SettableClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofHours(12), Duration.ofHours(1), 3);

    @Test
    void aTokenNamesItsUser() {
        String token = sessions.issue("alice");

        assertThat(sessions.user(token)).contains("alice");
        assertThat(sessions.user(sessions.issue("bob"))).contains("bob");
    }

    @Test
    void tokensAre32RandomBytesInBase64Url() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            tokens.add(new Sessions().issue("alice"));
        }

        assertThat(tokens).hasSize(100).allMatch(t -> t.matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void unknownAndMalformedTokensNameNobody() {
        sessions.issue("alice");

        assertThat(sessions.user("A".repeat(43))).isEmpty();
        assertThat(sessions.user("")).isEmpty();
        assertThat(sessions.user(null)).isEmpty();
        assertThat(sessions.user("x".repeat(100_000))).isEmpty();
    }

    @Test
    void aRevokedTokenIsDead() {
        String token = sessions.issue("alice");
        String other = sessions.issue("alice");

        sessions.revoke(token);

        assertThat(sessions.user(token)).isEmpty();
        assertThat(sessions.user(other)).contains("alice");
    }

    @Test
    void anIdleTokenExpiresAfterAnHour() {
        String token = sessions.issue("alice");

        clock.advance(Duration.ofMinutes(59));
        assertThat(sessions.user(token)).contains("alice");
        clock.advance(Duration.ofMinutes(59));
        assertThat(sessions.user(token)).as("used 59 minutes ago").contains("alice");
        clock.advance(Duration.ofMinutes(60));
        assertThat(sessions.user(token)).isEmpty();
    }

    @Test
    void aTokenInUseStillExpiresTwelveHoursAfterLogin() {
        String token = sessions.issue("alice");
        for (int i = 0; i < 23; i++) {
            clock.advance(Duration.ofMinutes(30));
            assertThat(sessions.user(token)).contains("alice");
        }

        clock.advance(Duration.ofMinutes(30));

        assertThat(sessions.user(token)).isEmpty();
    }

    @Test
    void aUserHoldsABoundedNumberOfTokensAndTheOldestGoesFirst() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(sessions.issue("alice"));
        }
        String bobs = sessions.issue("bob");

        assertThat(sessions.count("alice")).isEqualTo(3);
        assertThat(sessions.user(tokens.get(0))).isEmpty();
        assertThat(sessions.user(tokens.get(1))).isEmpty();
        assertThat(sessions.user(tokens.get(4))).contains("alice");
        assertThat(sessions.user(bobs)).contains("bob");
    }

    @Test
    void revokeAllEndsEverySessionOfThatUserOnly() {
        String first = sessions.issue("alice");
        String second = sessions.issue("alice");
        String bobs = sessions.issue("bob");

        sessions.revokeAll("alice");

        assertThat(sessions.user(first)).isEmpty();
        assertThat(sessions.user(second)).isEmpty();
        assertThat(sessions.user(bobs)).contains("bob");
    }

    @Test
    void expiredTokensAreForgotten() {
        sessions.issue("alice");
        sessions.issue("alice");
        clock.advance(Duration.ofHours(2));

        assertThat(sessions.count("alice")).isZero();
    }

    /** A socket attached to a token: what it was told. */
    private final List<String> told = new ArrayList<>();

    private AutoCloseable socket(String token, String name) {
        return sessions.attach(token, reason -> told.add(name + ": " + reason)).orElseThrow();
    }

    @Test
    void loggingOutTellsTheTokensSocketsOnly() {
        String token = sessions.issue("alice");
        String other = sessions.issue("alice");
        socket(token, "input");
        socket(token, "video");
        socket(other, "other");

        sessions.revoke(token);

        assertThat(told).containsExactly("input: logged out", "video: logged out");
        assertThat(sessions.endedReason(token)).contains("logged out");
        assertThat(sessions.endedReason(other)).isEmpty();
    }

    @Test
    void theSweepEndsAnExpiredTokenAndTellsItsSocketsWithoutARequest() {
        String token = sessions.issue("alice");
        socket(token, "video");

        clock.advance(Duration.ofHours(12));
        sessions.sweep();

        assertThat(told).containsExactly("video: session expired");
        assertThat(sessions.user(token)).isEmpty();
    }

    @Test
    void anOpenSocketKeepsItsTokenFromIdling() throws Exception {
        String token = sessions.issue("alice");
        AutoCloseable video = socket(token, "video");

        clock.advance(Duration.ofHours(3));
        sessions.sweep();
        assertThat(told).isEmpty();
        video.close();
        clock.advance(Duration.ofMinutes(59));
        sessions.sweep();

        assertThat(sessions.user(token)).contains("alice");
        clock.advance(Duration.ofHours(1));
        assertThat(sessions.user(token)).isEmpty();
        assertThat(sessions.endedReason(token)).contains("session expired");
    }

    @Test
    void theOldestTokensSocketsAreToldWhyWhenALoginEvictsIt() {
        String oldest = sessions.issue("alice");
        socket(oldest, "desktop");
        sessions.issue("alice");
        sessions.issue("alice");

        sessions.issue("alice");

        assertThat(told).containsExactly("desktop: session ended: signed in 4 times, the oldest session is ended");
        assertThat(sessions.endedReason(oldest)).contains(sessions.evictedReason());
    }

    @Test
    void endingAUserTellsTheSocketsOfEveryTokenOfTheirs() {
        socket(sessions.issue("alice"), "a1");
        socket(sessions.issue("alice"), "a2");
        socket(sessions.issue("bob"), "b1");

        sessions.endUser("alice", Sessions.ACCOUNT_CHANGED);

        assertThat(told).containsExactlyInAnyOrder("a1: " + Sessions.ACCOUNT_CHANGED, "a2: " + Sessions.ACCOUNT_CHANGED);
        assertThat(sessions.count("alice")).isZero();
        assertThat(sessions.count("bob")).isEqualTo(1);
    }

    @Test
    void anEndedTokenTakesNoSocket() {
        String token = sessions.issue("alice");
        sessions.revoke(token);

        assertThat(sessions.attach(token, reason -> told.add(reason))).isEmpty();
        assertThat(told).isEmpty();
    }

    @Test
    void aDetachedSocketIsNotToldLater() throws Exception {
        String token = sessions.issue("alice");
        socket(token, "closed").close();

        sessions.revoke(token);

        assertThat(told).isEmpty();
    }

    @Test
    void theReasonsRememberedAreBounded() {
        String first = sessions.issue("alice");
        sessions.revoke(first);
        for (int i = 0; i < Sessions.REMEMBERED_ENDINGS; i++) {
            sessions.revoke(sessions.issue("bob"));
        }

        assertThat(sessions.endedReason(first)).isEmpty();
    }
}
