package org.skvmoip.sim.scenario;

import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.ModuleMain;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.probe.AllocationScenario;
import org.skvmoip.sim.w5500.HostNetwork;

/**
 * What the firmware allocates to start: its objects and every buffer it will ever use
 * (construction - settings, DHCP, USB HID, front panel, protocol session, services - chip reset
 * and configuration). The simulated board exists before; it is
 * hardware, not firmware RAM.
 */
public final class FirmwareStartUpScenario implements AllocationScenario {

    private SimBoard board;
    private Firmware firmware;

    @Override
    public void setUp() {
        board = new SimBoard(HostNetwork.loopback(-1));
    }

    @Override
    public void runOnce() {
        firmware = ModuleMain.powerUp(board);
        if (!firmware.start()) {
            throw new IllegalStateException("the simulated W5500 did not answer");
        }
    }

    @Override
    public void tearDown() {
        board.close();
    }
}
