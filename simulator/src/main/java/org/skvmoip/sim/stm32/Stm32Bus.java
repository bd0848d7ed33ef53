package org.skvmoip.sim.stm32;

import java.util.ArrayList;
import java.util.List;

/**
 * The bus matrix of one board: decodes a 32-bit address into the block that answers it (RM0368
 * §2.3, table 1) and asks the block's clock gate first (RCC, RM0368 §6.3): a block whose clock is
 * off, or whose clock was enabled by the write just before without a read of RCC between
 * (ES0182 §2.1), does not see the access. Those lost accesses are the C's mistakes; they are kept
 * (see {@link #lostAccesses()}) because the part itself says nothing. An address no block serves
 * is a {@link BusFault}. Called only with the CPU held.
 */
public final class Stm32Bus {

    /** Whether a block's clock runs (see {@link Rcc#gate}). */
    public interface ClockGate {
        /** Null when the access gets through, else why it is lost. */
        String blocked();
    }

    private static final ClockGate ALWAYS = () -> null;
    private static final int MAX_LOST_KEPT = 64;

    private final List<Region> regions = new ArrayList<>();
    private final List<String> lost = new ArrayList<>();
    private Region last;

    private record Region(String name, int base, int size, Peripheral block, ClockGate gate) {
        boolean contains(int address) {
            return Integer.compareUnsigned(address - base, size) < 0;
        }
    }

    /** Maps {@code block} at [base, base + size), always clocked (memories, the core's own registers). */
    public Stm32Bus map(String name, int base, int size, Peripheral block) {
        return map(name, base, size, block, ALWAYS);
    }

    public Stm32Bus map(String name, int base, int size, Peripheral block, ClockGate gate) {
        for (Region region : regions) {
            if (region.contains(base) || region.contains(base + size - 1)) {
                throw new IllegalArgumentException(name + " overlaps " + region.name());
            }
        }
        regions.add(new Region(name, base, size, block, gate));
        return this;
    }

    public int read(int address) {
        Region region = decode(address, false);
        String blocked = region.gate().blocked();
        if (blocked != null) {
            lose(address, false, region, blocked);
            return 0;
        }
        return region.block().read(address - region.base());
    }

    public void write(int address, int value) {
        Region region = decode(address, true);
        String blocked = region.gate().blocked();
        if (blocked != null) {
            lose(address, true, region, blocked);
            return;
        }
        region.block().write(address - region.base(), value);
    }

    private Region decode(int address, boolean write) {
        if ((address & 3) != 0) {
            throw new BusFault(String.format("%s of 0x%08X: reg.h accesses 32-bit words, the address must be "
                    + "word-aligned", write ? "write" : "read", address));
        }
        Region hit = last;
        if (hit != null && hit.contains(address)) {
            return hit;
        }
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).contains(address)) {
                last = regions.get(i);
                return last;
            }
        }
        throw BusFault.unmapped(address, write);
    }

    private void lose(int address, boolean write, Region region, String why) {
        if (lost.size() < MAX_LOST_KEPT) {
            lost.add(String.format("%s of %s at 0x%08X lost: %s", write ? "write" : "read", region.name(), address, why));
        }
    }

    /** The accesses that went nowhere because of the clocks, first ones first (at most 64 kept). */
    public List<String> lostAccesses() {
        return List.copyOf(lost);
    }
}
