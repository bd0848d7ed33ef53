package org.skvmoip.firmware.config;

import org.skvmoip.hal.Crypto;

/**
 * The random generator's seed across boots, for a part without a hardware RNG
 * (docs/security.md, "Randomness"). At boot the generator starts from the seed the last boot
 * stored and the board's noise; the seed it derives for the next boot goes into flash before
 * the generator may serve anything, so two boots never hand out random bytes from the same
 * starting point, whichever instant the power is cut. At adoption the server's seed material is
 * mixed in and its result stored with the settings.
 */
public final class RandomSeed {

    private final Crypto crypto;
    private final ConfigStorage storage;
    private final ModuleSettings settings;
    private final byte[] next = new byte[Crypto.SEED_LENGTH];
    private boolean stored;
    private int storeFailures;

    /** At start-up, after {@link ConfigStorage#load}: starts the generator and stores its next seed. */
    public RandomSeed(Crypto crypto, ConfigStorage storage, ModuleSettings settings) {
        this.crypto = crypto;
        this.storage = storage;
        this.settings = settings;
        storage.seed(next, 0);
        crypto.startRandom(next, 0, next, 0);
        tryStore();
    }

    /**
     * Whether random bytes may be drawn: this boot's next seed is in flash. When the last try to
     * store it failed, tries again (an erase: call it when a session is about to start, not per
     * pass).
     */
    public boolean ready() {
        if (!stored) {
            tryStore();
        }
        return stored;
    }

    /**
     * Mixes {@code material} (from the server, at adoption) into the generator; its new next seed
     * is kept for the settings save that follows at once ({@link ConfigStorage#save}).
     */
    public void mix(byte[] material, int off, int len) {
        crypto.mixSeed(material, off, len, next, 0);
        storage.rememberSeed(next, 0);
    }

    /** How many tries to store the next seed failed, for diagnostics. */
    public int storeFailures() {
        return storeFailures;
    }

    private void tryStore() {
        stored = storage.storeSeed(next, 0, settings);
        if (stored) {
            crypto.nextSeedStored();
        } else {
            storeFailures++;
        }
    }
}
