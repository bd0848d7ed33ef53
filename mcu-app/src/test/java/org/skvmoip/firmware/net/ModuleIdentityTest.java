package org.skvmoip.firmware.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MAC and module id from the MCU unique id: golden values computed independently (FNV-1a 64 by hand in Python). */
class ModuleIdentityTest {

    @ParameterizedTest(name = "uid {0} -> MAC {1}")
    @CsvSource({
        "000102030405060708090A0B, 4A:19:41:6D:7F:B9",
        "0000000001534B564D53494D, 06:0D:CF:E1:B2:E2",
        "0100000001534B564D53494D, 4A:66:15:FB:1B:2B",
        "0200000001534B564D53494D, EA:CF:CF:41:E0:F4",
        "3400220013504D4E38313520, EA:8E:84:01:4B:45",
    })
    void theMacIsAHashOfAllTwelveIdBytes_locallyAdministeredAndUnicast(String uidHex, String expectedMac) {
        byte[] uid = HexFormat.of().parseHex(uidHex);
        ModuleIdentity identity = new ModuleIdentity((dst, off) -> System.arraycopy(uid, 0, dst, off, 12));

        byte[] mac = new byte[6];
        identity.mac(mac, 0);

        assertThat(HexFormat.ofDelimiter(":").withUpperCase().formatHex(mac)).isEqualTo(expectedMac);
        assertThat(mac[0] & 0x02).as("locally administered bit").isEqualTo(0x02);
        assertThat(mac[0] & 0x01).as("multicast bit").isZero();
        assertThat(identity.moduleId()).isEqualTo(uidHex);
    }

    @ParameterizedTest(name = "changing id byte {0} changes the MAC")
    @CsvSource({"0", "3", "4", "7", "11"})
    void everyIdByteCounts_notATruncation(int index) {
        byte[] a = new byte[12];
        byte[] b = new byte[12];
        b[index] = 1;
        byte[] macA = new byte[6];
        byte[] macB = new byte[6];
        ModuleIdentity.deriveMac(a, 0, macA, 0);
        ModuleIdentity.deriveMac(b, 0, macB, 0);
        assertThat(macB).isNotEqualTo(macA);
    }

    @ParameterizedTest
    @CsvSource({"000102030405060708090A0B, skvmoip-6D7FB9"})
    void theDefaultNameEndsWithTheMacsLastThreeOctets(String uidHex, String expected) {
        byte[] uid = HexFormat.of().parseHex(uidHex);
        ModuleIdentity identity = new ModuleIdentity((dst, off) -> System.arraycopy(uid, 0, dst, off, 12));
        byte[] name = new byte[ModuleIdentity.DEFAULT_NAME_BYTES];
        identity.defaultName(name, 0);
        assertThat(new String(name, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(expected);
    }
}
