package org.skvmoip.sim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skvmoip.firmware.config.ConfigPage;
import org.skvmoip.firmware.config.ConfigStorage;
import org.skvmoip.firmware.config.ModuleSettings;
import org.skvmoip.firmware.config.RandomSeed;
import org.skvmoip.firmware.config.SeedRecord;
import org.skvmoip.hal.Crypto;
import org.skvmoip.sim.board.JdkCrypto;
import org.skvmoip.sim.board.SimConfigStore;

/**
 * The random generator's seed in the settings flash (docs/security.md, "Randomness"): every boot
 * leaves a new one before any random byte is drawn, power cuts never bring an old one back into
 * use, and the log wears a sector once per few hundred boots, not per boot.
 */
class RandomSeedTest {

    private final SimConfigStore flash = new SimConfigStore();
    private final SeedRuleCrypto crypto = new SeedRuleCrypto();

    /** Log capacity of the simulator's 1 KB slots; the device's 16 KB slots hold 451. */
    private static final int RECORDS_PER_SLOT =
            (SimConfigStore.DEFAULT_SLOT_SIZE - SeedRecord.LOG_OFFSET) / SeedRecord.BYTES;

    /** A power-up as the firmware does it: settings, then the generator. */
    private RandomSeed boot() {
        ModuleSettings settings = new ModuleSettings();
        ConfigStorage storage = new ConfigStorage(flash);
        storage.load(settings);
        return new RandomSeed(crypto, storage, settings);
    }

    private byte[] seedInFlash() {
        ConfigStorage storage = new ConfigStorage(flash);
        storage.load(new ModuleSettings());
        byte[] seed = new byte[Crypto.SEED_LENGTH];
        assertThat(storage.seed(seed, 0)).as("a seed is stored").isTrue();
        return seed;
    }

    @Test
    void everyBootLeavesANewSeedInFlashAndStartsFromTheOneBefore() {
        boot();
        byte[] first = seedInFlash();
        boot();
        byte[] second = seedInFlash();

        assertThat(second).isNotEqualTo(first);
        assertThat(crypto.startedFrom).hasSize(2);
        assertThat(crypto.startedFrom.get(0)).as("a new module: the erased state").containsOnly((byte) 0xFF);
        assertThat(crypto.startedFrom.get(1)).as("the second boot starts from what the first stored")
                .isEqualTo(first);
    }

    @Test
    void theGeneratorServesOnlyOnceTheNextSeedIsInFlash() {
        RandomSeed seed = boot();

        assertThat(seed.ready()).isTrue();
        assertThat(crypto.seedInFlashWhenUnlocked).containsExactly(true);
        crypto.randomBytes(new byte[16], 0, 16);
    }

    @Test
    void aBootWhoseSeedCannotBeStoredDrawsNoRandomBytesUntilItIs() {
        flash.failWrites(true);
        RandomSeed seed = boot();

        assertThat(seed.ready()).isFalse();
        assertThat(seed.storeFailures()).isEqualTo(2);
        assertThatThrownBy(() -> crypto.randomBytes(new byte[16], 0, 16)).isInstanceOf(IllegalStateException.class);

        flash.failWrites(false);
        assertThat(seed.ready()).as("tried again at the next session").isTrue();
        crypto.randomBytes(new byte[16], 0, 16);
        assertThat(crypto.seedInFlashWhenUnlocked).containsExactly(true);
    }

    @Test
    void aPowerCutWhileTheSeedIsProgrammedFallsBackToTheSeedThatWasNeverServedFrom() {
        boot();
        byte[] stored = seedInFlash();
        flash.cutPowerDuringNextProgram(SeedRecord.BYTES / 2);
        RandomSeed torn = boot();
        assertThat(torn.ready()).as("the power is gone").isFalse();
        assertThatThrownBy(() -> crypto.randomBytes(new byte[16], 0, 16)).isInstanceOf(IllegalStateException.class);

        flash.powerUp();
        boot();

        assertThat(crypto.startedFrom.get(2)).as("the torn record is skipped").isEqualTo(stored);
        assertThat(seedInFlash()).isNotEqualTo(stored);
    }

    @Test
    void theLogErasesASectorOncePerSlotOfBootsAndKeepsTheSettings() {
        ModuleSettings adopted = new ModuleSettings();
        adopted.setDefaults();
        adopted.adopted = true;
        Arrays.fill(adopted.secret, (byte) 0x42);
        ConfigStorage storage = new ConfigStorage(flash);
        storage.load(new ModuleSettings());
        assertThat(storage.save(adopted)).isTrue();
        int writesBefore = flash.writes();

        int boots = 4 * RECORDS_PER_SLOT + 3;
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < boots; i++) {
            assertThat(boot().ready()).isTrue();
            seeds.add(seedInFlash());
        }

