package org.skvmoip.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.protocol.Discovery;
import org.skvmoip.protocol.Protocol;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.stm32.DeviceC;
import org.skvmoip.sim.control.ControlClient;

/** docs/protocol.md §8: a DISCOVER datagram gets an ANNOUNCE naming the module and its control port. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DiscoveryEndToEndTest {

    @Test
    void givenAnAdoptedModuleWhenDiscoverIsSentThenItAnnouncesItsIdAndControlPort() throws Exception {
        try (Rig rig = Rig.adopted()) {
            byte[] announce = discover(rig.module, 0x12345678);

            assertThat(Discovery.checkAnnounce(announce, 0, announce.length)).as("a well-formed ANNOUNCE").isZero();
            assertThat(Discovery.requestId(announce, 0)).isEqualTo(0x12345678);
            assertThat(Discovery.controlPort(announce, 0)).isEqualTo(Protocol.CONTROL_TCP_PORT);
            assertThat(Discovery.isAdopted(announce, 0)).isTrue();
            try (ControlClient client = rig.connect()) {
                client.awaitHello(Poll.DEFAULT);
                assertThat(Arrays.copyOfRange(announce, Discovery.MODULE_ID, Discovery.MODULE_ID + 12))
                        .as("the module id HELLO gives").containsExactly(client.moduleId());
                assertThat(Discovery.firmwareVersion(announce, 0)).isEqualTo(client.firmwareVersion());
            }
        }
    }

    @Test
    void givenAnUnadoptedModuleWhenAServerAdoptsItThenItAnnouncesItselfAdopted() throws Exception {
        DeviceC.assumeBoardRunnable();
        try (SimulatedModule module = new SimulatedModule(1, -1).start()) {
            assertThat(Discovery.isAdopted(discover(module, 1), 0)).isFalse();

            try (ControlClient client = ControlClient.connect(module::controlPort)) {
                client.adopt(Rig.SECRET);
            }

            assertThat(Discovery.isAdopted(discover(module, 2), 0)).isTrue();
            try (ControlClient client = ControlClient.connect(module::controlPort)) {
                client.authenticate(Rig.SECRET);
            }
        }
    }

    private static byte[] discover(SimulatedModule module, int requestId) throws Exception {
        byte[] request = new byte[Discovery.DISCOVER_LENGTH];
        Discovery.writeDiscover(request, 0, requestId);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5_000);
            socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(),
                    module.discoveryPort()));
            byte[] buffer = new byte[256];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            socket.receive(answer);
            return Arrays.copyOf(buffer, answer.getLength());
        }
    }
}
