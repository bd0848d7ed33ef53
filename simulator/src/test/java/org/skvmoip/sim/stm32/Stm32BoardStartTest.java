package org.skvmoip.sim.stm32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.stm32.host.NativeBuild;
import org.skvmoip.sim.w5500.HostNetwork;

/** The stm32 board runs only C that goes through reg.h. */
class Stm32BoardStartTest {

    @Test
    void cThatReachesRegistersWithoutRegHIsRefusedByName() throws Exception {
        Path cRoot = Path.of("../mcu-hal/src/main/c");
        List<Path> direct = NativeBuild.directRegisterAccess(NativeBuild.deviceSources(cRoot));
        if (direct.isEmpty()) {
            return; // nothing left to refuse: the start-up tests cover the board
        }
        assertThatThrownBy(() -> new Stm32SimBoard(1, HostNetwork.loopback(-1), SimBoard.Wiring.unconnected()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(direct.get(0).getFileName().toString()).hasMessageContaining("reg.h");
    }
}
