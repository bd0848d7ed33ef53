package org.skvmoip.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every message written by one side's encoder comes out of the other side's decoder unchanged. */
class FrameCodecTest {

    private static final byte[] KEY = SessionPair.filled(32, 0x11);
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final TestCrypto crypto = new TestCrypto(1);
    private final FrameEncoder server = new FrameEncoder(crypto, Side.SERVER);
    private final FrameEncoder module = new FrameEncoder(crypto, Side.MODULE);
    private final FrameDecoder moduleDecoder = new FrameDecoder(Side.MODULE);
    private final FrameDecoder serverDecoder = new FrameDecoder(Side.SERVER);
    private final byte[] out = new byte[Protocol.MAX_FRAME];

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            keyboard: LeftShift + a, b           | 01 10 00 04 02 02 04 05
            keyboard: nothing pressed            | 01 10 00 02 00 00
            mouse relative: left, -2, +300, -1, +1 | 01 11 00 07 01 ff fe 01 2c ff 01
            mouse absolute: right edge, top      | 01 12 00 07 00 7f ff 00 00 00 00
            power: long press                    | 01 13 00 01 02
            release all                          | 01 14 00 00
            """)
    void plainFramesHaveTheDocumentedBytes(String message, String hex) {
        server.plain();
        int length = switch (message.substring(0, message.indexOf(':') < 0 ? message.length() : message.indexOf(':'))) {
            case "keyboard" -> message.contains("nothing") ? server.keyboard(out, 0, 0, new byte[0], 0, 0)
                    : server.keyboard(out, 0, 0x02, new byte[] {0x04, 0x05}, 0, 2);
            case "mouse relative" -> server.mouseRelative(out, 0, 1, -2, 300, -1, 1);
            case "mouse absolute" -> server.mouseAbsolute(out, 0, 0, 32767, 0, 0, 0);
            case "power" -> server.power(out, 0, Power.LONG_PRESS);
            default -> server.empty(out, 0, MessageType.RELEASE_ALL);
        };

        assertThat(HEX.formatHex(out, 0, length)).isEqualTo(hex);
    }

    @Test
    void anAuthenticatedFrameCarriesItsSequenceNumberAndTheTruncatedHmacOfDirectionHeaderAndPayload()
            throws Exception {
        server.authenticated(KEY, 0);
        server.power(out, 0, Power.RESET);
        int length = server.power(out, 0, Power.SHORT_PRESS);

        assertThat(length).isEqualTo(4 + 4 + 1 + 16);
        assertThat(HEX.formatHex(out, 0, 9)).isEqualTo("01 13 00 01 00 00 00 01 01");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        mac.update((byte) 'S');
        mac.update(out, 0, 9);
        assertThat(Arrays.copyOfRange(out, 9, 25)).isEqualTo(Arrays.copyOf(mac.doFinal(), 16));
    }

    @Test
    void everyServerMessageRoundTripsThroughTheModulesDecoder() {
        server.authenticated(KEY, 0);
        moduleDecoder.reset(true);
        byte[] usages = {0x04, 0x1E, 0x2C, (byte) 0xDF, 0x39, 0x53, 0x47, 0x29, 0x2A, 0x2B, 0x04, 0x05, 0x06, 0x07,
            0x08, 0x09};

        decodeAtModule(server.keyboard(out, 0, 0xFF, usages, 0, 16), MessageType.KEYBOARD, 0);
        assertThat(Keyboard.modifiers(out(), p())).isEqualTo(0xFF);
        assertThat(Keyboard.count(out(), p())).isEqualTo(16);
        for (int i = 0; i < 16; i++) {
            assertThat(Keyboard.usage(out(), p(), i)).isEqualTo(usages[i] & 0xFF);
        }

        decodeAtModule(server.mouseRelative(out, 0, 0x1F, -32768, 32767, -128, 127), MessageType.MOUSE_RELATIVE, 1);
        assertThat(new int[] {MouseRelative.buttons(out(), p()), MouseRelative.dx(out(), p()),
            MouseRelative.dy(out(), p()), MouseRelative.wheel(out(), p()), MouseRelative.hwheel(out(), p())})
                .containsExactly(0x1F, -32768, 32767, -128, 127);

        decodeAtModule(server.mouseAbsolute(out, 0, 0x02, 32767, 16384, 3, -3), MessageType.MOUSE_ABSOLUTE, 2);
        assertThat(new int[] {MouseAbsolute.buttons(out(), p()), MouseAbsolute.x(out(), p()),
            MouseAbsolute.y(out(), p()), MouseAbsolute.wheel(out(), p()), MouseAbsolute.hwheel(out(), p())})
                .containsExactly(0x02, 32767, 16384, 3, -3);

        decodeAtModule(server.power(out, 0, Power.LONG_PRESS), MessageType.POWER, 3);
        assertThat(Power.action(out(), p())).isEqualTo(Power.LONG_PRESS);

        decodeAtModule(server.empty(out, 0, MessageType.RELEASE_ALL), MessageType.RELEASE_ALL, 4);
        decodeAtModule(server.empty(out, 0, MessageType.STATUS_REQUEST), MessageType.STATUS_REQUEST, 5);
        decodeAtModule(server.empty(out, 0, MessageType.KEEPALIVE), MessageType.KEEPALIVE, 6);

        decodeAtModule(server.secret(out, 0, MessageType.SET_SECRET, SessionPair.OTHER_SECRET, 0),
                MessageType.SET_SECRET, 7);
        assertThat(Arrays.copyOfRange(out(), p(), p() + 32)).isEqualTo(SessionPair.OTHER_SECRET);

        decodeAtModule(server.error(out, 0, ProtocolError.WRONG_MODULE, -5), MessageType.ERROR, 8);
        assertThat(ErrorPayload.code(out(), p())).isEqualTo(ProtocolError.WRONG_MODULE);
        assertThat(ErrorPayload.detail(out(), p())).isEqualTo(-5);
    }

    @Test
    void theServersHandshakeMessagesRoundTripInPlainFrames() {
        server.plain();
        moduleDecoder.reset(false);
        byte[] nonce = SessionPair.filled(16, 0x0A);
        byte[] proof = SessionPair.filled(32, 0x0B);

        decodeAtModule(server.auth(out, 0, nonce, 0, proof, 0), MessageType.AUTH, -1);
        assertThat(Arrays.copyOfRange(out(), p() + Auth.NONCE, p() + Auth.NONCE + 16)).isEqualTo(nonce);
        assertThat(Arrays.copyOfRange(out(), p() + Auth.PROOF, p() + Auth.PROOF + 32)).isEqualTo(proof);

        byte[] material = SessionPair.filled(32, 0x0D);
        decodeAtModule(server.adopt(out, 0, SessionPair.SECRET, 0, material, 0), MessageType.ADOPT, -1);
        assertThat(Arrays.copyOfRange(out(), p() + Adopt.SECRET, p() + Adopt.SECRET + 32)).isEqualTo(SessionPair.SECRET);
        assertThat(Arrays.copyOfRange(out(), p() + Adopt.SEED_MATERIAL, p() + Adopt.SEED_MATERIAL + 32))
                .isEqualTo(material);
    }

    @Test
    void everyModuleMessageRoundTripsThroughTheServersDecoder() {
        serverDecoder.reset(false);
        byte[] nonce = SessionPair.filled(16, 0x0C);
        int length = module.hello(out, 0, SessionPair.MODULE_ID, 0, 0x0203, true, nonce, 0);
        decodeAtServer(length, MessageType.HELLO);
        byte[] frame = serverDecoder.buffer();
        int p = serverDecoder.payloadOffset();
        assertThat(Arrays.copyOfRange(frame, p, p + 12)).isEqualTo(SessionPair.MODULE_ID);
        assertThat(Hello.firmwareVersion(frame, p)).isEqualTo(0x0203);
        assertThat(Hello.isAdopted(frame, p)).isTrue();
        assertThat(Arrays.copyOfRange(frame, p + Hello.NONCE, p + Hello.NONCE + 16)).isEqualTo(nonce);

        decodeAtServer(module.authOk(out, 0, SessionPair.SECRET, 0), MessageType.AUTH_OK);

        module.authenticated(KEY, 0);
        serverDecoder.setAuthenticated(true);
        decodeAtServer(module.status(out, 0, Status.FLAG_POWER_LED | Status.FLAG_BOOT_PROTOCOL,
                Status.LED_CAPS_LOCK | Status.LED_NUM_LOCK, 42), MessageType.STATUS);
        frame = serverDecoder.buffer();
        p = serverDecoder.payloadOffset();
        assertThat(Status.flags(frame, p)).isEqualTo(Status.FLAG_POWER_LED | Status.FLAG_BOOT_PROTOCOL);
        assertThat(Status.keyboardLeds(frame, p)).isEqualTo(Status.LED_CAPS_LOCK | Status.LED_NUM_LOCK);
        assertThat(Status.hddActivity(frame, p)).isEqualTo(42);
        assertThat(serverDecoder.sequence()).isZero();

        decodeAtServer(module.empty(out, 0, MessageType.SECRET_CHANGED), MessageType.SECRET_CHANGED);
        decodeAtServer(module.empty(out, 0, MessageType.KEEPALIVE), MessageType.KEEPALIVE);
        decodeAtServer(module.error(out, 0, ProtocolError.BAD_MAC, 0), MessageType.ERROR);
        assertThat(ErrorPayload.code(serverDecoder.buffer(), serverDecoder.payloadOffset()))
                .isEqualTo(ProtocolError.BAD_MAC);
        assertThat(serverDecoder.sequence()).isEqualTo(3);
    }

    @Test
    void theDecoderReassemblesFramesSplitAtEveryByteBoundary() {
        server.authenticated(KEY, 0);
        byte[] stream = SessionPair.concat(
                copy(server.keyboard(out, 0, 0x01, new byte[] {0x04, 0x05, 0x06}, 0, 3)),
                copy(server.mouseAbsolute(out, 0, 1, 100, 200, 0, 0)),
                copy(server.empty(out, 0, MessageType.KEEPALIVE)));
        List<String> whole = decodeAll(List.of(stream));

        for (int cut = 1; cut < stream.length; cut++) {
            List<byte[]> pieces = List.of(Arrays.copyOfRange(stream, 0, cut), Arrays.copyOfRange(stream, cut,
                    stream.length));
            assertThat(decodeAll(pieces)).as("cut at byte %d", cut).isEqualTo(whole);
        }
        List<byte[]> oneByteEach = new ArrayList<>();
        for (byte b : stream) {
            oneByteEach.add(new byte[] {b});
        }
        assertThat(decodeAll(oneByteEach)).isEqualTo(whole);
        assertThat(whole).hasSize(3);
    }

    @Test
    void fieldsOutOfRangeAreRefusedWithoutSpendingASequenceNumber() {
        server.authenticated(KEY, 0);

        assertThat(server.keyboard(out, 0, 0, new byte[17], 0, 17)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.keyboard(out, 0, 0, new byte[] {(byte) 0xE1}, 0, 1)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.keyboard(out, 0, 0, new byte[] {0x00}, 0, 1)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.mouseRelative(out, 0, 0, 40_000, 0, 0, 0)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.mouseRelative(out, 0, 0x20, 0, 0, 0, 0)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.mouseRelative(out, 0, 0, 0, 0, 128, 0)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.mouseAbsolute(out, 0, 0, 32768, 0, 0, 0)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.mouseAbsolute(out, 0, 0, 0, -1, 0, 0)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.power(out, 0, 4)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.secret(out, 0, MessageType.SET_SECRET, new byte[32], 0)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.empty(out, 0, MessageType.POWER)).isEqualTo(ProtocolError.BAD_FIELD);
        assertThat(server.keyboard(new byte[20], 0, 0, new byte[] {4}, 0, 1)).isEqualTo(ProtocolError.OUTPUT_FULL);

        assertThat(server.nextSequence()).isZero();
    }

    private void decodeAtModule(int length, int type, int sequence) {
        assertThat(length).as("encoded length of %s", MessageType.name(type)).isPositive();
        assertThat(moduleDecoder.feed(out, 0, length)).isEqualTo(FrameDecoder.FRAME);
        assertThat(moduleDecoder.consumed()).isEqualTo(length);
        assertThat(moduleDecoder.type()).isEqualTo(type);
        if (sequence >= 0) {
            assertThat(moduleDecoder.sequence()).isEqualTo(sequence);
        }
        assertThat(MessageType.validate(type, out(), p(), moduleDecoder.payloadLength())).isZero();
    }

    private void decodeAtServer(int length, int type) {
        assertThat(length).as("encoded length of %s", MessageType.name(type)).isPositive();
        assertThat(serverDecoder.feed(out, 0, length)).isEqualTo(FrameDecoder.FRAME);
        assertThat(serverDecoder.type()).isEqualTo(type);
        assertThat(MessageType.validate(type, serverDecoder.buffer(), serverDecoder.payloadOffset(),
                serverDecoder.payloadLength())).isZero();
    }

    private byte[] out() {
        return moduleDecoder.buffer();
    }

    private int p() {
        return moduleDecoder.payloadOffset();
    }

    /** The frame just encoded into {@code out}. */
    private byte[] copy(int length) {
        assertThat(length).isPositive();
        return Arrays.copyOf(out, length);
    }

    private List<String> decodeAll(List<byte[]> pieces) {
        FrameDecoder decoder = new FrameDecoder(Side.MODULE);
        decoder.reset(true);
        List<String> frames = new ArrayList<>();
        for (byte[] piece : pieces) {
            int off = 0;
            while (off < piece.length) {
                int result = decoder.feed(piece, off, piece.length - off);
                assertThat(result).isNotNegative();
                off += decoder.consumed();
                if (result == FrameDecoder.FRAME) {
                    frames.add(HEX.formatHex(decoder.buffer(), 0, decoder.frameLength()));
                }
            }
        }
        return frames;
    }
}
