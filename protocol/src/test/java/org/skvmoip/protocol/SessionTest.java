package org.skvmoip.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handshake, per-frame authentication and the end of a session, seen from both ends. */
class SessionTest {

    private final SessionPair pair = SessionPair.adopted(7);

    @Test
    void givenTheSameSecretTheHandshakeAuthenticatesBothEnds() {
        pair.handshake();

        assertThat(pair.module.isAuthenticated()).isTrue();
        assertThat(pair.server.isAuthenticated()).isTrue();
        byte[] id = new byte[12];
        pair.server.moduleId(id, 0);
        assertThat(id).isEqualTo(SessionPair.MODULE_ID);
        assertThat(pair.server.firmwareVersion()).isEqualTo(SessionPair.FIRMWARE_VERSION);
    }

    @Test
    void givenAnAuthenticatedSessionTheModuleReceivesTheKeyStateTheServerSent() {
        pair.handshake();

        pair.server.sendKeyboard(0x02, new byte[] {0x04, 0x16}, 0, 2);
        List<Integer> events = pair.toModule(pair.takeServerOutput());

        assertThat(events).containsExactly(SessionEvent.MESSAGE);
        assertThat(pair.module.messageType()).isEqualTo(MessageType.KEYBOARD);
        byte[] b = pair.module.messageBuffer();
        int p = pair.module.messageOffset();
        assertThat(Keyboard.modifiers(b, p)).isEqualTo(0x02);
        assertThat(Keyboard.count(b, p)).isEqualTo(2);
        assertThat(Keyboard.usage(b, p, 1)).isEqualTo(0x16);
    }

    @Test
    void givenAStatusRequestTheServerReceivesTheModulesStatus() {
        pair.handshake();
        pair.server.sendStatusRequest();
        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(SessionEvent.MESSAGE);
        assertThat(pair.module.messageType()).isEqualTo(MessageType.STATUS_REQUEST);

        pair.module.sendStatus(Status.FLAG_POWER_LED | Status.FLAG_USB_CONFIGURED, Status.LED_CAPS_LOCK, 7);

        assertThat(pair.toServer(pair.takeModuleOutput())).containsExactly(SessionEvent.MESSAGE);
        assertThat(pair.server.messageType()).isEqualTo(MessageType.STATUS);
        assertThat(Status.keyboardLeds(pair.server.messageBuffer(), pair.server.messageOffset()))
                .isEqualTo(Status.LED_CAPS_LOCK);
    }

    @Test
    void givenAWrongSecretTheModuleRefusesTheServerAndSaysWhy() {
        pair.open();
        pair.toServer(pair.takeModuleOutput());
        pair.server.authenticate(SessionPair.OTHER_SECRET, 0);

        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(ProtocolError.AUTH_FAILED);
        assertThat(pair.module.isOpen()).isFalse();
        assertThat(pair.toServer(pair.takeModuleOutput())).containsExactly(ProtocolError.PEER_ERROR);
        assertThat(pair.server.isOpen()).isFalse();
    }

    @Test
    void givenAModuleThatProvesAnotherSecretTheServerRefusesIt() {
        SessionPair impostor = new SessionPair(8);
        impostor.module.setSecret(SessionPair.OTHER_SECRET, 0);
        impostor.open();
        impostor.toServer(impostor.takeModuleOutput());
        impostor.server.authenticate(SessionPair.SECRET, 0);

        // The module already refuses the server's proof; a server must never get further either.
        assertThat(impostor.toModule(impostor.takeServerOutput())).containsExactly(ProtocolError.AUTH_FAILED);
        assertThat(impostor.module.isAuthenticated()).isFalse();
    }

    @Test
    void givenAForgedModuleProofTheServerRefusesTheSession() {
        pair.open();
        pair.toServer(pair.takeModuleOutput());
        pair.server.authenticate(SessionPair.SECRET, 0);
        pair.toModule(pair.takeServerOutput());
        byte[] authOk = pair.takeModuleOutput();
        authOk[10] ^= 0x01;

        assertThat(pair.toServer(authOk)).containsExactly(ProtocolError.AUTH_FAILED);
        assertThat(pair.server.isAuthenticated()).isFalse();
    }

