package org.skvmoip.firmware.dhcp;

import org.skvmoip.protocol.Bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The reply parser on hand-built datagrams: what it takes, what it refuses and why. */
class DhcpReplyTest {

    private static final int XID = 0x1234ABCD;
    private static final byte[] MAC = {0x02, 0x11, 0x22, 0x33, 0x44, 0x55};

    private final DhcpReply reply = new DhcpReply();

    /** An ACK for 10.0.0.42/24 via 10.0.0.1, server 10.0.0.2, lease 600 s, T1 300, T2 525. */
    static byte[] ack() {
        byte[] b = new byte[300];
        b[0] = 2;
        b[1] = 1;
        b[2] = 6;
        Bytes.put32(b, 4, XID);
        b[16] = 10;
        b[19] = 42;
        System.arraycopy(MAC, 0, b, 28, 6);
        Bytes.put32(b, 236, 0x63825363);
        int[] options = {
            53, 1, 5,
            54, 4, 10, 0, 0, 2,
            51, 4, 0, 0, 2, 88,
            58, 4, 0, 0, 1, 44,
            59, 4, 0, 0, 2, 13,
            1, 4, 255, 255, 255, 0,
            3, 8, 10, 0, 0, 1, 10, 0, 0, 9,
            0, 0,
            6, 4, 10, 0, 0, 53,
            255};
        for (int i = 0; i < options.length; i++) {
            b[240 + i] = (byte) options[i];
        }
        return b;
    }

    @Test
    void aWellFormedAckYieldsEveryFieldTheClientUses() {
        assertThat(reply.parse(ack(), 300, XID, MAC)).isEqualTo(DhcpReply.OK);

        assertThat(reply.messageType).isEqualTo(DhcpMessage.DHCPACK);
        assertThat(reply.yiaddr).isEqualTo(0x0A00002A);
        assertThat(reply.serverId).isEqualTo(0x0A000002);
        assertThat(reply.leaseSeconds).isEqualTo(600);
        assertThat(reply.renewalSeconds).isEqualTo(300);
        assertThat(reply.rebindingSeconds).isEqualTo(525);
        assertThat(reply.subnetMask).isEqualTo(0xFFFFFF00);
        assertThat(reply.router).as("the first router of the list").isEqualTo(0x0A000001);
        assertThat(reply.dns).isEqualTo(0x0A000035);
    }

    @Test
    void anInfiniteLeaseIsReadAsUnsigned() {
        byte[] b = ack();
        Bytes.put32(b, 240 + 11, 0xFFFFFFFF);
        assertThat(reply.parse(b, b.length, XID, MAC)).isEqualTo(DhcpReply.OK);
        assertThat(reply.leaseSeconds).isEqualTo(DhcpReply.INFINITE);
    }

    @Test
    void optionsInTheFileFieldCountWhenOption52SaysSo() {
        byte[] b = ack();
        // Main area: type and overload "file" only; the rest of the options in the file field.
        byte[] main = {53, 1, 2, 52, 1, 1, (byte) 255};
        Arrays.fill(b, 240, 300, (byte) 0);
        System.arraycopy(main, 0, b, 240, main.length);
        byte[] file = {54, 4, 10, 0, 0, 7, 1, 4, (byte) 255, (byte) 255, 0, 0, (byte) 255};
        System.arraycopy(file, 0, b, 108, file.length);

        assertThat(reply.parse(b, b.length, XID, MAC)).isEqualTo(DhcpReply.OK);
        assertThat(reply.messageType).isEqualTo(DhcpMessage.DHCPOFFER);
        assertThat(reply.serverId).isEqualTo(0x0A000007);
        assertThat(reply.subnetMask).isEqualTo(0xFFFF0000);
    }

    @Test
    void eachKindOfBadDatagramIsRefusedWithItsReason() {
        assertThat(parse(Arrays.copyOf(ack(), 239))).isEqualTo(DhcpReply.TOO_SHORT);
        assertThat(parse(with(ack(), 0, 1))).isEqualTo(DhcpReply.NOT_A_REPLY);
        assertThat(parse(with(ack(), 2, 7))).isEqualTo(DhcpReply.NOT_A_REPLY);
        assertThat(parse(with(ack(), 7, 0))).isEqualTo(DhcpReply.NOT_FOR_US);
        assertThat(parse(with(ack(), 33, 0))).isEqualTo(DhcpReply.NOT_FOR_US);
        assertThat(parse(with(ack(), 239, 0))).isEqualTo(DhcpReply.BAD_COOKIE);
        assertThat(parse(Arrays.copyOf(ack(), 241))).as("option code without its length").isEqualTo(DhcpReply.BAD_OPTIONS);
        assertThat(parse(with(ack(), 241, 250))).as("length past the end").isEqualTo(DhcpReply.BAD_OPTIONS);
        assertThat(parse(Arrays.copyOf(ack(), 270))).as("no END").isEqualTo(DhcpReply.BAD_OPTIONS);
        assertThat(parse(with(ack(), 241, 2))).isEqualTo(DhcpReply.BAD_OPTION_LENGTH);
        assertThat(parse(with(ack(), 250, 3))).as("lease time of 3 bytes").isEqualTo(DhcpReply.BAD_OPTION_LENGTH);
        byte[] bootp = ack();
        Arrays.fill(bootp, 240, 243, (byte) 0);
        assertThat(parse(bootp)).as("option 53 padded out: BOOTP, not DHCP").isEqualTo(DhcpReply.NO_MESSAGE_TYPE);
    }

    @Test
    void noDatagramMakesTheParserThrow_randomAndMutated() {
        SplittableRandom random = new SplittableRandom(2131);
        byte[] good = ack();
        byte[] buffer = new byte[DhcpMessage.MAX_MESSAGE_BYTES];
        int accepted = 0;
        for (int i = 0; i < 100_000; i++) {
            int len;
            if (i % 2 == 0) {
                System.arraycopy(good, 0, buffer, 0, good.length);
                len = good.length;
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    buffer[236 + random.nextInt(len - 236)] = (byte) random.nextInt(256);
                }
                len = random.nextInt(4) == 0 ? random.nextInt(len + 1) : len;
            } else {
                len = random.nextInt(buffer.length + 1);
                for (int j = 0; j < len; j++) {
                    buffer[j] = (byte) random.nextInt(256);
                }
            }
            int result = reply.parse(buffer, len, XID, MAC);
            assertThat(result).isBetween(DhcpReply.NO_MESSAGE_TYPE, DhcpReply.OK);
            if (result == DhcpReply.OK) {
                accepted++;
            }
        }
        assertThat(accepted).as("mutations that keep the ACK valid are still parsed").isPositive();
    }

    private int parse(byte[] b) {
        return reply.parse(b, b.length, XID, MAC);
    }

    private static byte[] with(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        return b;
    }
}
