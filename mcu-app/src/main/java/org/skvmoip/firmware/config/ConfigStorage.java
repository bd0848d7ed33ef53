package org.skvmoip.firmware.config;

import org.skvmoip.hal.Clock;
import org.skvmoip.hal.ConfigStore;
import org.skvmoip.hal.Crypto;
import org.skvmoip.hal.DigitalInput;

/**
 * The settings in two flash slots, A and B, written alternately. Each write goes to the slot
 * that does not hold the current settings and carries the next sequence number, so a power
 * cut in the middle of a write (erase done, page half programmed) leaves the other slot, and
 * with it the previous settings, intact: at the next start its CRC still matches and the torn
 * slot's does not.
 *
 * <p>The slot holding the current page also holds the random generator's seed log behind it
 * ({@link SeedRecord}): each boot appends one record, programmed into erased flash without an
 * erase, and a save carries the newest seed into the new slot. So a sector is erased once per
 * settings save or once per (slot size - {@link SeedRecord#LOG_OFFSET}) / {@link SeedRecord#BYTES}
 * boots (451 with the device's 16 KB sectors), not at every boot: docs/security.md has the wear.
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
    /** What a save writes: the page, erased filler, the newest seed record. */
    private final byte[] image = new byte[SeedRecord.LOG_OFFSET + SeedRecord.BYTES];
    private final byte[] readBack = new byte[SeedRecord.LOG_OFFSET + SeedRecord.BYTES];
    private final byte[] record = new byte[SeedRecord.BYTES];
    private final byte[] seed = new byte[Crypto.SEED_LENGTH];
    private final int[] slotStatus = new int[SLOTS];

    private boolean hasSeed;
    /** Offset of the next erased record in the current slot's seed log; past the end when full. */
    private int seedLogEnd;

    private int currentSlot = -1;
    private int sequence;
    private int loadStatus = ConfigPage.BLANK;

    public ConfigStorage(ConfigStore store) {
        if (store.slotCount() < SLOTS || store.slotSize() < SeedRecord.LOG_OFFSET + SeedRecord.BYTES) {
            throw new IllegalArgumentException("config store needs 2 slots of at least "
                    + (SeedRecord.LOG_OFFSET + SeedRecord.BYTES) + " bytes (settings page and one seed record)");
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
        readSeedLog();
        return loadStatus;
    }

    /**
     * Copies the seed the last boot left (the newest whole record of the current slot's log)
     * into {@code dst}; without one (a new module, or flash from an older firmware) {@code dst}
     * gets the erased state, 0xFF bytes.
     *
     * @return whether a stored seed was found
     */
    public boolean seed(byte[] dst, int off) {
        if (hasSeed) {
            System.arraycopy(seed, 0, dst, off, Crypto.SEED_LENGTH);
        } else {
            for (int i = 0; i < Crypto.SEED_LENGTH; i++) {
                dst[off + i] = (byte) 0xFF;
            }
        }
        return hasSeed;
    }

    /**
     * Stores {@code src[off .. off + 32)} as the seed for the next boot: appended to the current
     * slot's log and read back; when the log is full, the slot cannot be programmed or no slot
     * holds settings yet, by a {@link #save} of {@code settings} (an erase), which carries it.
     * Blocks for that erase (about 0.5 s on the device) once per few hundred boots.
     *
     * @return whether the seed is in flash and reads back intact
     */
    public boolean storeSeed(byte[] src, int off, ModuleSettings settings) {
        rememberSeed(src, off);
        if (currentSlot >= 0 && seedLogEnd + SeedRecord.BYTES <= store.slotSize()) {
            SeedRecord.encode(seed, 0, record);
            int at = seedLogEnd;
            seedLogEnd += SeedRecord.BYTES; // not blank any more, whatever the outcome
            if (store.program(currentSlot, at, record, 0, SeedRecord.BYTES) && readsBack(currentSlot, at, record,
                    SeedRecord.BYTES)) {
                return true;
            }
        }
        return save(settings);
    }

    /** Keeps {@code src[off .. off + 32)} as the newest seed, for the next {@link #save} to carry. */
    public void rememberSeed(byte[] src, int off) {
        System.arraycopy(src, off, seed, 0, Crypto.SEED_LENGTH);
        hasSeed = true;
    }

    private void readSeedLog() {
        hasSeed = false;
        seedLogEnd = SeedRecord.LOG_OFFSET;
        if (currentSlot < 0) {
            return;
        }
        for (int at = SeedRecord.LOG_OFFSET; at + SeedRecord.BYTES <= store.slotSize(); at += SeedRecord.BYTES) {
            store.read(currentSlot, at, record, 0, SeedRecord.BYTES);
            if (SeedRecord.blank(record)) {
                return;
            }
            seedLogEnd = at + SeedRecord.BYTES;
            if (SeedRecord.valid(record)) {
                System.arraycopy(record, 0, seed, 0, Crypto.SEED_LENGTH);
                hasSeed = true;
            }
        }
    }

    /**
     * Writes {@code settings} into the slot not holding the current ones, with the newest seed
     * (see {@link #storeSeed}) as the first record of its seed log, and reads it back.
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
        System.arraycopy(page, 0, image, 0, ConfigPage.PAGE_BYTES);
        for (int i = ConfigPage.PAGE_BYTES; i < SeedRecord.LOG_OFFSET; i++) {
            image[i] = (byte) 0xFF;
        }
        int length = ConfigPage.PAGE_BYTES;
        if (hasSeed) {
            SeedRecord.encode(seed, 0, record);
            System.arraycopy(record, 0, image, SeedRecord.LOG_OFFSET, SeedRecord.BYTES);
            length = image.length;
        }
        if (!store.write(target, image, 0, length) || !readsBack(target, 0, image, length)) {
            slotStatus[target] = ConfigPage.BAD_CRC;
            return false;
        }
        slotStatus[target] = ConfigPage.OK;
        currentSlot = target;
        sequence = next;
        loadStatus = ConfigPage.OK;
        seedLogEnd = hasSeed ? SeedRecord.LOG_OFFSET + SeedRecord.BYTES : SeedRecord.LOG_OFFSET;
        return true;
    }

    private boolean readsBack(int slot, int offset, byte[] expected, int len) {
        store.read(slot, offset, readBack, 0, len);
        for (int i = 0; i < len; i++) {
            if (readBack[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Call once at start-up, after {@link #load}: when {@code button} (active low, pressed =
     * low) reads pressed for {@link #FACTORY_RESET_HOLD_MILLIS}, the module forgets its server
     * (secret zeroed, not adopted) and saves that; addresses and name are kept, so the module
     * comes back where it was on the network, ready to be adopted again.
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
