package org.skvmoip.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skvmoip.firmware.config.ConfigStorage;
import org.skvmoip.firmware.config.ModuleSettings;
import org.skvmoip.hal.Crypto;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.stm32.DeviceC;
import org.skvmoip.sim.control.ControlClient;

/** The server's seed material reaches the module's flash through a real adoption (docs/protocol.md §8). */
class AdoptionSeedEndToEndTest {

    @Test
    void givenAFreshModuleWhenAServerAdoptsItThenTheStoredSeedChangesWithTheSettings() throws Exception {
        DeviceC.assumeBoardRunnable();
        try (SimulatedModule module = new SimulatedModule(3, -1).start()) {
            byte[] atBoot = storedSeed(module);

            try (ControlClient client = ControlClient.connect(module::controlPort)) {
                client.adopt(Rig.SECRET);
            }

            ModuleSettings settings = new ModuleSettings();
            ConfigStorage storage = new ConfigStorage(module.configStore());
            storage.load(settings);
            byte[] afterAdoption = new byte[Crypto.SEED_LENGTH];
            assertThat(storage.seed(afterAdoption, 0)).isTrue();
            assertThat(settings.adopted).isTrue();
            assertThat(afterAdoption).as("mixed with the server's material and saved with the secret")
                    .isNotEqualTo(atBoot);
        }
    }

    private static byte[] storedSeed(SimulatedModule module) {
        ConfigStorage storage = new ConfigStorage(module.configStore());
        storage.load(new ModuleSettings());
        byte[] seed = new byte[Crypto.SEED_LENGTH];
        assertThat(storage.seed(seed, 0)).as("the boot stored its next seed").isTrue();
        return seed;
    }
}