    @Test
    void givenAnUnadoptedModuleTheServerAdoptsItAndAuthenticatesInTheSameConnection() {
        SessionPair fresh = new SessionPair(9);
        fresh.open();
        assertThat(fresh.toServer(fresh.takeModuleOutput())).containsExactly(SessionEvent.HELLO);
        assertThat(fresh.server.isModuleAdopted()).isFalse();
        assertThat(fresh.server.authenticate(SessionPair.SECRET, 0)).isEqualTo(ProtocolError.NOT_ADOPTED);

        assertThat(fresh.server.adopt(SessionPair.SECRET, 0)).isPositive();

        assertThat(fresh.toModule(fresh.takeServerOutput()))
                .containsExactly(SessionEvent.ADOPTED, SessionEvent.AUTHENTICATED);
        byte[] stored = new byte[32];
        fresh.module.copySecret(stored, 0);
        assertThat(stored).isEqualTo(SessionPair.SECRET);
        assertThat(fresh.toServer(fresh.takeModuleOutput())).containsExactly(SessionEvent.AUTHENTICATED);
    }

    @Test
    void adoptionCarriesFreshSeedMaterialFromTheServersGeneratorToTheModule() {
        byte[][] delivered = new byte[2][];
        for (int i = 0; i < 2; i++) {
            SessionPair fresh = new SessionPair(20 + i);
            fresh.open();
            fresh.toServer(fresh.takeModuleOutput());
            assertThat(fresh.server.adopt(SessionPair.SECRET, 0)).isPositive();
            assertThat(fresh.toModule(fresh.takeServerOutput()))
                    .containsExactly(SessionEvent.ADOPTED, SessionEvent.AUTHENTICATED);

            delivered[i] = new byte[Protocol.SEED_MATERIAL_LENGTH];
            fresh.module.takeSeedMaterial(delivered[i], 0);
            assertThat(delivered[i]).isNotEqualTo(new byte[Protocol.SEED_MATERIAL_LENGTH]);
            byte[] again = new byte[Protocol.SEED_MATERIAL_LENGTH];
            fresh.module.takeSeedMaterial(again, 0);
            assertThat(again).as("taken once, then forgotten").isEqualTo(new byte[Protocol.SEED_MATERIAL_LENGTH]);
        }
        assertThat(delivered[1]).as("each adoption draws new material").isNotEqualTo(delivered[0]);
    }

    @Test
    void anAdoptWithoutSeedMaterialIsRefusedAndTheModuleStaysUnadopted() {
        SessionPair fresh = new SessionPair(11);
        fresh.open();
        fresh.takeModuleOutput();
        FrameEncoder server = new FrameEncoder(fresh.crypto, Side.SERVER);
        byte[] zeros = new byte[Protocol.SEED_MATERIAL_LENGTH];
        byte[] adopt = new byte[80];
        assertThat(server.adopt(adopt, 0, SessionPair.SECRET, 0, zeros, 0)).isEqualTo(ProtocolError.BAD_FIELD);

        // A server that writes the frame itself gets BAD_FIELD from the module.
        int length = server.adopt(adopt, 0, SessionPair.SECRET, 0, SessionPair.filled(32, 1), 0);
        Arrays.fill(adopt, length - Protocol.SEED_MATERIAL_LENGTH, length, (byte) 0);

        assertThat(fresh.toModule(Arrays.copyOf(adopt, length))).containsExactly(ProtocolError.BAD_FIELD);
        assertThat(fresh.module.isAdopted()).isFalse();
    }