        assertThat(flash.writes() - writesBefore).as("sector erases for " + boots + " boots").isEqualTo(4);
        assertThat(seeds.stream().map(Arrays::toString).distinct()).hasSize(boots);
        ModuleSettings loaded = new ModuleSettings();
        assertThat(new ConfigStorage(flash).load(loaded)).isEqualTo(ConfigPage.OK);
        assertThat(loaded).usingRecursiveComparison().isEqualTo(adopted);
    }

    @Test
    void serverMaterialGoesIntoTheGeneratorAndTheSavedSeed() {
        ModuleSettings settings = new ModuleSettings();
        ConfigStorage storage = new ConfigStorage(flash);
        storage.load(settings);
        RandomSeed seed = new RandomSeed(crypto, storage, settings);
        byte[] before = seedInFlash();
        byte[] material = new byte[32];
        Arrays.fill(material, (byte) 0x5A);

        seed.mix(material, 0, material.length);
        settings.adopted = true;
        assertThat(storage.save(settings)).isTrue();

        assertThat(crypto.mixed).containsExactly(material);
        assertThat(seedInFlash()).isNotEqualTo(before).isEqualTo(crypto.lastNext);
    }

    @Test
    void aFactoryResetKeepsTheSeed() {
        boot();
        byte[] stored = seedInFlash();
        ModuleSettings settings = new ModuleSettings();
        ConfigStorage storage = new ConfigStorage(flash);
        storage.load(settings);

        storage.applyFactoryResetIfHeld(() -> false, new ConfigStorageTest.FakeClock(), settings);

        assertThat(seedInFlash()).isEqualTo(stored);
    }

    /**
     * The device's rule around the JDK's generator (skvm_crypto.c refuses random bytes until the
     * next seed is stored), recording what the firmware hands it and whether the next seed was
     * in flash when the firmware unlocked it.
     */
    private final class SeedRuleCrypto implements Crypto {
        private final JdkCrypto jdk = new JdkCrypto();
        final List<byte[]> startedFrom = new ArrayList<>();
        final List<Boolean> seedInFlashWhenUnlocked = new ArrayList<>();
        final List<byte[]> mixed = new ArrayList<>();
        byte[] lastNext;
        private boolean unlocked;

        @Override
        public void startRandom(byte[] stored, int storedOff, byte[] next, int nextOff) {
            startedFrom.add(Arrays.copyOfRange(stored, storedOff, storedOff + SEED_LENGTH));
            unlocked = false;
            jdk.startRandom(stored, storedOff, next, nextOff);
            lastNext = Arrays.copyOfRange(next, nextOff, nextOff + SEED_LENGTH);
        }

        @Override
        public void nextSeedStored() {
            ConfigStorage reader = new ConfigStorage(flash);
            reader.load(new ModuleSettings());
            byte[] inFlash = new byte[SEED_LENGTH];
            seedInFlashWhenUnlocked.add(reader.seed(inFlash, 0) && Arrays.equals(inFlash, lastNext));
            unlocked = true;
        }

        @Override
        public void mixSeed(byte[] material, int off, int len, byte[] next, int nextOff) {
            mixed.add(Arrays.copyOfRange(material, off, off + len));
            jdk.mixSeed(material, off, len, next, nextOff);
            lastNext = Arrays.copyOfRange(next, nextOff, nextOff + SEED_LENGTH);
        }

        @Override
        public void randomBytes(byte[] out, int off, int len) {
            if (!unlocked) {
                throw new IllegalStateException("no random bytes before the next seed is stored");
            }
            jdk.randomBytes(out, off, len);
        }

        @Override
        public void hmacSha256(byte[] key, int keyOff, int keyLen, byte[] data, int dataOff, int dataLen,
                byte[] out, int outOff) {
            jdk.hmacSha256(key, keyOff, keyLen, data, dataOff, dataLen, out, outOff);
        }

        @Override
        public void hmacSha256Concat(byte[] key, int keyOff, int keyLen, byte[] a, int aOff, int aLen, byte[] b,
                int bOff, int bLen, byte[] out, int outOff) {
            jdk.hmacSha256Concat(key, keyOff, keyLen, a, aOff, aLen, b, bOff, bLen, out, outOff);
        }
    }
}
