package org.skvmoip.server.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.encode.EncoderProbe;

/**
 * The server's video: for each machine of the inventory one capture and, per {@link StreamMode},
 * one encoder, each running only while someone watches (or a snapshot is being taken).
 *
 * <p>Full streams use the machine's configured encoder ("auto": a hardware encoder when one
 * opens). Thumbnails always use a software encoder: they are tiny, and hardware encoders often
 * allow only a few sessions, which full streams need more.
 */
public final class VideoPipelines implements VideoService {

    private final Map<String, MachineVideo> machines = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException two machines share a name, or a machine names an encoder
     *                                  this FFmpeg does not have (the message lists those it has)
     */
    public VideoPipelines(List<MachineConfig> inventory) {
        this(inventory, new EncoderProbe());
    }

    /** As {@link #VideoPipelines(List)}, with full streams' "auto" encoders chosen by {@code fullProbe}. */
    public VideoPipelines(List<MachineConfig> inventory, EncoderProbe fullProbe) {
        Map<StreamMode, EncoderProbe> probes = new EnumMap<>(StreamMode.class);
        probes.put(StreamMode.FULL, fullProbe);
        probes.put(StreamMode.THUMBNAIL, new EncoderProbe(EncoderProbe.SOFTWARE_ORDER));
        for (MachineConfig machine : inventory) {
            try {
                EncoderProbe.checkName(machine.encoder().encoder());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("machine " + machine.name() + ": " + e.getMessage(), e);
            }
            if (machines.putIfAbsent(machine.name(), new MachineVideo(machine, probes)) != null) {
                throw new IllegalArgumentException("two machines are named '" + machine.name() + "'");
            }
        }
    }

    @Override
    public ViewerQueue subscribe(String machine, StreamMode mode) {
        return subscribe(new ViewerQueue(machine, mode));
    }

    /** Adds a viewer with a queue of the caller's bounds (see {@link #subscribe(String, StreamMode)}). */
    public ViewerQueue subscribe(ViewerQueue viewer) {
        machine(viewer.machine()).subscribe(viewer);
        return viewer;
    }

    @Override
    public void unsubscribe(ViewerQueue viewer) {
        MachineVideo video = machines.get(viewer.machine());
        if (video != null) {
            video.unsubscribe(viewer);
        }
    }

    @Override
    public byte[] snapshot(String machine, ImageFormat format, Duration timeout) throws IOException, InterruptedException {
        return machine(machine).snapshot(format, timeout);
    }

    @Override
    public List<StreamStats> stats() {
        List<StreamStats> all = new ArrayList<>(machines.size());
        for (MachineVideo video : machines.values()) {
            all.add(video.stats());
        }
        return all;
    }

    /** One machine's stream in one mode. */
    public StreamStats stats(String machine, StreamMode mode) {
        return machine(machine).stats(mode);
    }

    private MachineVideo machine(String name) {
        MachineVideo video = machines.get(name);
        if (video == null) {
            throw new UnknownMachineException(name);
        }
        return video;
    }

    @Override
    public void close() {
        for (MachineVideo video : machines.values()) {
            video.close();
        }
    }
}
