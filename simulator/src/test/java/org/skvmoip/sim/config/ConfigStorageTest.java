package org.skvmoip.sim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skvmoip.firmware.config.ConfigPage;
import org.skvmoip.firmware.config.ConfigStorage;
import org.skvmoip.firmware.config.ModuleSettings;
import org.skvmoip.hal.Clock;
import org.skvmoip.sim.board.SimConfigStore;

/** The firmware's settings in the simulated config flash: round trip, corruption, power cuts, factory reset. */
class ConfigStorageTest {

    private static final byte[] SECRET = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            SECRET[i] = (byte) (0xA0 + i);
        }
    }

    private final SimConfigStore flash = new SimConfigStore();

    private static ModuleSettings adopted() {
        ModuleSettings s = new ModuleSettings();
        s.setDefaults();
        s.ipMode = ModuleSettings.IP_MODE_STATIC;
        s.staticIp[0] = 10;
        s.staticIp[3] = 7;
        s.controlPort = 7070;
        s.adopted = true;
        System.arraycopy(SECRET, 0, s.secret, 0, 32);
        byte[] name = "rack1-slot7".getBytes(StandardCharsets.US_ASCII);
        assertThat(s.setName(name, 0, name.length)).isTrue();
        return s;
    }

    private ModuleSettings loadFresh(int expectedStatus) {
        ModuleSettings loaded = new ModuleSettings();
        ConfigStorage storage = new ConfigStorage(flash);
        assertThat(storage.load(loaded)).as(ConfigPage.describe(storage.loadStatus())).isEqualTo(expectedStatus);
        return loaded;
    }

    private static void assertSame(ModuleSettings actual, ModuleSettings expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    private static ModuleSettings defaults() {
        ModuleSettings d = new ModuleSettings();
        d.setDefaults();
        return d;
    }

    @Test
    void givenBlankFlash_whenLoaded_thenDefaultsAndTheReasonIsBlank() {
        ModuleSettings loaded = loadFresh(ConfigPage.BLANK);
        assertSame(loaded, defaults());
        assertThat(loaded.ipMode).isEqualTo(ModuleSettings.IP_MODE_DHCP);
        assertThat(loaded.adopted).isFalse();
    }

    @Test
    void givenSavedSettings_whenLoadedAfterARestart_thenEveryFieldComesBack() {
        ModuleSettings saved = adopted();
        ConfigStorage storage = new ConfigStorage(flash);
        storage.load(new ModuleSettings());
        assertThat(storage.save(saved)).isTrue();

        assertSame(loadFresh(ConfigPage.OK), saved);
    }

    @Test
    void savesAlternateBetweenTheTwoSlots_andTheNewerSequenceWins() {
        ConfigStorage storage = new ConfigStorage(flash);
        ModuleSettings s = adopted();
        storage.load(new ModuleSettings());
        storage.save(s);
        int first = storage.currentSlot();
        s.controlPort = 8080;
        storage.save(s);

        assertThat(storage.currentSlot()).isEqualTo(1 - first);
        assertThat(storage.sequence()).isEqualTo(2);
        assertThat(loadFresh(ConfigPage.OK).controlPort).isEqualTo(8080);
    }

    /** Each corruption of the only good page: defaults, and a status naming what was wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bad CRC (a bit flipped in the secret),   70, 0x01, " + ConfigPage.BAD_CRC,
        "bad CRC (a bit flipped in the CRC),      95, 0x80, " + ConfigPage.BAD_CRC,
        "bad magic,                                0, 0x20, " + ConfigPage.BAD_MAGIC,
        "unknown format version,                   5, 0x03, " + ConfigPage.UNSUPPORTED_VERSION,
        "wrong body length,                        7, 0x10, " + ConfigPage.BAD_LENGTH,
    })
    void givenACorruptPage_whenLoaded_thenDefaultsWithTheReason(String what, int offset, int mask, int status) {
        ConfigStorage storage = new ConfigStorage(flash);
        storage.load(new ModuleSettings());
        storage.save(adopted());
        flash.corrupt(storage.currentSlot(), offset, Integer.decode(String.valueOf(mask)));

        ConfigStorage restarted = new ConfigStorage(flash);
        ModuleSettings loaded = new ModuleSettings();
        assertThat(restarted.load(loaded)).as(what).isEqualTo(status);
        assertSame(loaded, defaults());
        assertThat(restarted.currentSlot()).isEqualTo(-1);
    }

    @Test
    void givenAPageWhoseCrcMatchesButWhoseFieldsCannotBe_whenLoaded_thenDefaults() {
        ModuleSettings s = adopted();
        s.ipMode = 9;
        byte[] page = new byte[ConfigPage.PAGE_BYTES];
        ConfigPage.encode(s, 1, page);
        flash.poke(0, 0, page);

        assertSame(loadFresh(ConfigPage.BAD_FIELD), defaults());
    }

    @Test
    void givenAPowerCutDuringAWrite_whenRestarted_thenThePreviousSettingsAreLoaded() {
        ConfigStorage storage = new ConfigStorage(flash);
        storage.load(new ModuleSettings());
        ModuleSettings before = adopted();
        storage.save(before);

        for (int cut : new int[] {0, 1, 12, 60, ConfigPage.PAGE_BYTES - 1}) {
            ModuleSettings after = adopted();
            after.controlPort = 9999;
            after.clearAdoption();
            flash.cutPowerDuringNextWrite(cut);
            assertThat(storage.save(after)).as("a write cut after %d bytes", cut).isFalse();

            ModuleSettings loaded = loadFresh(ConfigPage.OK);
            assertSame(loaded, before);
        }
    }

    @Test
    void givenTheButtonHeldAtPowerUp_whenFactoryResetIsChecked_thenOnlyTheSecretAndAdoptionAreCleared() {
        ConfigStorage storage = new ConfigStorage(flash);
        storage.load(new ModuleSettings());
        storage.save(adopted());
        ModuleSettings settings = new ModuleSettings();
        ConfigStorage atPowerUp = new ConfigStorage(flash);
        atPowerUp.load(settings);

        boolean reset = atPowerUp.applyFactoryResetIfHeld(() -> false, new FakeClock(), settings);

        assertThat(reset).isTrue();
        ModuleSettings expected = adopted();
        expected.clearAdoption();
        assertSame(settings, expected);
        assertThat(settings.secret).containsOnly(0);
        assertSame(loadFresh(ConfigPage.OK), expected);
    }

    @Test
    void givenTheButtonReleasedOrBouncing_whenFactoryResetIsChecked_thenNothingChanges() {
        ConfigStorage storage = new ConfigStorage(flash);
        ModuleSettings settings = new ModuleSettings();
        storage.load(settings);
        storage.save(adopted());
        settings.copyFrom(adopted());
        int writes = flash.writes();

        assertThat(storage.applyFactoryResetIfHeld(() -> true, new FakeClock(), settings)).isFalse();
        FakeClock clock = new FakeClock();
        assertThat(storage.applyFactoryResetIfHeld(() -> clock.now >= 50, clock, settings))
                .as("released before the hold time").isFalse();

        assertThat(settings.adopted).isTrue();
        assertThat(flash.writes()).isEqualTo(writes);
    }

    @Test
    void aFileBackedStoreKeepsAdoptionAcrossRackRestarts(@TempDir Path dir) {
        Path file = dir.resolve("module-0.flash");
        SimConfigStore first = SimConfigStore.backedBy(file);
        ConfigStorage storage = new ConfigStorage(first);
        storage.load(new ModuleSettings());
        storage.save(adopted());

        ModuleSettings loaded = new ModuleSettings();
        assertThat(new ConfigStorage(SimConfigStore.backedBy(file)).load(loaded)).isEqualTo(ConfigPage.OK);
        assertThat(Arrays.equals(loaded.secret, SECRET)).isTrue();
        assertThat(loaded.adopted).isTrue();
    }

    @Test
    void namesOutsidePrintableAsciiOrLongerThan32BytesAreRefused() {
        ModuleSettings s = defaults();
        assertThat(s.setName(new byte[33], 0, 33)).isFalse();
        assertThat(s.setName(new byte[] {'a', 0x07}, 0, 2)).isFalse();
        assertThat(s.nameLength).isZero();
    }

    static final class FakeClock implements Clock {
        long now;

        @Override
        public long millis() {
            return now;
        }

        @Override
        public void sleepMillis(long millis) {
            now += millis;
        }
    }
}
