package org.skvmoip.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.sim.e2e.Keys.A;
import static org.skvmoip.sim.e2e.Keys.B;
import static org.skvmoip.sim.e2e.Keys.C;
import static org.skvmoip.sim.e2e.Keys.LEFT_SHIFT;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skvmoip.protocol.ProtocolError;
import org.skvmoip.protocol.SessionEvent;
import org.skvmoip.sim.control.ControlClient;

/**
 * docs/protocol.md §5: bad input ends the session (with an ERROR frame where the protocol sends
 * one), every key it held is released, and the module serves the next session as if nothing
 * happened.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MalformedInputEndToEndTest {

    /** Room for the keep-alive timeout (3 s) should a case leave the module waiting for more bytes. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(6);
    /** Stands for "an ERROR frame with any code" where the bytes decide which check fails first. */
    private static final int ANY_ERROR = 1;

    /** What a broken or hostile server does once its session is up (a key held) or instead of authenticating. */
    interface Attack {
        void on(ControlClient client) throws Exception;
    }

    private Rig rig;

    @BeforeEach
    void start() throws Exception {
        rig = Rig.adopted();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    static Stream<Arguments> afterTheHandshake() {
        return Stream.of(
                Arguments.of("a frame with a damaged tag", (Attack) c -> {
                    byte[] frame = c.sealKeyboard(0, A, C);
                    frame[frame.length - 1] ^= 0x01;
                    c.sendRaw(frame);
                }, ProtocolError.BAD_MAC),
                Arguments.of("a frame with a damaged payload byte", (Attack) c -> {
                    byte[] frame = c.sealKeyboard(0, A, C);
                    frame[8 + 2] ^= 0x01; // the first usage: C -> another key, as an attacker would
                    c.sendRaw(frame);
                }, ProtocolError.BAD_MAC),
                Arguments.of("a replayed frame", (Attack) c -> c.sendRaw(c.sentFrames().get(0)),
                        ProtocolError.SEQUENCE_REPLAYED),
                Arguments.of("a frame shorter than its type allows", (Attack) c -> c.sendRaw(bytes(0x01, 0x10, 0x00, 0x01)),
                        ProtocolError.TOO_SHORT_FOR_TYPE),
                Arguments.of("a frame cut off by the end of the connection", (Attack) c -> {
                    byte[] frame = c.sealKeyboard(0, A, C);
                    c.sendRaw(Arrays.copyOf(frame, frame.length / 2));
                    c.shutdownOutput();
                }, ProtocolError.SESSION_CLOSED),
                Arguments.of("an oversized length", (Attack) c -> c.sendRaw(bytes(0x01, 0x10, 0x00, 0x41)),
                        ProtocolError.OVERSIZED_LENGTH),
                Arguments.of("an unknown type", (Attack) c -> c.sendRaw(bytes(0x01, 0x7E, 0x00, 0x00)),
                        ProtocolError.UNKNOWN_TYPE),
                Arguments.of("a wrong version", (Attack) c -> c.sendRaw(bytes(0x02, 0x10, 0x00, 0x02)),
                        ProtocolError.BAD_VERSION),
                Arguments.of("random bytes", (Attack) c -> c.sendRaw(random(64, 3)), ANY_ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("afterTheHandshake")
    void givenAKeyHeldWhenTheServerSendsBadInputThenTheSessionEndsTheKeyIsReleasedAndTheNextSessionWorks(
            String name, Attack attack, int expected) throws Exception {
        int keyboard = rig.reports.keyboard();
        try (ControlClient client = rig.session()) {
            client.keyboard(LEFT_SHIFT, A);
            rig.reports.awaitLast(keyboard, "[02 00 04 00 00 00 00 00]");

            attack.on(client);

            assertClosedWith(client.awaitClosed(CLOSE_WAIT), expected);
        }
        rig.awaitKeyboardReleased();
        assertNextSessionWorks();
    }

    static Stream<Arguments> insteadOfTheHandshake() {
        return Stream.of(
                Arguments.of("random bytes instead of AUTH", (Attack) c -> {
                    c.awaitHello(Poll.DEFAULT);
                    c.sendRaw(random(64, 7));
                }, ANY_ERROR),
                Arguments.of("a session message before AUTH", (Attack) c -> {
                    c.awaitHello(Poll.DEFAULT);
                    c.sendRaw(bytes(0x01, 0x10, 0x00, 0x02, 0x00, 0x00));
                }, ProtocolError.NOT_AUTHENTICATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insteadOfTheHandshake")
    void givenNoSessionWhenTheServerSendsBadInputThenTheModuleRefusesItAndTheNextSessionWorks(String name,
            Attack attack, int expected) throws Exception {
        try (ControlClient client = rig.connect()) {
            attack.on(client);

            assertClosedWith(client.awaitClosed(CLOSE_WAIT), expected);
        }
        assertNextSessionWorks();
    }

    @org.junit.jupiter.api.Test
    void givenTheWrongSecretWhenAuthenticatingThenTheModuleAnswersAuthFailedAndTheRightSecretWorksNext()
            throws Exception {
        try (ControlClient client = rig.connect()) {
            int result = client.tryAuthenticate(Rig.WRONG_SECRET, Poll.DEFAULT);

            assertThat(ControlClient.describe(result)).isEqualTo(ControlClient.describe(ProtocolError.AUTH_FAILED));
            client.awaitClosed(CLOSE_WAIT);
        }
        assertNextSessionWorks();
    }

    private void assertNextSessionWorks() throws Exception {
        int keyboard = rig.reports.keyboard();
        try (ControlClient next = rig.connect()) {
            assertThat(ControlClient.describe(next.tryAuthenticate(Rig.SECRET, Poll.DEFAULT)))
                    .isEqualTo(ControlClient.describe(SessionEvent.AUTHENTICATED));
            next.keyboard(0, B);
            rig.reports.awaitLast(keyboard, "[00 00 05 00 00 00 00 00]");
            next.keyboard(0);
            rig.awaitKeyboardReleased();
        }
    }

    private static void assertClosedWith(int code, int expected) {
        if (expected == ANY_ERROR) {
            assertThat(code).as("the module sent an ERROR frame (%s)", ControlClient.describe(code))
                    .isNotEqualTo(ProtocolError.SESSION_CLOSED).isNegative();
        } else {
            assertThat(ControlClient.describe(code)).isEqualTo(ControlClient.describe(expected));
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }
}
