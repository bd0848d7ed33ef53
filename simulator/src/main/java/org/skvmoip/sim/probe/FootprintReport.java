package org.skvmoip.sim.probe;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.skvmoip.firmware.w5500.SpiFrame;
import org.skvmoip.hal.SpiDevice;
import org.skvmoip.protocol.FrameDecoder;

/**
 * The firmware's footprint against the STM32F401's budget (DESIGN.md, "Performance targets"):
 * bytes of the class files of mcu-hal, protocol and mcu-app that the device image would link,
 * per package, and bytes allocated by start-up code, as a markdown table for BENCHMARKS.md.
 *
 * <p>Class-file bytes stand in for flash: MicroEJ's SOAR links them into its own, usually smaller,
 * image format. Allocated bytes are HotSpot's object sizes (16-byte array header), which are
 * close to, not equal to, MicroEJ's.
 */
public record FootprintReport(List<PackageFootprint> packages, List<StartUpAllocation> startUps, LeftOut leftOut) {

    /**
     * Where the device image starts: MicroEJ's linker (SOAR) keeps only the classes reachable
     * from the application's entry points, so classes no entry point reaches (for example the
     * protocol's server side) take no flash on the module.
     */
    public static final List<String> ENTRY_POINTS = List.of("org.skvmoip.firmware.ModuleMain");

    /** Flash for our class files: half of the part's 256 KB, the rest is the VM, C code and libraries. */
    public static final long FLASH_BUDGET_BYTES = 128 * 1024;
    /** RAM for buffers allocated at start-up: 24 KB of the part's 64 KB (VM, stacks, heap headroom). */
    public static final long STARTUP_RAM_BUDGET_BYTES = 24 * 1024;

    public record PackageFootprint(String packageName, int classes, long classBytes) {
    }

    /** Bytes allocated by one start-up action, e.g. constructing the W5500 driver. */
    public record StartUpAllocation(String label, long bytes) {
    }

    /** Class files present but not counted: no entry point reaches them. */
    public record LeftOut(int classes, long classBytes) {
        static final LeftOut NONE = new LeftOut(0, 0);
    }

    public FootprintReport {
        packages = List.copyOf(packages);
        startUps = List.copyOf(startUps);
    }

    public FootprintReport(List<PackageFootprint> packages, List<StartUpAllocation> startUps) {
        this(packages, startUps, LeftOut.NONE);
    }

    /**
     * The classes of mcu-hal, protocol and mcu-app (found where SpiDevice, FrameDecoder and
     * SpiFrame were loaded from) that the device image would hold: those reachable from
     * {@link #ENTRY_POINTS}.
     */
    public static FootprintReport ofFirmware() {
        return ofReachable(List.of(ClassFiles.codeSourceOf(SpiDevice.class), ClassFiles.codeSourceOf(FrameDecoder.class),
                ClassFiles.codeSourceOf(SpiFrame.class)), ENTRY_POINTS);
    }

    /** Every class file in the given directories or jars, each counted once. */
    public static FootprintReport ofClassPathEntries(List<Path> entries) {
        return new FootprintReport(byPackage(classesIn(entries).values()), List.of());
    }

