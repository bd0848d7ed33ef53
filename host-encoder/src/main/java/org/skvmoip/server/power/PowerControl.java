package org.skvmoip.server.power;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.skvmoip.protocol.Power;
import org.skvmoip.server.module.MachineControl;
import org.skvmoip.server.module.ModuleStatus;
import org.skvmoip.server.power.PowerException.Reason;

/**
 * Carries out power operations on a machine, one at a time per machine ("another power operation
 * is running, try again when it ends" otherwise). Fails with a clear message when the module is
 * offline.
 *
 * <p>Intents look at the power LED first, so repeating "on" never turns a running machine off;
 * then they wait, on status events, for the LED to follow. Every operation also lasts until the
 * module has let go of the button: the module refuses a press while another runs.
 */
public final class PowerControl {

    /** How long the intents wait for the power LED to follow a press. */
    public record Waits(Duration on, Duration off, Duration forceOff) {

        /** On: boards light the LED within a second or two; off: an OS shutdown can take a while. */
        public static final Waits DEFAULTS = new Waits(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(15));
    }

    /**
     * How long the module holds each press (the firmware's FrontPanel: 200 ms short and reset,
     * 5 s long) plus a margin for the network.
     */
    static long pressMillis(int action) {
        return (action == Power.LONG_PRESS ? 5_000 : 200) + 100;
    }

    private final ScheduledExecutorService scheduler;
    private final Waits waits;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** @param scheduler times the waits and completes the outcomes (never a module link's event loop) */
    public PowerControl(ScheduledExecutorService scheduler) {
        this(scheduler, Waits.DEFAULTS);
    }

    public PowerControl(ScheduledExecutorService scheduler, Waits waits) {
        this.scheduler = scheduler;
        this.waits = waits;
    }

    public CompletableFuture<PowerOutcome> perform(MachineControl machine, PowerAction action) {
        String name = machine.machine();
        if (!running.add(name)) {
            return CompletableFuture.failedFuture(new PowerException(Reason.BUSY,
                    "another power operation is running on " + name + "; try again when it ends"));
        }
        CompletableFuture<PowerOutcome> outcome;
        try {
            outcome = start(machine, action);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        return outcome.whenComplete((o, e) -> running.remove(name));
    }

    private CompletableFuture<PowerOutcome> start(MachineControl machine, PowerAction action) {
        ModuleStatus status = machine.status();
        if (!status.online()) {
            return offline(machine);
        }
        boolean lit = status.powerLed();
        return switch (action) {
            case ON -> lit ? nothingToDo(action, true, "the machine is already on; nothing pressed")
                    : pressAndWait(machine, action, Power.SHORT_PRESS, true, waits.on(),
                            "pressed power; the machine is on",
                            "pressed power, but the power LED did not light within %s: check the machine's power "
                                    + "supply and the module's wiring to its power button and LED");
            case OFF -> !lit ? nothingToDo(action, false, "the machine is already off; nothing pressed")
                    : pressAndWait(machine, action, Power.SHORT_PRESS, false, waits.off(),
                            "pressed power; the OS shut down and the machine is off",
                            "pressed power, but the machine is still on after %s: the OS did not shut down (it may "
                                    + "be asking a logged-in user, or ignore the button); force-off cuts the power");
            case FORCE_OFF -> !lit ? nothingToDo(action, false, "the machine is already off; nothing pressed")
                    : pressAndWait(machine, action, Power.LONG_PRESS, false, waits.forceOff(),
                            "held power; the machine is off",
                            "held power, but the power LED is still lit after %s: check the module's wiring to the "
                                    + "power button");
            case RESET -> press(machine, action, Power.RESET, "pressed reset");
            case CLICK -> press(machine, action, Power.SHORT_PRESS, "pressed power briefly");
            case LONG_CLICK -> press(machine, action, Power.LONG_PRESS, "held power");
        };
    }

    private CompletableFuture<PowerOutcome> pressAndWait(MachineControl machine, PowerAction action, int press,
            boolean lit, Duration wait, String done, String notDone) {
        CompletableFuture<Boolean> led = LedWait.start(machine, lit, wait, scheduler);
        if (!machine.power(press)) {
            led.cancel(false);
            return offline(machine);
        }
        return led.thenCombineAsync(pressOver(press), (reached, v) -> new PowerOutcome(action, true,
                machine.status().powerLed(), reached ? done : String.format(notDone, describe(wait))), scheduler);
    }

    private CompletableFuture<PowerOutcome> press(MachineControl machine, PowerAction action, int press,
            String done) {
        if (!machine.power(press)) {
            return offline(machine);
        }
        return pressOver(press).thenApply(v -> new PowerOutcome(action, true, machine.status().powerLed(), done));
    }

    private CompletableFuture<Void> pressOver(int press) {
        CompletableFuture<Void> over = new CompletableFuture<>();
        scheduler.schedule(() -> over.complete(null), pressMillis(press), TimeUnit.MILLISECONDS);
        return over;
    }

    private static CompletableFuture<PowerOutcome> nothingToDo(PowerAction action, boolean lit, String message) {
        return CompletableFuture.completedFuture(new PowerOutcome(action, false, lit, message));
    }

    private static CompletableFuture<PowerOutcome> offline(MachineControl machine) {
        return CompletableFuture.failedFuture(new PowerException(Reason.OFFLINE, "the module of " + machine.machine()
                + " is offline (" + machine.status().problem() + "); nothing was pressed: power can be controlled "
                + "once its link is back"));
    }

    private static String describe(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }
}
