package org.skvmoip.sim.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.skvmoip.firmware.ModuleMain;
import org.skvmoip.sim.scenario.FirmwareStartUpScenario;

/**
 * The MicroEJ application project (mcu-image) stays in step with the code and the measurements:
 * the SDK build itself cannot run here, so what it reads is checked instead.
 */
class MicroEjImageTest {

    private static final Path ROOT = ImageBudgetTest.ROOT;
    private static final Path IMAGE = ROOT.resolve("mcu-image");
    /** The heap's margin over the measured start-up allocation (common.properties says why). */
    private static final double HEAP_MARGIN = 1.5;

    @Test
    void theEntryPointIsTheDeviceMainClass() throws Exception {
        Matcher entry = Pattern.compile("applicationEntryPoint\\s*=\\s*\"([^\"]+)\"").matcher(buildScript());

        assertThat(entry.find()).as("build.gradle.kts sets microej { applicationEntryPoint }").isTrue();
        assertThat(entry.group(1)).isEqualTo(ModuleMain.class.getName());
        Method main = ModuleMain.class.getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        assertThat(FootprintReport.ENTRY_POINTS).containsExactly(entry.group(1));
    }

    @Test
    void theSourcesAreTheEmbeddedModulesInPlaceNotCopies() throws IOException {
        Matcher dirs = Pattern.compile("setSrcDirs\\(listOf\\(([^)]*)\\)\\)").matcher(buildScript());

        assertThat(dirs.find()).isTrue();
        List<String> listed = Arrays.stream(dirs.group(1).split(",")).map(s -> s.trim().replace("\"", "")).toList();
        assertThat(listed).containsExactly("../mcu-hal/src/main/java", "../protocol/src/main/java", "../mcu-app/src/main/java");
        for (String dir : listed) {
            assertThat(IMAGE.resolve(dir).normalize()).isDirectory();
        }
        try (Stream<Path> files = Files.walk(IMAGE)) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).toList()).as("no Java copied into mcu-image").isEmpty();
        }
    }

    @Test
    void theJavaHeapHoldsTheMeasuredStartUpAllocationWithItsMargin() throws IOException {
        ImageOptions options = ImageOptions.read(ROOT);
        long startUp = FootprintReport.measureStartUp("firmware start", FirmwareStartUpScenario.class).bytes();

        assertThat(options.javaHeapBytes()).as("heap for a start-up allocation of %d B", startUp)
                .isGreaterThanOrEqualTo((long) Math.ceil(startUp * HEAP_MARGIN));
    }

    @Test
    void theThreadSettingsAreWhatTheFirmwareStarts() throws IOException {
        ImageOptions options = ImageOptions.read(ROOT);
        List<String> starters = threadStarters();

        assertThat(starters).as("classes of the image that create or start a thread").isEmpty();
        assertThat(options.threads()).as("the main thread and the %d the firmware starts", starters.size())
                .isEqualTo(1 + starters.size());
        assertThat(options.stackPoolBlocks()).as("every thread can grow to its largest stack")
                .isEqualTo(options.threads() * options.maxBlocksPerThread());
    }

    static final class StartsAWorker {
        void start() {
            new Thread(() -> { }).start();
        }
    }

    @Test
    void aClassThatStartsAThreadIsFoundSoTheThreadCountCannotPassByNotLooking() throws IOException {
        assertThat(startsAThread(classFile(StartsAWorker.class))).isTrue();
        assertThat(startsAThread(classFile(ModuleMain.class))).isFalse();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (var in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void classNamesAreLeftOutOnlyBecauseTheFirmwareNeverAsksForOne() throws IOException {
        ImageOptions options = ImageOptions.read(ROOT);

        assertThat(options.classNamesEmbedded()).isFalse();
        assertThat(FootprintReport.ofFirmware().platformTypes()).doesNotContain("java.lang.Class");
    }

    @Test
    void theBspListIsWhatTheArmBuildCompilesForTheDeviceLessTheBringUpImage() throws Exception {
        assumeTrue(onPath("make") || System.getenv("CI") != null, "make is not installed (CI has it)");
        List<String> expected = new ArrayList<>();
        for (String source : makeDeviceSources()) {
            if (!source.startsWith("bringup/") && !source.startsWith("generated/")) {
                expected.add(ImageParts.C_ROOT.resolve(source).toString());
            }
        }
        expected.add(ImageParts.C_ROOT.resolve("crypto/skvm_crypto.c").toString());

        assertThat(ImageParts.bspSources(ROOT)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theBspIncludeDirectoriesAndConfigurationHeaderExist() throws IOException {
        for (String dir : Files.readAllLines(IMAGE.resolve("bsp/include-dirs.txt"))) {
            if (!dir.isBlank() && !dir.startsWith("#")) {
                assertThat(ROOT.resolve(dir.trim())).isDirectory();
            }
        }
        assertThat(Files.readString(IMAGE.resolve("bsp/defines.txt")))
                .contains("MBEDTLS_CONFIG_FILE=\"skvm_mbedtls_config.h\"");
        assertThat(ROOT.resolve(ImageParts.C_ROOT).resolve("crypto/skvm_mbedtls_config.h")).isRegularFile();
        assertThat(ROOT.resolve(ImageParts.MBEDTLS_MODULES)).isRegularFile();
        assertThat(ROOT.resolve(ImageParts.LINKER_SCRIPT)).isRegularFile();
    }

    private static String buildScript() throws IOException {
        return Files.readString(IMAGE.resolve("build.gradle.kts"));
    }

    /** Classes of mcu-hal, protocol and mcu-app that extend Thread or construct or start one. */
    private static List<String> threadStarters() {
        List<String> starters = new ArrayList<>();
        int scanned = 0;
        for (Path jar : List.of(ClassFiles.codeSourceOf(org.skvmoip.hal.SpiDevice.class),
                ClassFiles.codeSourceOf(org.skvmoip.protocol.FrameDecoder.class), ClassFiles.codeSourceOf(ModuleMain.class))) {
            for (Map.Entry<String, byte[]> classFile : ClassFiles.contents(jar).entrySet()) {
                scanned++;
                if (startsAThread(classFile.getValue())) {
                    starters.add(classFile.getKey());
                }
            }
        }
        assertThat(scanned).as("class files scanned").isGreaterThan(50);
        return starters;
    }

    static boolean startsAThread(byte[] classFile) {
        boolean[] found = new boolean[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                found[0] |= "java/lang/Thread".equals(superName);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        found[0] |= "java/lang/Thread".equals(owner) && (method.equals("<init>") || method.equals("start"));
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return found[0];
    }

    private static List<String> makeDeviceSources() throws Exception {
        Process make = new ProcessBuilder("make", "-s", "-C", ROOT.resolve(ImageParts.C_ROOT).toString(), "device-sources")
                .redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(make.exitValue()).as(output).isZero();
        return Arrays.stream(output.trim().split("\\s+")).toList();
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
