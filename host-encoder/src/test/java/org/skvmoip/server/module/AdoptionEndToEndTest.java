package org.skvmoip.server.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.module.AdoptionException.Reason;
import org.skvmoip.sim.SimulatedModule;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

/**
 * docs/protocol.md §8 from the server's side: adopting an unadopted simulated module gives it a
 * new secret, stores it, and brings the machine's link online; a module adopted elsewhere is
 * refused with what to do. Slots 4..6 (see {@link LinkedMachine}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdoptionEndToEndTest {

    private static final Duration WAIT = Poll.DEFAULT;

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final MemorySecretStore secrets = new MemorySecretStore();
    private SimulatedModule module;
    private ModuleLinks links;

    @AfterEach
    void stop() throws Exception {
        if (links != null) {
            links.close();
        }
        if (module != null) {
            module.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void givenAnUnadoptedModuleWhenAdoptedThenTheSecretIsStoredAndTheLinkComesOnline() throws Exception {
        givenModule(4, Optional.empty());
        assertThat(links.machine("pc4").orElseThrow().status().problem()).contains("not adopted");

        String moduleId = links.adopt("pc4").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(moduleId).matches("[0-9A-F]{24}");
        assertThat(secrets.get("pc4")).hasValueSatisfying(s -> assertThat(s).hasSize(32));
        MachineControl control = links.machine("pc4").orElseThrow();
        Poll.until("pc4 online", () -> control.status().online(), control::status);
        assertThat(links.link("pc4").orElseThrow().moduleId()).isEqualTo(moduleId);

        assertThatThrownBy(() -> links.adopt("pc4").get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(AdoptionException.class)
                .hasMessageContaining("already adopted");
    }

    @Test
    void givenAnAdoptedModuleWhenTheServerRestartsThenTheStoredSecretBringsTheLinkOnline() throws Exception {
        givenModule(5, Optional.empty());
        links.adopt("pc5").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        links.close();

        links = new ModuleLinks(inventory(5), secrets, List.of(), group).start();

        MachineControl control = links.machine("pc5").orElseThrow();
        Poll.until("pc5 online with the stored secret", () -> control.status().online(), control::status);
    }

    @Test
    void givenAModuleAdoptedByAnotherServerWhenAdoptedThenItIsRefusedSayingToFactoryResetIt() throws Exception {
        givenModule(6, Optional.of(LinkedMachine.SECRET));

        assertThatThrownBy(() -> links.adopt("pc6").get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(AdoptionException.class)
                .hasMessageContaining("factory-reset")
                .satisfies(e -> assertThat(((AdoptionException) e).reason()).isEqualTo(Reason.ALREADY_ADOPTED));
        assertThat(secrets.get("pc6")).as("nothing stored").isEmpty();
    }

    @Test
    void givenAModuleThatTookTheSecretWhenTheStoreFailsThenAdoptionFailsSayingTheSecretWasNotSaved()
            throws Exception {
        givenModule(4, Optional.empty());
        secrets.failWrites();

        assertThatThrownBy(() -> links.adopt("pc4").get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(AdoptionException.class)
                .hasMessageContaining("could not store it").hasMessageContaining("read-only file system")
                .satisfies(e -> assertThat(((AdoptionException) e).reason()).isEqualTo(Reason.NOT_SAVED));
    }

    @Test
    void givenAMachineWithoutAModuleOrAnUnknownOneWhenAdoptedThenItFailsNamingTheProblem() {
        links = new ModuleLinks(List.of(machine("screen-only", Optional.empty())), secrets, List.of(), group);

        assertThatThrownBy(() -> links.adopt("screen-only").join()).cause()
                .hasMessageContaining("has no module address");
        assertThatThrownBy(() -> links.adopt("nowhere").join()).cause()
                .hasMessageContaining("no machine named nowhere");
        assertThat(links.machine("screen-only")).isEmpty();
    }

    @Test
    void givenAMalformedDiscoveryTargetThenTheLinksRefuseToStartNamingIt() {
        assertThatThrownBy(() -> new ModuleLinks(List.of(), secrets, List.of("10.0.0.255"), group))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'10.0.0.255' is not host:port");
    }

    private void givenModule(int slot, Optional<byte[]> adoptedWith) throws InterruptedException {
        module = LinkedMachine.simulatedModule(slot, adoptedWith);
        links = new ModuleLinks(inventory(slot), secrets, List.of(), group).start();
    }

    private static List<MachineConfig> inventory(int slot) {
        return List.of(machine("pc" + slot, Optional.of(LinkedMachine.address(slot))));
    }

    static MachineConfig machine(String name, Optional<org.skvmoip.server.config.ModuleAddress> module) {
        return new MachineConfig(name, "http://127.0.0.1:1/stream.mjpg", "mjpeg", 0, 0, 30, "", module,
                EncoderSettings.DEFAULTS);
    }
}
