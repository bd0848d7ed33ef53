package org.skvmoip.sim.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.scenario.FirmwareStartUpScenario;

/** The firmware's class files and start-up allocation, as the image budget counts them. */
class FootprintReportTest {

    @Test
    void firmwareClassFilesAndStartUpBuffersAreMeasured() throws IOException {
        FootprintReport report = FootprintReport.ofFirmware().withStartUp(
                FootprintReport.measureStartUp("firmware start (every part constructed, chip configured)", FirmwareStartUpScenario.class));
        String markdown = report.toMarkdown();
        System.out.print(markdown);
        Path file = Path.of(System.getProperty("basedir", "."), "target", "footprint.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown);

        assertThat(report.packages()).extracting(FootprintReport.PackageFootprint::packageName)
                .contains("org.skvmoip.hal", "org.skvmoip.hal.stm32", "org.skvmoip.firmware.w5500");
        assertThat(report.linkedBytes()).isPositive().isLessThan(report.classBytes());
        // At least the driver's two SPI frame buffers and 2 KB more (HID reports, protocol session),
        // and not the simulated board's SecureRandom seeding itself (55 KB on HotSpot).
        assertThat(report.startUpBytes()).isGreaterThan(2 * 515 + 2 * 1024).isLessThan(24 * 1024);
        assertThat(report.platformTypes()).contains("java.lang.String").doesNotContain("java.lang.Class");
    }

    /** Register-map style constants: javac copies them into their users (JLS §13.1). */
    static final class RegisterMap {
        static final int MR = 0x0000;
        static final int GAR = 0x0001;
        static final int SUBR = 0x0005;
        static final String NAME = "W5500 common registers";
    }

    static final class Buffers {
        static final byte[] FRAME = new byte[515];
    }

    @Test
    void compileTimeConstantsTakeNoLinkedBytesButOtherStaticsDo() throws IOException {
        byte[] constants = classFile(RegisterMap.class);
        byte[] buffers = classFile(Buffers.class);

        assertThat(ClassFiles.withoutDebugInfoOrConstantFields(constants))
                .isLessThan(ClassFiles.withoutDebugInfo(constants) - 4 * 10);
        assertThat(ClassFiles.withoutDebugInfoOrConstantFields(buffers)).isEqualTo(ClassFiles.withoutDebugInfo(buffers));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (var in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
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
        assertThat(report.toMarkdown()).contains("| fixture driver | 3,");
    }

    @Test
    void theTableGivesBothClassFileFiguresPerPackageAndTheirTotals() {
        FootprintReport report = new FootprintReport(
                List.of(new FootprintReport.PackageFootprint("org.skvmoip.firmware.w5500", 7, 13_179, 9_500)),
                List.of(new FootprintReport.StartUpAllocation("W5500 driver", 2_054)));

        assertThat(report.toMarkdown())
                .contains("| `org.skvmoip.firmware.w5500` | 7 | 13,179 | 9,500 |")
                .contains("| **total** | 7 | 13,179 | 9,500 |")
                .contains("| W5500 driver | 2,054 B |");
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
