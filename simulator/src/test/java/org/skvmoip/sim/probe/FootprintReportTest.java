package org.skvmoip.sim.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.scenario.FirmwareStartUpScenario;

/** The firmware's class files fit the flash budget; the report says when something does not. */
class FootprintReportTest {

    @Test
    void firmwareClassFilesAndStartUpBuffersFitTheBudgets() throws IOException {
        FootprintReport report = FootprintReport.ofFirmware().withStartUp(
                FootprintReport.measureStartUp("firmware start (every part constructed, chip configured)", FirmwareStartUpScenario.class));
        String markdown = report.toMarkdown();
        System.out.print(markdown);
        Path file = Path.of(System.getProperty("basedir", "."), "target", "footprint.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown);

        assertThat(report.packages()).extracting(FootprintReport.PackageFootprint::packageName)
                .contains("org.skvmoip.hal", "org.skvmoip.hal.stm32", "org.skvmoip.firmware.w5500");
        assertThat(report.classBytes()).isPositive().isLessThanOrEqualTo(FootprintReport.FLASH_BUDGET_BYTES);
        // At least the driver's two SPI frame buffers and 2 KB more (HID reports, protocol session).
        assertThat(report.startUpBytes()).isGreaterThan(2 * 515 + 2 * 1024)
                .isLessThanOrEqualTo(FootprintReport.STARTUP_RAM_BUDGET_BYTES);
        assertThat(report.overBudget()).isEmpty();
    }

    @Test
    void classFilesAreCountedOncePerPackageEvenWhenAnEntryIsListedTwice() {
        Path mcuApp = ClassFiles.codeSourceOf(org.skvmoip.firmware.w5500.SpiFrame.class);

        FootprintReport once = FootprintReport.ofClassPathEntries(List.of(mcuApp));
        FootprintReport twice = FootprintReport.ofClassPathEntries(List.of(mcuApp, mcuApp));

        assertThat(twice).isEqualTo(once);
        assertThat(once.packages()).allMatch(p -> p.packageName().startsWith("org.skvmoip.firmware"));
    }

    @Test
    void startUpAllocationIsMeasuredInAForkedInterpreterAndReported() {
        FootprintReport.StartUpAllocation startUp =
                FootprintReport.measureStartUp("fixture driver", Scenarios.StartsADriver.class);

        FootprintReport report = FootprintReport.ofFirmware().withStartUp(startUp);

        assertThat(startUp.bytes()).isBetween(1024L + 2048L, 1024L + 2048L + 256L);
        assertThat(report.toMarkdown()).contains("| start-up allocation: fixture driver | 3,")
                .contains("| RAM: start-up allocation, total | 3,");
        assertThat(report.overBudget()).isEmpty();
    }

    @Test
    void aReportOverBudgetSaysWhichBudgetAndByHowMuch() {
        FootprintReport report = new FootprintReport(
                List.of(new FootprintReport.PackageFootprint("org.skvmoip.firmware.big", 40, 140 * 1024)),
                List.of(new FootprintReport.StartUpAllocation("W5500 driver", 30 * 1024)));

        assertThat(report.overBudget()).containsExactly(
                "class files take 143,360 B, over the flash budget of 131,072 B by 12,288 B",
                "start-up allocation takes 30,720 B, over the RAM budget of 24,576 B by 6,144 B");
        assertThat(report.toMarkdown())
                .contains("| flash: class files of mcu-hal + protocol + mcu-app | 143,360 B | 131,072 B (128 KB of 256 KB)"
                        + " | 109.4% **over budget** |")
                .contains("| RAM: start-up allocation, total | 30,720 B | 24,576 B (24 KB of 64 KB) | 125.0% **over budget** |");
    }

    @Test
    void onlyClassesReachableFromTheEntryPointsAreCountedAsTheLinkerWould() {
        List<Path> jars = List.of(ClassFiles.codeSourceOf(org.skvmoip.hal.SpiDevice.class),
                ClassFiles.codeSourceOf(org.skvmoip.protocol.FrameDecoder.class),
                ClassFiles.codeSourceOf(org.skvmoip.firmware.w5500.SpiFrame.class));

        FootprintReport firmware = FootprintReport.ofReachable(jars, FootprintReport.ENTRY_POINTS);
        FootprintReport everything = FootprintReport.ofClassPathEntries(jars);

        // The module session is linked (Firmware uses it); the server's session is not.
        assertThat(firmware.classes() + firmware.leftOut().classes()).isEqualTo(everything.classes());
        assertThat(firmware.classBytes() + firmware.leftOut().classBytes()).isEqualTo(everything.classBytes());
        assertThat(firmware.leftOut().classes()).isPositive();
        FootprintReport serverOnly = FootprintReport.ofReachable(jars, List.of("org.skvmoip.protocol.ServerSession"));
        FootprintReport moduleOnly = FootprintReport.ofReachable(jars, List.of("org.skvmoip.protocol.ModuleSession"));
        assertThat(firmware.classBytes()).isGreaterThan(moduleOnly.classBytes());
        assertThat(firmware.leftOut().classBytes()).isLessThan(everything.classBytes() - moduleOnly.classBytes());
        assertThat(serverOnly.packages()).extracting(FootprintReport.PackageFootprint::packageName)
                .containsExactly("org.skvmoip.hal", "org.skvmoip.protocol");
    }

    @Test
    void anEntryPointThatIsNotThereIsAnErrorNotAnEmptyReport() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FootprintReport.ofReachable(
                List.of(ClassFiles.codeSourceOf(org.skvmoip.firmware.w5500.SpiFrame.class)), List.of("no.such.Main")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.Main");
    }
}
