package org.skvmoip.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void aPersonMayWriteTheAddressInSeveralWays() {
        assertThat(ServerAddress.parse("https://KVM.example:9443/").hostPort()).isEqualTo("kvm.example:9443");
        assertThat(ServerAddress.parse("kvm.example:9443").hostPort()).isEqualTo("kvm.example:9443");
        assertThat(ServerAddress.parse("kvm.example").hostPort()).isEqualTo("kvm.example:8443");
        assertThat(ServerAddress.parse("https://[::1]:8443").hostPort()).isEqualTo("[::1]:8443");
        assertThat(ServerAddress.parse("10.0.0.5").https("/api/machines").toString())
                .isEqualTo("https://10.0.0.5:8443/api/machines");
    }

    @Test
    void plaintextAndNonsenseAreRefusedWithTheFix() {
        assertThatThrownBy(() -> ServerAddress.parse("http://kvm.example:8443"))
                .hasMessage("'http://kvm.example:8443': the server speaks HTTPS only; write https://kvm.example:8443");
        assertThatThrownBy(() -> ServerAddress.parse("ftp://kvm.example")).hasMessageContaining("HTTPS only");
        assertThatThrownBy(() -> ServerAddress.parse(" ")).hasMessageContaining("no server address given");
    }

    @Test
    void machineNamesAreOnePathSegment() {
        assertThat(ServerConnection.machinePath("web-01.rack_2", "/power")).isEqualTo("/api/machines/web-01.rack_2/power");
        assertThat(ServerConnection.machinePath("a/b?c", "")).isEqualTo("/api/machines/a%2Fb%3Fc");
    }
}