    @Test
    void givenAnAdoptedModuleAdoptIsRefusedAndTheSecretStays() {
        pair.open();
        pair.toServer(pair.takeModuleOutput());
        assertThat(pair.server.adopt(SessionPair.OTHER_SECRET, 0)).isEqualTo(ProtocolError.ALREADY_ADOPTED);

        // A hostile server that ignores the adopted flag gets refused by the module itself.
        FrameEncoder hostile = new FrameEncoder(pair.crypto, Side.SERVER);
        byte[] adopt = new byte[80];
        int length = hostile.adopt(adopt, 0, SessionPair.OTHER_SECRET, 0, SessionPair.filled(32, 0x5E), 0);

        assertThat(pair.toModule(Arrays.copyOf(adopt, length))).containsExactly(ProtocolError.ALREADY_ADOPTED);
        byte[] stored = new byte[32];
        pair.module.copySecret(stored, 0);
        assertThat(stored).isEqualTo(SessionPair.SECRET);
    }

    @Test
    void givenAnUnadoptedModuleAuthIsRefused() {
        SessionPair fresh = new SessionPair(10);
        fresh.open();
        FrameEncoder server = new FrameEncoder(fresh.crypto, Side.SERVER);
        byte[] auth = new byte[60];
        int length = server.auth(auth, 0, new byte[16], 0, new byte[32], 0);

        assertThat(fresh.toModule(Arrays.copyOf(auth, length))).containsExactly(ProtocolError.NOT_ADOPTED);
    }

    @Test
    void givenNoHandshakeASessionMessageIsRefusedAsNotAuthenticated() {
        pair.open();
        FrameEncoder plain = new FrameEncoder(pair.crypto, Side.SERVER);
        byte[] keyboard = new byte[40];
        int length = plain.keyboard(keyboard, 0, 0, new byte[] {0x04}, 0, 1);

        assertThat(pair.toModule(Arrays.copyOf(keyboard, length))).containsExactly(ProtocolError.NOT_AUTHENTICATED);
        assertThat(pair.takeModuleOutput()).as("HELLO, then ERROR").hasSize(35 + 4 + 5);
    }

    @Test
    void aFrameWithOneBitFlippedIsRefusedAsBadMac() {
        pair.handshake();
        pair.server.sendPower(Power.SHORT_PRESS);
        byte[] frame = pair.takeServerOutput();
        frame[8] ^= 0x01; // the action: SHORT_PRESS becomes RESET

        assertThat(pair.toModule(frame)).containsExactly(ProtocolError.BAD_MAC);
        assertThat(pair.module.isOpen()).isFalse();
        assertThat(pair.toServer(pair.takeModuleOutput())).as("the module's authenticated ERROR")
                .containsExactly(ProtocolError.PEER_ERROR);
    }

    @Test
    void aReplayedFrameIsRefused() {
        pair.handshake();
        pair.server.sendPower(Power.SHORT_PRESS);
        byte[] press = pair.takeServerOutput();
        assertThat(pair.toModule(press)).containsExactly(SessionEvent.MESSAGE);

        assertThat(pair.toModule(press)).containsExactly(ProtocolError.SEQUENCE_REPLAYED);
    }

    @Test
    void reorderedFramesAreRefused() {
        pair.handshake();
        pair.server.sendKeyboard(0, new byte[] {0x04}, 0, 1);
        byte[] first = pair.takeServerOutput();
        pair.server.sendKeyboard(0, new byte[0], 0, 0);
        byte[] second = pair.takeServerOutput();

        assertThat(pair.toModule(SessionPair.concat(second, first))).containsExactly(ProtocolError.SEQUENCE_GAP);
    }

    @Test
    void aFrameOlderThanTheLastOneIsRefusedAsReplayed() {
        pair.handshake();
        pair.server.sendKeepAlive();
        byte[] first = pair.takeServerOutput();
        pair.server.sendKeepAlive();
        byte[] second = pair.takeServerOutput();

        assertThat(pair.toModule(SessionPair.concat(first, second, first)))
                .containsExactly(SessionEvent.HANDLED, SessionEvent.HANDLED, ProtocolError.SEQUENCE_REPLAYED);
    }

