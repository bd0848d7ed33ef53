package org.skvmoip.sim.stm32;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** What building the device's C for the host needs: gcc and the mbedTLS sources of the crypto binding (CI has both). */
public final class DeviceC {

    private DeviceC() {
    }

    /** On the stm32 board (system property skvm.board, as the second test pass sets it): {@link #assumeBuildable()}. */
    public static void assumeBoardRunnable() {
        if ("stm32".equals(System.getProperty("skvm.board"))) {
            assumeBuildable();
        }
    }

    public static void assumeBuildable() {
        String mbedtls = System.getenv("SKVM_MBEDTLS_SRC");
        boolean present = mbedtls != null && Files.isRegularFile(Path.of(mbedtls, "library", "ctr_drbg.c"));
        assumeTrue(present || System.getenv("CI") != null,
                "the stm32 board builds the device's crypto with mbedTLS 2.28 sources: set SKVM_MBEDTLS_SRC "
                        + "(apt-get source mbedtls); CI sets it");
    }
}
