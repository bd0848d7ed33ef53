package org.skvmoip.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random and mutated input for the decoder and the module session. Each case starts from valid
 * frames of a real session (so mutations reach deep into the checks), damages them one of
 * several ways and feeds the result in random pieces. The invariants checked for every case:
 * nothing is thrown, every result is an event or a defined error code, an error closes the
 * session, and a fresh session with the right secret then works.
 */
final class FuzzCases {

    private static final int MUTATIONS = 8;

    private final long seed;
    private final Random random;
    private final SessionPair pair;
    private final FrameDecoder decoder = new FrameDecoder(Side.MODULE);
    private final int[] outcomes = new int[64];
    private long messages;
    private long errors;
    private long adoptions;

    FuzzCases(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.pair = SessionPair.adopted(seed);
    }

    /** Runs {@code count} cases; a failure names the seed and case that reproduce it. */
    void run(int count) {
        for (int i = 0; i < count; i++) {
            try {
                runCase(i);
            } catch (Throwable t) {
                throw new AssertionError("fuzz case " + i + " failed; reproduce with seed " + seed, t);
            }
        }
    }

    long messages() {
        return messages;
    }

    long errors() {
        return errors;
    }

    long adoptions() {
        return adoptions;
    }

    private void runCase(int index) {
        // An unchecked frame may be a well-formed SET_SECRET with a random secret (about one case
        // in 150k): the module rightly takes it, and the test server would have to know it.
        pair.module.setSecret(SessionPair.SECRET, 0);
        boolean authenticated = random.nextInt(8) != 0;
        boolean adopting = !authenticated && random.nextBoolean();
        if (adopting) {
            pair.module.forgetSecret(); // so ADOPT, with its seed material, is fuzzed too
        }
        if (authenticated) {
            pair.handshake();
        } else {
            pair.open();
            pair.toServer(pair.takeModuleOutput());
        }
        byte[] input = mutate(validFrames(authenticated, adopting));
        feedDecoder(input, authenticated);
        feedSession(input);
        pair.module.close();
        pair.takeModuleOutput();
        if (index % 64 == 0) {
            pair.module.setSecret(SessionPair.SECRET, 0);
            freshSessionWorks();
        }
    }

    /** A few frames the server really sent in this session (or its handshake reply, before it). */
    private byte[] validFrames(boolean authenticated, boolean adopting) {
        if (adopting) {
            pair.server.adopt(SessionPair.SECRET, 0);
            return pair.takeServerOutput();
        }
        if (!authenticated) {
            pair.server.authenticate(random.nextBoolean() ? SessionPair.SECRET : SessionPair.OTHER_SECRET, 0);
            return pair.takeServerOutput();
        }
        int frames = 1 + random.nextInt(4);
        for (int i = 0; i < frames; i++) {
            sendRandomMessage();
        }
        return pair.takeServerOutput();
    }

    private void sendRandomMessage() {
        ServerSession s = pair.server;
        switch (random.nextInt(9)) {
            case 0 -> {
                int count = random.nextInt(17);
                byte[] usages = new byte[count];
                for (int i = 0; i < count; i++) {
                    usages[i] = (byte) (4 + random.nextInt(0xDC));
                }
                s.sendKeyboard(random.nextInt(256), usages, 0, count);
            }
            case 1 -> s.sendMouseRelative(random.nextInt(32), random.nextInt(65536) - 32768,
                    random.nextInt(65536) - 32768, random.nextInt(256) - 128, random.nextInt(256) - 128);
            case 2 -> s.sendMouseAbsolute(random.nextInt(32), random.nextInt(32768), random.nextInt(32768),
                    random.nextInt(256) - 128, random.nextInt(256) - 128);
            case 3 -> s.sendPower(1 + random.nextInt(3));
            case 4 -> s.sendReleaseAll();
            case 5 -> s.sendStatusRequest();
            case 6 -> s.sendKeepAlive();
            case 7 -> s.sendSetSecret(SessionPair.SECRET, 0);
            default -> {
                byte[] payload = new byte[random.nextInt(Protocol.MAX_PAYLOAD + 1)];
                random.nextBytes(payload);
                s.sendUnchecked(random.nextInt(256), payload, 0, payload.length);
            }
        }
    }