    @Test
    void aDroppedFrameIsRefusedAsAGap() {
        pair.handshake();
        pair.server.sendReleaseAll();
        pair.takeServerOutput();
        pair.server.sendReleaseAll();

        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(ProtocolError.SEQUENCE_GAP);
    }

    @Test
    void aFrameCutShortAndFollowedByTheNextIsRefusedAsBadMac() {
        pair.handshake();
        pair.server.sendMouseRelative(0, 5, 5, 0, 0);
        byte[] first = pair.takeServerOutput();
        pair.server.sendMouseRelative(0, 6, 6, 0, 0);
        byte[] second = pair.takeServerOutput();

        assertThat(pair.toModule(SessionPair.concat(Arrays.copyOf(first, first.length - 3), second)))
                .containsExactly(ProtocolError.BAD_MAC);
    }

    @Test
    void aKeyboardMessageShorterThanItsCountIsRefused() {
        pair.handshake();
        pair.server.sendUnchecked(MessageType.KEYBOARD, new byte[] {0, 3, 0x04, 0x05}, 0, 4);

        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(ProtocolError.TOO_SHORT_FOR_TYPE);
    }

    @Test
    void anAuthenticatedMessageWithAFieldOutOfRangeIsRefused() {
        pair.handshake();
        pair.server.sendUnchecked(MessageType.MOUSE_ABSOLUTE, new byte[] {0, (byte) 0x80, 0, 0, 0, 0, 0}, 0, 7);

        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(ProtocolError.BAD_FIELD);
    }

    @Test
    void aSecondAuthInsideASessionIsRefused() {
        pair.handshake();
        pair.server.sendUnchecked(MessageType.AUTH, new byte[48], 0, 48);

        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(ProtocolError.UNEXPECTED_MESSAGE);
    }

    @Test
    void givenAnErrorAFreshSessionWithTheRightSecretWorks() {
        pair.handshake();
        pair.server.sendPower(Power.RESET);
        byte[] frame = pair.takeServerOutput();
        frame[frame.length - 1] ^= 0x40;
        assertThat(pair.toModule(frame)).containsExactly(ProtocolError.BAD_MAC);
        assertThat(pair.module.feed(frame, 0, frame.length, pair.now)).isEqualTo(ProtocolError.SESSION_CLOSED);
        pair.takeModuleOutput();

        pair.handshake();
        pair.server.sendPower(Power.RESET);

        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(SessionEvent.MESSAGE);
    }

    @Test
    void givenSetSecretTheModuleAcknowledgesAndTheNextHandshakeNeedsTheNewSecret() {
        pair.handshake();
        pair.server.sendSetSecret(SessionPair.OTHER_SECRET, 0);
        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(SessionEvent.SECRET_CHANGED);
        pair.module.acknowledgeSecret();
        assertThat(pair.toServer(pair.takeModuleOutput())).containsExactly(SessionEvent.SECRET_CHANGED);

        pair.module.close();
        pair.open();
        pair.toServer(pair.takeModuleOutput());
        pair.server.authenticate(SessionPair.SECRET, 0);
        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(ProtocolError.AUTH_FAILED);

        pair.handshake(SessionPair.OTHER_SECRET);
        assertThat(pair.module.isAuthenticated()).isTrue();
    }

    @Test
    void aFrameTheModuleSentCannotBeReflectedBackToIt() {
        pair.handshake();
        pair.now += Protocol.KEEPALIVE_INTERVAL_MILLIS;
        pair.module.tick(pair.now);
        byte[] keepAlive = pair.takeModuleOutput();

        // Same key, a type the module accepts, the very sequence number it expects next: only
        // the direction byte under the MAC tells the frame apart from one the server sent.
        assertThat(pair.toModule(keepAlive)).containsExactly(ProtocolError.BAD_MAC);
    }
}
