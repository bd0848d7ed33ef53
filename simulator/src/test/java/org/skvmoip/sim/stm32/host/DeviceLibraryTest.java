package org.skvmoip.sim.stm32.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.stm32.DeviceC;
import org.skvmoip.sim.stm32.SpiLink;
import org.skvmoip.sim.stm32.Stm32Chip;

/** The device's own C, built for the host, binds every native the Java binding declares. */
class DeviceLibraryTest {

    @Test
    void everyNativeOfStm32NativesIsBound() throws Exception {
        DeviceC.assumeBuildable();
        Class<?> natives = Class.forName(NativeBuild.DEVICE_NATIVES);
        Stm32Chip chip = new Stm32Chip("device-natives", 1, Stm32Chip.erasedFlash(), new SpiLink() {
            @Override
            public void select(boolean selected) {
            }

            @Override
            public int exchange(int mosi) {
                return 0;
            }
        }, (reason, byWatchdog) -> { });
        try {
            CLibrary.Loaded loaded = CLibrary.device().load("device-natives", BoardClassLoader.DEVICE_BINDING,
                    List.of(natives, CBridge.class), chip.core());
            List<String> declared = NativeGlue.nativesOf(natives).stream().map(Method::getName).toList();

            assertThat(declared).contains("init", "spiTransfer", "eventAwait");
            assertThat(loaded.registered()).containsExactlyInAnyOrderElementsOf(declared);
        } finally {
            chip.core().stop();
        }
    }
}
