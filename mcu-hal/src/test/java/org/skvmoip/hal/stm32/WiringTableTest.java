package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * After Stm32Natives.init every pin of the module's wiring is set up as docs/wiring.md says, from
 * the one table in src/main/c/wiring.c, and that table names the same pins as Stm32F401Board.
 * The GPIO registers are decoded here from RM0368 §8.4, independently of the C's headers.
 */
class WiringTableTest {

    private static final int PA = 0;
    private static final int PB = 16;
    private static final int PC = 32;
    private static final int INPUT = 0;
    private static final int OUTPUT = 1;
    private static final int ALTERNATE = 2;
    private static final int NO_PULL = 0;
    private static final int PULL_UP = 1;
    private static final int HIGH_SPEED = 3;
    /** The pins only the C side names: SPI1's and USB's (SpiDevice and UsbDevice are the Java
     *  side) and the board's LED. */
    private static final Set<String> C_ONLY =
            Set.of("SPI1_SCK", "SPI1_MISO", "SPI1_MOSI", "USB_DM", "USB_DP", "BOARD_LED");

    /** One pin as the GPIO registers left it. */
    record Pin(int mode, int pull, int speed, int alternate, boolean driven, boolean pushPull) {

        static Pin of(BspHarness.Run run, int pin) {
            long base = 0x40020000L + 0x400L * (pin >> 4);
            int n = pin & 15;
            long afr = run.register(base + (n < 8 ? 0x20 : 0x24));
            return new Pin((int) (run.register(base) >> (2 * n)) & 3,
                    (int) (run.register(base + 0x0C) >> (2 * n)) & 3,
                    (int) (run.register(base + 0x08) >> (2 * n)) & 3,
                    (int) (afr >> (4 * (n % 8))) & 15,
                    ((run.register(base + 0x14) >> n) & 1) == 1,
                    ((run.register(base + 0x04) >> n) & 1) == 0);
        }
    }

    @Test
    void theW5500ChipSelectAndResetAreOutputsThatStartHigh() throws Exception {
        BspHarness.Run run = BspHarness.run("init");

        for (int pin : List.of(PA + 4, PB + 0)) {
            Pin p = Pin.of(run, pin);
            assertThat(p.mode()).as("pin %d", pin).isEqualTo(OUTPUT);
            assertThat(p.pushPull()).isTrue();
            assertThat(p.driven()).as("pin %d idles high (SCSn, RSTn are active low)", pin).isTrue();
        }
    }

    @Test
    void theSpi1PinsAreAlternateFunction5AtHighSpeed() throws Exception {
        BspHarness.Run run = BspHarness.run("init");

        for (int pin : List.of(PA + 5, PA + 6, PA + 7)) {
            assertThat(Pin.of(run, pin)).as("PA%d", pin).isEqualTo(new Pin(ALTERNATE, NO_PULL, HIGH_SPEED, 5, false, true));
        }
    }

    @Test
    void theUsbPinsAreAlternateFunction10() throws Exception {
        BspHarness.Run run = BspHarness.run("init");

        for (int pin : List.of(PA + 11, PA + 12)) {
            assertThat(Pin.of(run, pin)).as("PA%d", pin).isEqualTo(new Pin(ALTERNATE, NO_PULL, HIGH_SPEED, 10, false, true));
        }
    }

    @Test
    void theFrontPanelButtonsStartReleasedAndTheBoardLedStartsDark() throws Exception {
        BspHarness.Run run = BspHarness.run("init");

        for (int pin : List.of(PB + 12, PB + 13)) {
            assertThat(Pin.of(run, pin).mode()).isEqualTo(OUTPUT);
            assertThat(Pin.of(run, pin).driven()).as("PB%d: high would press the button", pin - PB).isFalse();
        }
        assertThat(Pin.of(run, PC + 13).mode()).isEqualTo(OUTPUT);
        assertThat(Pin.of(run, PC + 13).driven()).as("PC13's LED is lit when low").isTrue();
    }

    @Test
    void inputsArePulledOnlyWhereNothingDrivesThem() throws Exception {
        BspHarness.Run run = BspHarness.run("init");

        assertThat(Pin.of(run, PB + 1).mode()).isEqualTo(INPUT);
        assertThat(Pin.of(run, PB + 1).pull()).as("INTn is open drain").isEqualTo(PULL_UP);
        assertThat(Pin.of(run, PA + 0).mode()).isEqualTo(INPUT);
        assertThat(Pin.of(run, PA + 0).pull()).as("KEY shorts PA0 to ground").isEqualTo(PULL_UP);
        for (int pin : List.of(PB + 14, PB + 15)) {
            assertThat(Pin.of(run, pin).mode()).isEqualTo(INPUT);
            assertThat(Pin.of(run, pin).pull()).as("PB%d: a pull-up would read an unlit LED as lit", pin - PB)
                    .isNotEqualTo(PULL_UP);
        }
    }

    @Test
    void anOutputDrivesItsInitialLevelBeforeItBecomesAnOutput() throws Exception {
        BspHarness.Run run = BspHarness.run("init");
        List<BspHarness.Access> accesses = run.accesses();

        // PA4 (W5500 SCSn): a low glitch would start an SPI frame.
        long moder = 0x40020000L;
        long bsrr = 0x40020018L;
        int levelSet = -1;
        int madeOutput = -1;
        for (int i = 0; i < accesses.size(); i++) {
            BspHarness.Access a = accesses.get(i);
            if (a.write() && a.address() == bsrr && (a.value() & (1 << 4)) != 0 && levelSet < 0) {
                levelSet = i;
            }
            if (a.write() && a.address() == moder && ((a.value() >> 8) & 3) == OUTPUT && madeOutput < 0) {
                madeOutput = i;
            }
        }
        assertThat(levelSet).isNotNegative();
        assertThat(madeOutput).isGreaterThan(levelSet);
    }

    @Test
    void theCWiringTableNamesTheSamePinsAsStm32F401Board() throws Exception {
        Map<String, Integer> java = new HashMap<>();
        for (Field field : Stm32F401Board.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class
                    && !field.getName().startsWith("PORT_")) {
                field.setAccessible(true);
                java.put(field.getName(), field.getInt(null));
            }
        }
        Map<String, Integer> c = new HashMap<>();
        for (String line : BspHarness.run("wiring").starting("PIN")) {
            String[] f = line.split(" ");
            c.put(f[1], Integer.parseInt(f[2]));
        }

        assertThat(java).isNotEmpty();
        for (Map.Entry<String, Integer> pin : java.entrySet()) {
            assertThat(c).as("wiring.c has Stm32F401Board." + pin.getKey()).containsEntry(pin.getKey(), pin.getValue());
        }
        for (String name : c.keySet()) {
            assertThat(java.containsKey(name) || C_ONLY.contains(name)).as(name + " is named on the Java side").isTrue();
        }
    }
}
