package org.skvmoip.sim.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers the parts of the device image's budget from this repository (docs/footprint.md): what
 * the build can measure is measured, the rest is cited.
 * <ul>
 *   <li>Java application: the firmware's linked class-file bytes ({@link FootprintReport});</li>
 *   <li>Java heap, immortals and thread stacks: the MicroEJ options of mcu-image ({@link ImageOptions});</li>
 *   <li>BSP C and the crypto binding with mbedTLS: {@code arm-none-eabi-size} of the Cortex-M4 objects
 *       that mcu-hal's ArmBuildTest and CryptoNativeTest build, for the files that mcu-image/bsp lists;</li>
 *   <li>main stack: {@code _min_stack_size} of the linker script;</li>
 *   <li>MicroEJ core engine: MicroEJ's published figure; EDC and the C library: allowances.</li>
 * </ul>
 * When the Cortex-M4 objects have not been built here (no toolchain, or mcu-hal's tests not run),
 * the C parts fall back to the figures recorded in docs/footprint.md, and say so; CI always measures.
 */
public final class ImageParts {

    /** MicroEJ docs, faq.rst: "MEJ32 requires only 30KB of code and 1KB of RAM". */
    public static final long CORE_ENGINE_CODE_BYTES = 30 * 1024;
    public static final long CORE_ENGINE_RAM_BYTES = 1024;
    public static final String CORE_ENGINE_SOURCE = "cited: MicroEJ docs, faq.rst (\"MEJ32 requires only 30KB of code"
            + " and 1KB of RAM\")";
    /**
     * EDC's own classes (java.lang, java.util) that the firmware's types need: MicroEJ publishes no
     * figure, so an allowance, about half the core engine's code.
     */
    public static final long EDC_ALLOWANCE_BYTES = 16 * 1024;
    /** newlib-nano: the bring-up image links 472 B of it (memcpy 308, memset 164); mbedTLS and the VM need more. */
    public static final long LIBC_FLASH_ALLOWANCE_BYTES = 4 * 1024;
    public static final long LIBC_RAM_ALLOWANCE_BYTES = 512;

    static final Path C_ROOT = Path.of("mcu-hal", "src", "main", "c");
    static final Path BSP_LIST = Path.of("mcu-image", "bsp", "c-sources.txt");
    static final Path MBEDTLS_MODULES = C_ROOT.resolve("crypto").resolve("mbedtls-modules.txt");
    static final Path LINKER_SCRIPT = C_ROOT.resolve("board").resolve("stm32f401cc.ld");
    static final Path ARM_OBJECTS = Path.of("mcu-hal", "target", "arm", "obj");
    static final Path CRYPTO_OBJECTS = Path.of("mcu-hal", "target", "crypto-test", "cortex-m4");

    /** docs/footprint.md's figures, used only where the objects are not built here. */
    static final ArmObjects.Placement RECORDED_BSP = new ArmObjects.Placement("BSP", 4_740, 1_154, 412);
    static final ArmObjects.Placement RECORDED_CRYPTO = new ArmObjects.Placement("crypto", 0, 10_376, 840);
    static final String RECORDED = "recorded in docs/footprint.md (the Cortex-M4 objects are not built here)";

    private ImageParts() {
    }

    /** Every part of the image, for the repository at {@code root}. */
    public static ImageBudget measure(Path root, FootprintReport java) throws IOException {
        ImageOptions options = ImageOptions.read(root);
        List<ArmObjects.BootInput> bootInputs = ArmObjects.bootInputs(Files.readString(root.resolve(LINKER_SCRIPT)));
        // Objects by the names the image's link gives them (the linker script's patterns match
        // those), each with the file that mcu-hal's Cortex-M4 builds left.
        Map<String, Path> driverObjects = new LinkedHashMap<>();
        String cryptoBinding = C_ROOT.resolve("crypto/skvm_crypto.c").toString();
        for (String source : bspSources(root)) {
            if (!source.equals(cryptoBinding)) {
                String object = objectOf(root.resolve(C_ROOT).relativize(root.resolve(source)).toString());
                driverObjects.put(object, root.resolve(ARM_OBJECTS).resolve(object));
            }
        }
        Map<String, Path> cryptoObjects = new LinkedHashMap<>();
        for (String module : listFile(root.resolve(MBEDTLS_MODULES))) {
            cryptoObjects.put("library/" + objectOf(module), root.resolve(CRYPTO_OBJECTS).resolve(objectOf(module)));
        }
        cryptoObjects.put("crypto/skvm_crypto.o", root.resolve(CRYPTO_OBJECTS).resolve("skvm_crypto.o"));

        List<ImageBudget.Part> parts = new ArrayList<>();
        parts.add(new ImageBudget.Part("Java application (mcu-hal + protocol + mcu-app, reachable from ModuleMain)", 0,
                java.linkedBytes(), 0, "measured: class files without debug attributes or compile-time constants"));
        parts.add(new ImageBudget.Part("Java heap and immortals", 0, 0, options.javaHeapBytes() + options.immortalBytes(),
                "mcu-image options (heap from the measured start-up allocation)"));
        parts.add(new ImageBudget.Part("Java thread stacks (" + options.stackPoolBlocks() + " blocks of "
                + options.stackBlockBytes() + " B)", 0, 0, options.stackPoolBytes(), "mcu-image options"));
        parts.add(new ImageBudget.Part("MicroEJ core engine", 0, CORE_ENGINE_CODE_BYTES, CORE_ENGINE_RAM_BYTES,
                CORE_ENGINE_SOURCE));
        parts.add(new ImageBudget.Part("MicroEJ EDC library classes (" + java.platformTypes().size() + " java.* types named)",
                0, EDC_ALLOWANCE_BYTES, 0, "allowance: no published figure"));
        parts.add(cPart("BSP C: start-up, vectors, wiring, drivers, SNI natives (" + driverObjects.size() + " files)",
                driverObjects, bootInputs, RECORDED_BSP, "measured: arm-none-eabi-size of mcu-hal's ARM build, -Os"));
        parts.add(cPart("mbedTLS 2.28 (" + (cryptoObjects.size() - 1) + " modules, our config) + crypto binding",
                cryptoObjects, bootInputs, RECORDED_CRYPTO, "measured: arm-none-eabi-size of CryptoNativeTest's"
                        + " Cortex-M4 build, -Os"));
        parts.add(new ImageBudget.Part("C library (newlib-nano)", 0, LIBC_FLASH_ALLOWANCE_BYTES, LIBC_RAM_ALLOWANCE_BYTES,
                "allowance"));
        parts.add(new ImageBudget.Part("main stack (C, interrupts, the VM's own)", 0, 0, mainStackBytes(root),
                "linker script's _min_stack_size"));
        return new ImageBudget(parts);
    }

    /**
     * Prints the image's budget for the repository in the working directory (run from its root,
     * after mcu-hal's tests built the Cortex-M4 objects). Exits with 1 when it does not fit.
     */
    public static void main(String[] args) throws IOException {
        ImageBudget budget = measure(Path.of(""), FootprintReport.ofFirmware());
        System.out.print(budget.toMarkdown());
        if (!budget.overBudget().isEmpty()) {
            System.exit(1);
        }
    }

    /** The C sources that mcu-image/bsp/c-sources.txt lists, relative to the repository root. */
    public static List<String> bspSources(Path root) throws IOException {
        return listFile(root.resolve(BSP_LIST));
    }

    /** The main stack that the linker script keeps free above .data and .bss. */
    static long mainStackBytes(Path root) throws IOException {
        Matcher m = Pattern.compile("_min_stack_size\\s*=\\s*(\\d+)([KM]?)\\s*;").matcher(Files.readString(root.resolve(LINKER_SCRIPT)));
        if (!m.find()) {
            throw new IllegalStateException(LINKER_SCRIPT + " no longer sets _min_stack_size");
        }
        long unit = m.group(2).isEmpty() ? 1 : m.group(2).equals("K") ? 1024 : 1024 * 1024;
        return Long.parseLong(m.group(1)) * unit;
    }

    private static ImageBudget.Part cPart(String name, Map<String, Path> objects, List<ArmObjects.BootInput> bootInputs,
            ArmObjects.Placement recorded, String source) throws IOException {
        boolean built = ArmObjects.sizeToolPresent() && objects.values().stream().allMatch(Files::isRegularFile);
        if (!built) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI measures the C side: build " + objects.values()
                        + " first (mcu-hal's ArmBuildTest and CryptoNativeTest, SKVM_MBEDTLS_SRC set)");
            }
            return new ImageBudget.Part(name, recorded.boot(), recorded.flash(), recorded.ram(), RECORDED);
        }
        long boot = 0;
        long flash = 0;
        long ram = 0;
        for (ArmObjects.Placement p : ArmObjects.measure(objects, bootInputs)) {
            boot += p.boot();
            flash += p.flash();
            ram += p.ram();
        }
        return new ImageBudget.Part(name, boot, flash, ram, source);
    }

    private static String objectOf(String cSource) {
        return cSource.substring(0, cSource.length() - ".c".length()) + ".o";
    }

    private static List<String> listFile(Path file) {
        try {
            List<String> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String entry = line.trim();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
