package org.skvmoip.sim.scenario;

import org.skvmoip.firmware.atx.FrontPanel;
import org.skvmoip.sim.board.ManualClock;
import org.skvmoip.sim.gpio.SimPin;
import org.skvmoip.sim.probe.AllocationScenario;
import org.skvmoip.sim.machine.VirtualTarget;

/**
 * The firmware's FrontPanel driving a virtual target through simulated GPIO, one 10 ms main-loop
 * step per {@link #runOnce()}: presses start and end, the power LED goes on and off, the HDD LED
 * blinks, so poll() runs through its debounce, blink and window paths.
 */
public final class FrontPanelScenario implements AllocationScenario {

    /** Every 3 s of simulated time the next press of the cycle starts. */
    private static final int STEPS_PER_ACTION = 300;

    private ManualClock clock;
    private VirtualTarget target;
    private FrontPanel panel;
    private int step;
    private int action;
    private long pressesStarted;

    @Override
    public void setUp() {
        clock = new ManualClock();
        target = new VirtualTarget(clock);
        panel = new FrontPanel(new SimPin(target.powerButtonLine()), new SimPin(target.resetButtonLine()),
                new SimPin(target.powerLedLine()), new SimPin(target.hddLedLine()));
    }

    @Override
    public void runOnce() {
        clock.advance(FrontPanel.SAMPLE_PERIOD_MILLIS);
        long now = clock.millis();
        if (++step % STEPS_PER_ACTION == 0) {
            // on, reset, off (long), on, off (short): every press kind, both LED directions.
            int result;
            switch (action++ % 5) {
                case 0:
                case 3:
                    result = panel.press(FrontPanel.PRESS_SHORT, now);
                    break;
                case 1:
                    result = panel.press(FrontPanel.PRESS_RESET, now);
                    break;
                case 2:
                    result = panel.press(FrontPanel.PRESS_LONG, now);
                    break;
                default:
                    result = panel.powerOff(now);
                    break;
            }
            if (result == FrontPanel.OK) {
                pressesStarted++;
            }
        }
        panel.poll(now);
    }

    @Override
    public void tearDown() {
        if (pressesStarted == 0) {
            throw new IllegalStateException("no press started while measuring; poll's press path went unmeasured");
        }
    }
}
