package org.skvmoip.firmware.config;

import org.skvmoip.hal.Clock;
import org.skvmoip.hal.ConfigStore;
import org.skvmoip.hal.DigitalInput;

/**
 * The settings in two flash slots, A and B, written alternately. Each write goes to the slot
 * that does not hold the current settings and carries the next sequence number, so a power
 * cut in the middle of a write (erase done, page half programmed) leaves the other slot, and
 * with it the previous settings, intact: at the next start its CRC still matches and the torn
 * slot's does not.
 *
 * <p>Slots past the first two of the {@link ConfigStore} are not used.
 */
public final class ConfigStorage {

    /** Slots in the A/B scheme. */
    static final int SLOTS = 2;
    /** The factory-reset button must read pressed this long at start-up: a glitch is not a press. */
    public static final int FACTORY_RESET_HOLD_MILLIS = 100;
    private static final int FACTORY_RESET_SAMPLE_MILLIS = 10;

    private final ConfigStore store;
    private final byte[] page = new byte[ConfigPage.PAGE_BYTES];
    private final byte[] readBack = new byte[ConfigPage.PAGE_BYTES];
    private final int[] slotStatus = new int[SLOTS];

    private int currentSlot = -1;
    private int sequence;
    private int loadStatus = ConfigPage.BLANK;

    public ConfigStorage(ConfigStore store) {
        if (store.slotCount() < SLOTS || store.slotSize() < ConfigPage.PAGE_BYTES) {
            throw new IllegalArgumentException("config store needs 2 slots of at least 97 bytes");
        }
        this.store = store;
    }

    /**
     * Reads both slots and fills {@code settings} from the valid one with the newer sequence
     * number; with neither valid, {@code settings} gets the defaults.
     *
     * @return {@link ConfigPage#OK} when a slot was used, else why not: the reason of the slot
     *         that looks most like a failed write ({@link ConfigPage#BLANK} only when both are)
     */
    public int load(ModuleSettings settings) {
        currentSlot = -1;
        int worst = ConfigPage.BLANK;
        for (int slot = 0; slot < SLOTS; slot++) {
            store.read(slot, 0, page, 0, ConfigPage.PAGE_BYTES);
            int status = ConfigPage.decode(page, settings);
            slotStatus[slot] = status;
            if (status == ConfigPage.OK) {
                int seq = ConfigPage.sequence(page);
                if (currentSlot < 0 || seq - sequence > 0) {
                    currentSlot = slot;
                    sequence = seq;
                }
            } else if (status != ConfigPage.BLANK) {
                worst = status;
            }
        }
        if (currentSlot < 0) {
            sequence = 0;
            settings.setDefaults();
            loadStatus = worst;
        } else {
            // decode() filled settings from each valid slot in turn: read the newer one again.
            store.read(currentSlot, 0, page, 0, ConfigPage.PAGE_BYTES);
            ConfigPage.decode(page, settings);
            loadStatus = ConfigPage.OK;
        }
        return loadStatus;
    }

    /**
     * Writes {@code settings} into the slot not holding the current ones and reads it back.
     * Blocks for a flash sector erase (about 0.5 s on the device): call it on a user action,
     * never per event.
     *
     * @return whether the new page was written and read back intact; when not, the previous
     *         settings are still the current ones in flash
     */
    public boolean save(ModuleSettings settings) {
        int target = currentSlot < 0 ? 0 : 1 - currentSlot;
        int next = sequence + 1;
        ConfigPage.encode(settings, next, page);
        if (!store.write(target, page, 0, ConfigPage.PAGE_BYTES)) {
            slotStatus[target] = ConfigPage.BAD_CRC;
            return false;
        }
        store.read(target, 0, readBack, 0, ConfigPage.PAGE_BYTES);
        for (int i = 0; i < ConfigPage.PAGE_BYTES; i++) {
            if (readBack[i] != page[i]) {
                slotStatus[target] = ConfigPage.BAD_CRC;
                return false;
            }
        }
        slotStatus[target] = ConfigPage.OK;
        currentSlot = target;
        sequence = next;
        loadStatus = ConfigPage.OK;
        return true;
    }

    /**
     * Call once at start-up, after {@link #load}: when {@code button} (active low, pressed =
     * low) reads pressed for {@link #FACTORY_RESET_HOLD_MILLIS}, the module forgets its server
     * (secret zeroed, not adopted), switches the echo diagnostic off as shipped, and saves that;
     * addresses and name are kept, so the module comes back where it was on the network, ready
     * to be adopted again.
     *
     * @return whether the reset was applied
     */
    public boolean applyFactoryResetIfHeld(DigitalInput button, Clock clock, ModuleSettings settings) {
        for (int waited = 0; ; waited += FACTORY_RESET_SAMPLE_MILLIS) {
            if (button.isHigh()) {
                return false;
            }
            if (waited >= FACTORY_RESET_HOLD_MILLIS) {
                break;
            }
            clock.sleepMillis(FACTORY_RESET_SAMPLE_MILLIS);
        }
        settings.clearAdoption();
        settings.echoDiagnostic = false;
        save(settings);
        return true;
    }

    /** What the last {@link #load} (or a later successful save) found: see {@link ConfigPage#describe}. */
    public int loadStatus() {
        return loadStatus;
    }

    /** The status of one slot as last read or written. */
    public int slotStatus(int slot) {
        return slotStatus[slot];
    }

    /** The slot holding the current settings, or -1 when none does (defaults in use). */
    public int currentSlot() {
        return currentSlot;
    }

    public int sequence() {
        return sequence;
    }
}
