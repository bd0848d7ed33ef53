package org.skvmoip.sim.scenario;

import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.probe.AllocationScenario;
import org.skvmoip.sim.w5500.HostNetwork;

/**
 * What the firmware allocates to start: its objects and every buffer it will ever use
 * (construction, chip reset and configuration). The simulated board exists before; it is
 * hardware, not firmware RAM.
 */
public final class FirmwareStartUpScenario implements AllocationScenario {

    private SimBoard board;
    private NetworkConfig config;
    private Firmware firmware;

    @Override
    public void setUp() {
        board = new SimBoard(HostNetwork.loopback(-1));
        config = SimulatedModule.defaultConfig(0);
    }

    @Override
    public void runOnce() {
        firmware = new Firmware(board, config);
        if (!firmware.start()) {
            throw new IllegalStateException("the simulated W5500 did not answer");
        }
    }

    @Override
    public void tearDown() {
        board.close();
    }
}
