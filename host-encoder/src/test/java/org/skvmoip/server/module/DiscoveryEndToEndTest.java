package org.skvmoip.server.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.protocol.Protocol;
import org.skvmoip.sim.SimulatedModule;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

/** docs/protocol.md §8: discovery finds every simulated module with its id and adoption state. Slots 7, 8. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscoveryEndToEndTest {

    /** Loopback answers within milliseconds; the wait only bounds a loaded machine. */
    private static final Duration WAIT = Duration.ofSeconds(1);

    @Test
    void givenAnAdoptedAndAnUnadoptedModuleWhenDiscoveringThenBothAnswerWithTheirIdsAndAdoptionState()
            throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(1);
        try (SimulatedModule adopted = LinkedMachine.simulatedModule(7, Optional.of(LinkedMachine.SECRET));
                SimulatedModule fresh = LinkedMachine.simulatedModule(8, Optional.empty());
                ModuleLinks links = new ModuleLinks(List.of(AdoptionEndToEndTest.machine("pc7",
                        Optional.of(LinkedMachine.address(7)))), new MemorySecretStore(), List.of(
                                "127.0.0.1:" + adopted.discoveryPort(), "127.0.0.1:" + fresh.discoveryPort()), group)) {

            List<DiscoveredModule> found = links.discover(WAIT);

            assertThat(found).hasSize(2);
            assertThat(found).allSatisfy(m -> {
                assertThat(m.address()).isEqualTo("127.0.0.1");
                assertThat(m.controlPort()).as("the chip's port, as the module states it").isEqualTo(
                        Protocol.CONTROL_TCP_PORT);
                assertThat(m.moduleId()).matches("[0-9A-F]{24}");
            });
            assertThat(found).extracting(DiscoveredModule::adopted).containsExactlyInAnyOrder(true, false);
            assertThat(found).extracting(DiscoveredModule::moduleId).doesNotHaveDuplicates();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }
}
