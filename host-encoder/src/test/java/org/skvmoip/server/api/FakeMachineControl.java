package org.skvmoip.server.api;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.skvmoip.server.module.MachineControl;
import org.skvmoip.server.module.ModuleStatus;

/** A machine's module link of our own interface for API tests: records what the API sent it. */
final class FakeMachineControl implements MachineControl {

    static final ModuleStatus ONLINE_OFF = new ModuleStatus(true, false, false, 0, 0, true, false, "");

    private final String machine;
    private final List<Consumer<ModuleStatus>> listeners = new CopyOnWriteArrayList<>();
    /** "keyboard 2 [4, 5]", "abs 1 100 200 0 0", "power 1", "release-all", in the order they arrived. */
    final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    private volatile ModuleStatus status = ONLINE_OFF;

    FakeMachineControl(String machine) {
        this.machine = machine;
    }

    void status(ModuleStatus next) {
        status = next;
        listeners.forEach(l -> l.accept(next));
    }

    @Override
    public String machine() {
        return machine;
    }

    @Override
    public ModuleStatus status() {
        return status;
    }

    @Override
    public AutoCloseable onStatus(Consumer<ModuleStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean keyboard(int modifiers, byte[] usages, int count) {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < count; i++) {
            keys.append(i == 0 ? "" : ", ").append(usages[i] & 0xFF);
        }
        return record("keyboard " + modifiers + " [" + keys + "]");
    }

    @Override
    public boolean mouseAbsolute(int buttons, int x, int y, int wheel, int hwheel) {
        return record("abs " + buttons + " " + x + " " + y + " " + wheel + " " + hwheel);
    }

    @Override
    public boolean mouseRelative(int buttons, int dx, int dy, int wheel, int hwheel) {
        return record("rel " + buttons + " " + dx + " " + dy + " " + wheel + " " + hwheel);
    }

    @Override
    public boolean power(int action) {
        return record("power " + action);
    }

    @Override
    public boolean releaseAll() {
        return record("release-all");
    }

    private boolean record(String what) {
        if (!status.online()) {
            return false;
        }
        sent.add(what);
        return true;
    }
}