    /** The class files in {@code entries} reachable from {@code roots} through constant-pool class references. */
    public static FootprintReport ofReachable(List<Path> entries, List<String> roots) {
        Map<String, ClassFiles.Entry> all = classesIn(entries);
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        for (String root : roots) {
            if (!all.containsKey(root)) {
                throw new IllegalArgumentException("entry point " + root + " is not in " + entries);
            }
            toVisit.push(root);
        }
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            ClassFiles.Entry classFile = all.get(name);
            if (classFile != null && reached.add(name)) {
                classFile.references().forEach(toVisit::push);
            }
        }
        List<ClassFiles.Entry> kept = new ArrayList<>();
        int leftOutClasses = 0;
        long leftOutBytes = 0;
        for (ClassFiles.Entry classFile : all.values()) {
            if (reached.contains(classFile.className())) {
                kept.add(classFile);
            } else {
                leftOutClasses++;
                leftOutBytes += classFile.bytes();
            }
        }
        return new FootprintReport(byPackage(kept), List.of(), new LeftOut(leftOutClasses, leftOutBytes));
    }

    private static Map<String, ClassFiles.Entry> classesIn(List<Path> entries) {
        Map<String, ClassFiles.Entry> all = new TreeMap<>();
        for (Path entry : new LinkedHashSet<>(entries)) {
            for (ClassFiles.Entry classFile : ClassFiles.in(entry)) {
                all.put(classFile.className(), classFile);
            }
        }
        return all;
    }

    private static List<PackageFootprint> byPackage(Collection<ClassFiles.Entry> classFiles) {
        Map<String, long[]> byPackage = new TreeMap<>();
        for (ClassFiles.Entry classFile : classFiles) {
            long[] totals = byPackage.computeIfAbsent(classFile.packageName(), p -> new long[2]);
            totals[0]++;
            totals[1] += classFile.bytes();
        }
        List<PackageFootprint> packages = new ArrayList<>();
        byPackage.forEach((name, totals) -> packages.add(new PackageFootprint(name, (int) totals[0], totals[1])));
        return packages;
    }

    /**
     * Measures the bytes allocated by one {@code runOnce} of {@code startUp} (after its
     * {@code setUp}) in a forked {@code -Xint} JVM, with the firmware's classes loaded beforehand
     * so that static initializers and constructors are counted and class loading is not.
     */
    public static StartUpAllocation measureStartUp(String label, Class<? extends AllocationScenario> startUp) {
        AllocationResult result = AllocationProbe.measureFirstRun(startUp, SpiDevice.class, FrameDecoder.class, SpiFrame.class);
        return new StartUpAllocation(label, result.totalBytes());
    }

    public FootprintReport withStartUp(StartUpAllocation startUp) {
        List<StartUpAllocation> all = new ArrayList<>(startUps);
        all.add(startUp);
        return new FootprintReport(packages, all, leftOut);
    }

    public long classBytes() {
        return packages.stream().mapToLong(PackageFootprint::classBytes).sum();
    }

    public int classes() {
        return packages.stream().mapToInt(PackageFootprint::classes).sum();
    }

    public long startUpBytes() {
        return startUps.stream().mapToLong(StartUpAllocation::bytes).sum();
    }

    /** One line per budget exceeded, saying by how much; empty when everything fits. */
    public List<String> overBudget() {
        List<String> over = new ArrayList<>();
        if (classBytes() > FLASH_BUDGET_BYTES) {
            over.add("class files take " + bytes(classBytes()) + ", over the flash budget of "
                    + bytes(FLASH_BUDGET_BYTES) + " by " + bytes(classBytes() - FLASH_BUDGET_BYTES));
        }
        if (startUpBytes() > STARTUP_RAM_BUDGET_BYTES) {
            over.add("start-up allocation takes " + bytes(startUpBytes()) + ", over the RAM budget of "
                    + bytes(STARTUP_RAM_BUDGET_BYTES) + " by " + bytes(startUpBytes() - STARTUP_RAM_BUDGET_BYTES));
        }
        return over;
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("| package | classes | class-file bytes (no debug info) |\n| --- | ---: | ---: |\n");
        for (PackageFootprint p : packages) {
            md.append("| `").append(p.packageName()).append("` | ").append(p.classes()).append(" | ")
                    .append(number(p.classBytes())).append(" |\n");
        }
        md.append("| **total** | ").append(classes()).append(" | ").append(number(classBytes())).append(" |\n");
        if (leftOut.classes() > 0) {
            md.append("| not counted: no entry point reaches them, so the linker leaves them out | ")
                    .append(leftOut.classes()).append(" | ").append(number(leftOut.classBytes())).append(" |\n");
        }
        md.append('\n');
        md.append("| budget | used | budget | share |\n| --- | ---: | ---: | ---: |\n");
        row(md, "flash: class files of mcu-hal + protocol + mcu-app", classBytes(), FLASH_BUDGET_BYTES, "of 256 KB");
        for (StartUpAllocation s : startUps) {
            md.append("| start-up allocation: ").append(s.label()).append(" | ").append(bytes(s.bytes()))
                    .append(" | | |\n");
        }
        if (!startUps.isEmpty()) {
            row(md, "RAM: start-up allocation, total", startUpBytes(), STARTUP_RAM_BUDGET_BYTES, "of 64 KB");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String what, long used, long budget, String ofPart) {
        md.append("| ").append(what).append(" | ").append(bytes(used)).append(" | ").append(bytes(budget))
                .append(" (").append(budget / 1024).append(" KB ").append(ofPart).append(") | ")
                .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * used / budget))
                .append(used > budget ? " **over budget**" : "").append(" |\n");
    }

    private static String bytes(long n) {
        return number(n) + " B";
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Prints the report. Arguments name start-up scenarios as {@code label=fully.qualified.Class};
     * each is measured in a forked -Xint JVM. Exits with 1 when a budget is exceeded.
     */
    public static void main(String[] args) throws ClassNotFoundException {
        FootprintReport report = ofFirmware();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected label=scenario.Class, got " + arg);
            }
            Class<? extends AllocationScenario> scenario =
                    Class.forName(arg.substring(eq + 1)).asSubclass(AllocationScenario.class);
            report = report.withStartUp(measureStartUp(arg.substring(0, eq), scenario));
        }
        System.out.print(report.toMarkdown());
        report.overBudget().forEach(line -> System.err.println("over budget: " + line));
        if (!report.overBudget().isEmpty()) {
            System.exit(1);
        }
    }
}
