package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

/** Which connections share an address's share: one IPv4 address, one IPv6 /64 (a host picks addresses in it at will). */
class ConnectionLimitAddressTest {

    private static String key(String address) throws Exception {
        return ConnectionLimit.addressKey(new InetSocketAddress(InetAddress.getByName(address), 40000));
    }

    @Test
    void ipv6AddressesOfOne64ShareAShare_otherBlocksDoNot() throws Exception {
        assertThat(key("2001:db8:1:2::1")).isEqualTo(key("2001:db8:1:2:ffff:ffff:ffff:fffe"));
        assertThat(key("2001:db8:1:3::1")).isNotEqualTo(key("2001:db8:1:2::1"));
    }

    @Test
    void ipv4AddressesCountEachOnTheirOwn() throws Exception {
        assertThat(key("10.0.0.5")).isNotEqualTo(key("10.0.0.6"));
        assertThat(key("10.0.0.5")).isEqualTo(key("10.0.0.5"));
    }
}
