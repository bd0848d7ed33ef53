package org.skvmoip.server.api.endpoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.skvmoip.protocol.Status;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ViewerId;
import org.skvmoip.server.auth.Rights;
import org.skvmoip.server.config.Inventory;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.input.ControlSeats;
import org.skvmoip.server.module.MachineControl;
import org.skvmoip.server.module.ModuleService;
import org.skvmoip.server.module.ModuleStatus;
import org.skvmoip.server.stream.StreamStats;
import org.skvmoip.server.stream.VideoService;

/** Puts together what the inventory, the module link, the video pipeline and the seats know of a machine. */
public final class MachineViews {

    private final Inventory inventory;
    private final ModuleService modules;
    private final VideoService video;
    private final ControlSeats seats;

    public MachineViews(Inventory inventory, ModuleService modules, VideoService video, ControlSeats seats) {
        this.inventory = inventory;
        this.modules = modules;
        this.video = video;
        this.seats = seats;
    }

    /** The machines the caller is granted, in inventory order; the others are left out, not marked. */
    public List<MachineView> all(Rights rights) {
        Map<String, StreamStats> streams = streams();
        return inventory.machines().stream().filter(m -> rights.sees(m.name()))
                .map(m -> view(m, streams.get(m.name())).withAccess(rights.access(m.name()).orElseThrow())).toList();
    }

    /** The machine as the caller sees it; 404 also for one not granted, in the words of an unknown one. */
    public MachineView one(String name, Rights rights) throws ApiException {
        if (!rights.sees(name)) {
            throw MachineLookup.unknown(name);
        }
        return one(name).withAccess(rights.access(name).orElseThrow());
    }

    /** The machine whoever asks; its access is null (the events socket adds each watcher's). */
    public MachineView one(String name) throws ApiException {
        MachineConfig machine = new MachineLookup(inventory, modules).known(name);
        return view(machine, streams().get(name));
    }

    private Map<String, StreamStats> streams() {
        return video.stats().stream().collect(Collectors.toMap(StreamStats::machine, Function.identity(), (a, b) -> a));
    }

    private MachineView view(MachineConfig machine, StreamStats stream) {
        Optional<MachineControl> control = modules.machine(machine.name());
        ModuleStatus status = control.map(MachineControl::status)
                .orElse(ModuleStatus.offline("no module configured"));
        int leds = status.keyboardLeds();
        boolean streaming = stream != null && stream.running();
        return new MachineView(machine.name(), control.isPresent(), status.online(),
                status.online() ? (status.powerLed() ? "on" : "off") : "unknown",
                status.hddLed(), status.hddActivity(),
                new MachineView.KeyboardLeds((leds & Status.LED_NUM_LOCK) != 0, (leds & Status.LED_CAPS_LOCK) != 0,
                        (leds & Status.LED_SCROLL_LOCK) != 0),
                new MachineView.Usb(status.usbConfigured(), status.usbSuspended()),
                streaming, stream == null ? 0 : stream.viewers(),
                seats.controller(machine.name()).map(ViewerId::user).orElse(null),
                streaming ? stream.signal() : null,
                streaming && !stream.encoder().isEmpty() ? stream.encoder() : null,
                status.online() ? null : status.problem(), null);
    }
}
