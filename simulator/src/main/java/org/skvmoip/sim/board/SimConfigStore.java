package org.skvmoip.sim.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.skvmoip.hal.ConfigStore;

/**
 * The module's config flash in memory, optionally mirrored to a file so that a simulated rack
 * keeps its modules' adopted secrets across restarts. Behaves like flash where it matters to
 * the firmware: a write erases the whole slot to 0xFF first, and a power cut can stop it part
 * way ({@link #cutPowerDuringNextWrite}).
 */
public final class SimConfigStore implements ConfigStore {

    public static final int DEFAULT_SLOTS = 2;
    /** The device's slot is a 16 KB sector; the firmware uses the first bytes, so less will do. */
    public static final int DEFAULT_SLOT_SIZE = 1024;

    private final byte[][] slots;
    private final Path file;
    private int powerCutAfterBytes = -1;
    private int writes;
    private int programs;
    private boolean failing;
    private int programCutAfterBytes = -1;

    /** Blank (erased) slots in memory only. */
    public SimConfigStore() {
        this(DEFAULT_SLOTS, DEFAULT_SLOT_SIZE, null);
    }

    /**
     * @param file where the slots persist (read if it exists, rewritten after every write), or
     *             null for memory only
     */
    public SimConfigStore(int slotCount, int slotSize, Path file) {
        this.slots = new byte[slotCount][slotSize];
        this.file = file;
        for (byte[] slot : slots) {
            Arrays.fill(slot, (byte) 0xFF);
        }
        if (file != null && Files.exists(file)) {
            load(file);
        }
    }

    /** A store persisted in {@code file}, with the default geometry. */
    public static SimConfigStore backedBy(Path file) {
        return new SimConfigStore(DEFAULT_SLOTS, DEFAULT_SLOT_SIZE, file);
    }

    @Override
    public int slotCount() {
        return slots.length;
    }

    @Override
    public int slotSize() {
        return slots[0].length;
    }

    @Override
    public synchronized void read(int slot, int offset, byte[] dst, int off, int len) {
        System.arraycopy(slots[slot], offset, dst, off, len);
    }

    @Override
    public synchronized boolean write(int slot, byte[] src, int off, int len) {
        if (len > slotSize()) {
            throw new IndexOutOfBoundsException("write of " + len + " bytes into a slot of " + slotSize());
        }
        writes++;
        if (failing) {
            return false;
        }
        byte[] target = slots[slot];
        Arrays.fill(target, (byte) 0xFF);
        int programmed = len;
        if (powerCutAfterBytes >= 0) {
            programmed = Math.min(len, powerCutAfterBytes);
            powerCutAfterBytes = -1;
        }
        System.arraycopy(src, off, target, 0, programmed);
        persist();
        return programmed == len;
    }

    /** Flash programming clears bits only: what is stored is the AND of old and new bytes. */
    @Override
    public synchronized boolean program(int slot, int offset, byte[] src, int off, int len) {
        if (offset < 0 || len < 0 || offset + len > slotSize()) {
            throw new IndexOutOfBoundsException("program of " + len + " bytes at " + offset + " in a slot of "
                    + slotSize());
        }
        programs++;
        if (failing) {
            return false;
        }
        int programmed = len;
        if (powerCutAfterBytes >= 0) {
            programmed = Math.min(len, powerCutAfterBytes);
            powerCutAfterBytes = -1;
        } else if (programCutAfterBytes >= 0) {
            programmed = Math.min(len, programCutAfterBytes);
            programCutAfterBytes = -1;
            failing = true;
        }
        byte[] target = slots[slot];
        for (int i = 0; i < programmed; i++) {
            target[offset + i] &= src[off + i];
        }
        persist();
        return programmed == len;
    }

    /**
     * Makes the next {@link #program} stop after {@code bytes} bytes as a power cut would, and
     * every write and program after it fail, as they would never happen, until {@link #powerUp}.
     */
    public synchronized void cutPowerDuringNextProgram(int bytes) {
        programCutAfterBytes = bytes;
    }

    /** The power is back after {@link #cutPowerDuringNextProgram}: writes reach the flash again. */
    public synchronized void powerUp() {
        failing = false;
    }

    /** From now on every {@link #write} and {@link #program} fails and changes nothing, as a locked sector would. */
    public synchronized void failWrites(boolean fail) {
        failing = fail;
    }

    /** Programs (appends without erase) attempted since construction. */
    public synchronized int programs() {
        return programs;
    }

    /**
     * Makes the next {@link #write} stop after erasing the slot and programming {@code bytes}
     * bytes, or the next {@link #program} after {@code bytes} bytes, as a power cut would; it
     * returns false (on the device nothing would return at all).
     */
    public synchronized void cutPowerDuringNextWrite(int bytes) {
        powerCutAfterBytes = bytes;
    }

    /** Flips bits of one stored byte (XOR with {@code mask}), as a worn or disturbed cell might. */
    public synchronized void corrupt(int slot, int offset, int mask) {
        slots[slot][offset] ^= (byte) mask;
        persist();
    }

    /** Overwrites stored bytes directly, bypassing erase (for building odd pages in tests). */
    public synchronized void poke(int slot, int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, slots[slot], offset, bytes.length);
        persist();
    }

    /** Erases a slot to 0xFF. */
    public synchronized void erase(int slot) {
        Arrays.fill(slots[slot], (byte) 0xFF);
        persist();
    }

    public synchronized byte[] snapshot(int slot) {
        return slots[slot].clone();
    }

    /** Writes attempted since construction. */
    public synchronized int writes() {
        return writes;
    }

    private void load(Path from) {
        try {
            byte[] all = Files.readAllBytes(from);
            int size = slotSize();
            for (int s = 0; s < slots.length && (s + 1) * size <= all.length; s++) {
                System.arraycopy(all, s * size, slots[s], 0, size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated config flash " + from, e);
        }
    }

    /** Written to a temporary file and moved into place, so the host's own crash cannot tear it. */
    private void persist() {
        if (file == null) {
            return;
        }
        byte[] all = new byte[slots.length * slotSize()];
        for (int s = 0; s < slots.length; s++) {
            System.arraycopy(slots[s], 0, all, s * slotSize(), slotSize());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.write(temporary, all);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulated config flash " + file, e);
        }
    }
}