    private byte[] mutate(byte[] frames) {
        byte[] bytes = frames.clone();
        switch (random.nextInt(MUTATIONS)) {
            case 0 -> { // flip 1-3 bits
                for (int i = 1 + random.nextInt(3); i > 0 && bytes.length > 0; i--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // change a length field
                if (bytes.length >= 4) {
                    int value = random.nextBoolean() ? random.nextInt(65536) : random.nextInt(80);
                    bytes[2] = (byte) (value >>> 8);
                    bytes[3] = (byte) value;
                }
            }
            case 2 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)); // truncate
            case 3 -> bytes = SessionPair.concat(bytes, bytes); // replay everything
            case 4 -> { // random bytes
                bytes = new byte[random.nextInt(2 * Protocol.MAX_FRAME)];
                random.nextBytes(bytes);
            }
            case 5 -> { // insert random bytes somewhere
                byte[] junk = new byte[1 + random.nextInt(8)];
                random.nextBytes(junk);
                int at = random.nextInt(bytes.length + 1);
                bytes = SessionPair.concat(Arrays.copyOf(bytes, at), junk, Arrays.copyOfRange(bytes, at, bytes.length));
            }
            case 6 -> { // swap two halves: reordering
                int at = random.nextInt(bytes.length + 1);
                bytes = SessionPair.concat(Arrays.copyOfRange(bytes, at, bytes.length), Arrays.copyOf(bytes, at));
            }
            default -> {
                // unchanged: valid frames must come out as events
            }
        }
        return bytes;
    }

    private void feedDecoder(byte[] input, boolean authenticated) {
        decoder.reset(authenticated);
        for (byte[] piece : pieces(input)) {
            int off = 0;
            while (off < piece.length) {
                int result = decoder.feed(piece, off, piece.length - off);
                assertThat(result == FrameDecoder.NEED_MORE || result == FrameDecoder.FRAME
                        || ProtocolError.isDefined(result)).as("decoder result %d", result).isTrue();
                if (result < 0) {
                    assertThat(decoder.feed(piece, off, piece.length - off)).isEqualTo(result);
                    return;
                }
                assertThat(decoder.consumed()).isPositive();
                off += decoder.consumed();
            }
        }
    }

    private void feedSession(byte[] input) {
        for (byte[] piece : pieces(input)) {
            List<Integer> results = pair.toModule(piece);
            for (int result : results) {
                assertThat(result >= SessionEvent.NONE && result <= SessionEvent.HELLO && result != SessionEvent.HELLO
                        || ProtocolError.isDefined(result)).as("session result %d", result).isTrue();
                if (result < 0) {
                    errors++;
                    outcomes[-result]++;
                    assertThat(pair.module.isOpen()).as("open after %s", ProtocolError.describe(result)).isFalse();
                    assertThat(pair.module.isAuthenticated()).isFalse();
                    return;
                }
                if (result == SessionEvent.MESSAGE) {
                    messages++;
                } else if (result == SessionEvent.ADOPTED) {
                    adoptions++;
                }
            }
        }
    }

    private void freshSessionWorks() {
        pair.handshake();
        pair.server.sendKeyboard(0, new byte[] {0x04}, 0, 1);
        assertThat(pair.toModule(pair.takeServerOutput())).containsExactly(SessionEvent.MESSAGE);
        pair.module.close();
        pair.takeModuleOutput();
    }

    private List<byte[]> pieces(byte[] input) {
        List<byte[]> pieces = new ArrayList<>();
        int off = 0;
        while (off < input.length) {
            int size = 1 + random.nextInt(Math.min(input.length - off, 1 + random.nextInt(Protocol.MAX_FRAME)));
            pieces.add(Arrays.copyOfRange(input, off, off + size));
            off += size;
        }
        return pieces;
    }
}
