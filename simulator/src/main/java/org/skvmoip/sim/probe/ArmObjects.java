package org.skvmoip.sim.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Cortex-M4 object files put where on the STM32F401, from {@code arm-none-eabi-size -A}
 * (one line per section) and the placement rules of the linker script
 * mcu-hal/src/main/c/board/stm32f401cc.ld:
 * <ul>
 *   <li>the vector table, and the input sections that the script's {@code .boot} output section
 *       takes ({@link #bootInputs}: the code of {@code board/} and {@code drivers/} today): the
 *       BOOT region (flash sectors 0-1, 32 KB, before the settings sectors);</li>
 *   <li>all other code and constants, and the initial values of {@code .data}: the FLASH region
 *       (sectors 4-5, 192 KB, after them);</li>
 *   <li>{@code .data}, {@code .bss}, {@code .noinit}: RAM.</li>
 * </ul>
 * Objects are counted whole: {@code --gc-sections} at link can only make the image smaller.
 */
public final class ArmObjects {

    /** Bytes one object places in each region. */
    public record Placement(String object, long boot, long flash, long ram) {
    }

    /**
     * One input of the {@code .boot} output section: the objects of {@code directory}, their
     * sections named by {@code sections} (exact names, or prefixes ending in {@code .*}).
     */
    public record BootInput(String directory, List<String> sections) {
        public BootInput {
            sections = List.copyOf(sections);
        }

        boolean takes(String object, String section) {
            return object.startsWith(directory) && sections.stream().anyMatch(pattern -> pattern.endsWith(".*")
                    ? section.startsWith(pattern.substring(0, pattern.length() - 1)) : section.equals(pattern));
        }
    }

    private static final Pattern BOOT_SECTION = Pattern.compile("\\.boot\\s*:\\s*\\{([^}]*)\\}");
    private static final Pattern OBJECT_DIRECTORY = Pattern.compile("\\*([\\w/]+)/\\*\\.o\\(([^)]*)\\)");

    private ArmObjects() {
    }

    /**
     * The inputs of the linker script's {@code .boot} output section: {@code *board/*.o(.text
     * .text.*)} is the code of {@code board/}. The placement follows the script.
     */
    public static List<BootInput> bootInputs(String linkerScript) {
        Matcher boot = BOOT_SECTION.matcher(linkerScript);
        if (!boot.find()) {
            throw new IllegalArgumentException("the linker script has no .boot output section");
        }
        List<BootInput> inputs = new ArrayList<>();
        for (Matcher m = OBJECT_DIRECTORY.matcher(boot.group(1)); m.find(); ) {
            inputs.add(new BootInput(m.group(1) + "/", List.of(m.group(2).trim().split("\\s+"))));
        }
        return inputs;
    }

    /** Whether {@code arm-none-eabi-size} can be run here. */
    public static boolean sizeToolPresent() {
        try {
            return run(List.of("arm-none-eabi-size", "--version")).contains("size");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The placement of each object: the keys name objects as the image's link sees them (the
     * source path with {@code .o} for {@code .c}, which the script's patterns match), the values
     * are the files to measure.
     */
    public static List<Placement> measure(Map<String, Path> objects, List<BootInput> bootInputs) throws IOException {
        List<String> command = new ArrayList<>(List.of("arm-none-eabi-size", "-A"));
        for (Path file : objects.values()) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("no object " + file + ": build it first (mcu-hal's ArmBuildTest and CryptoNativeTest)");
            }
            command.add(file.toString());
        }
        return parse(run(command), objects, bootInputs);
    }

    /** Parses {@code arm-none-eabi-size -A} output for {@code objects}, in that order. */
    static List<Placement> parse(String output, Map<String, Path> objects, List<BootInput> bootInputs) {
        List<Placement> placements = new ArrayList<>();
        String object = null;
        long boot = 0;
        long flash = 0;
        long ram = 0;
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (line.endsWith(":")) {
                if (object != null) {
                    placements.add(new Placement(object, boot, flash, ram));
                }
                object = objectNamed(line.substring(0, line.lastIndexOf(':')).trim(), objects);
                boot = flash = ram = 0;
            } else if (object != null && fields.length == 3 && fields[1].matches("\\d+")) {
                String section = fields[0];
                long size = Long.parseLong(fields[1]);
                String name = object;
                if (section.startsWith(".isr_vector") || bootInputs.stream().anyMatch(in -> in.takes(name, section))) {
                    boot += size;
                } else if (section.startsWith(".text") || section.startsWith(".rodata") || section.startsWith(".ARM.exidx")) {
                    flash += size;
                } else if (section.startsWith(".data")) {
                    flash += size;
                    ram += size;
                } else if (section.startsWith(".bss") || section.startsWith(".noinit") || section.equals("COMMON")) {
                    ram += size;
                }
            }
        }
        if (object != null) {
            placements.add(new Placement(object, boot, flash, ram));
        }
        if (placements.size() != objects.size()) {
            throw new IllegalStateException("arm-none-eabi-size reported " + placements.size() + " objects, expected "
                    + objects.size() + ":\n" + output);
        }
        return placements;
    }

    private static String objectNamed(String path, Map<String, Path> objects) {
        for (Map.Entry<String, Path> object : objects.entrySet()) {
            if (Path.of(path).equals(object.getValue())) {
                return object.getKey();
            }
        }
        throw new IllegalStateException("arm-none-eabi-size named " + path + ", which was not asked for");
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command.subList(0, 2)) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        return output;
    }
}
