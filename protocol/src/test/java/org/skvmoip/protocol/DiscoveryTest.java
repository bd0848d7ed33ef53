package org.skvmoip.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** DISCOVER and ANNOUNCE have the documented bytes, and an answer is never larger than the question. */
class DiscoveryTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void discoverHasTheDocumentedBytesAndIsAccepted() {
        byte[] datagram = new byte[Discovery.DISCOVER_LENGTH];

        assertThat(Discovery.writeDiscover(datagram, 0, 0x01020304)).isEqualTo(32);

        assertThat(HEX.formatHex(datagram, 0, 10)).isEqualTo("53 4b 56 44 01 01 01 02 03 04");
        assertThat(Discovery.checkDiscover(datagram, 0, 32)).isZero();
        assertThat(Discovery.requestId(datagram, 0)).isEqualTo(0x01020304);
    }

    @Test
    void announceCarriesWhoTheModuleIsAndWhereToConnect() {
        byte[] datagram = new byte[Discovery.ANNOUNCE_LENGTH];

        Discovery.writeAnnounce(datagram, 0, 77, SessionPair.MODULE_ID, 0, 0x0102, false, Protocol.CONTROL_TCP_PORT);

        assertThat(Discovery.checkAnnounce(datagram, 0, datagram.length)).isZero();
        assertThat(Discovery.requestId(datagram, 0)).isEqualTo(77);
        assertThat(java.util.Arrays.copyOfRange(datagram, 10, 22)).isEqualTo(SessionPair.MODULE_ID);
        assertThat(Discovery.firmwareVersion(datagram, 0)).isEqualTo(0x0102);
        assertThat(Discovery.isAdopted(datagram, 0)).isFalse();
        assertThat(Discovery.controlPort(datagram, 0)).isEqualTo(7390);
        assertThat(Discovery.ANNOUNCE_LENGTH).as("no amplification").isLessThanOrEqualTo(Discovery.DISCOVER_LENGTH);
    }

    @Test
    void malformedDiscoverIsRefusedWithItsReason() {
        byte[] datagram = new byte[40];
        Discovery.writeDiscover(datagram, 0, 1);

        assertThat(Discovery.checkDiscover(datagram, 0, 9)).isEqualTo(ProtocolError.TOO_SHORT_FOR_TYPE);
        assertThat(Discovery.checkDiscover(datagram, 0, 31)).isEqualTo(ProtocolError.TOO_SHORT_FOR_TYPE);
        assertThat(Discovery.checkDiscover(datagram, 0, 33)).isEqualTo(ProtocolError.TOO_LONG_FOR_TYPE);
        datagram[4] = 2;
        assertThat(Discovery.checkDiscover(datagram, 0, 32)).isEqualTo(ProtocolError.BAD_VERSION);
        datagram[4] = 1;
        datagram[5] = Discovery.TYPE_ANNOUNCE;
        assertThat(Discovery.checkDiscover(datagram, 0, 32)).isEqualTo(ProtocolError.UNKNOWN_TYPE);
        datagram[0] = 'X';
        assertThat(Discovery.checkDiscover(datagram, 0, 32)).isEqualTo(ProtocolError.BAD_MAGIC);
    }
}
