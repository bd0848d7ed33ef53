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
import java.util.TreeSet;

import org.skvmoip.firmware.w5500.SpiFrame;
import org.skvmoip.hal.SpiDevice;
import org.skvmoip.protocol.FrameDecoder;

/**
 * The Java side of the firmware's footprint: bytes of the class files of mcu-hal, protocol and
 * mcu-app that the device image would link, per package, and bytes allocated by start-up code,
 * as a markdown table for BENCHMARKS.md. {@link ImageBudget} puts them beside the VM, the C side
 * and mbedTLS against the part's flash and RAM.
 *
 * <p>Class-file bytes stand in for flash: MicroEJ's SOAR links them into its own image format,
 * which resolves the constant pool's symbolic names to addresses, so the linked figure (no debug
 * attributes, no compile-time constant fields) is an upper bound of what SOAR keeps, not a
 * measurement of it. Allocated bytes are HotSpot's object sizes (12-byte object and 16-byte array
 * headers), close to, not equal to, MicroEJ's.
 */
/**
 * @param platformTypes the java.* types the counted classes name, sorted: what they need of
 *                      MicroEJ's foundation libraries (EDC), whose own size is not ours to measure
 */
public record FootprintReport(List<PackageFootprint> packages, List<StartUpAllocation> startUps, LeftOut leftOut,
        List<String> platformTypes) {

    /**
     * Where the device image starts: MicroEJ's linker (SOAR) keeps only the classes reachable
     * from the application's entry points, so classes no entry point reaches (for example the
     * protocol's server side) take no flash on the module.
     */
    public static final List<String> ENTRY_POINTS = List.of("org.skvmoip.firmware.ModuleMain");

    /**
     * @param classBytes  class files without debug attributes
     * @param linkedBytes the same without compile-time constant fields: the figure the image budget uses
     */
    public record PackageFootprint(String packageName, int classes, long classBytes, long linkedBytes) {
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
        platformTypes = List.copyOf(platformTypes);
    }

    public FootprintReport(List<PackageFootprint> packages, List<StartUpAllocation> startUps) {
        this(packages, startUps, LeftOut.NONE, List.of());
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
        Set<String> platform = new TreeSet<>();
        int leftOutClasses = 0;
        long leftOutBytes = 0;
        for (ClassFiles.Entry classFile : all.values()) {
            if (reached.contains(classFile.className())) {
                kept.add(classFile);
                classFile.references().stream().filter(name -> name.startsWith("java.")).forEach(platform::add);
            } else {
                leftOutClasses++;
                leftOutBytes += classFile.bytes();
            }
        }
        return new FootprintReport(byPackage(kept), List.of(), new LeftOut(leftOutClasses, leftOutBytes),
                new ArrayList<>(platform));
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
            long[] totals = byPackage.computeIfAbsent(classFile.packageName(), p -> new long[3]);
            totals[0]++;
            totals[1] += classFile.bytes();
            totals[2] += classFile.linkedBytes();
        }
        List<PackageFootprint> packages = new ArrayList<>();
        byPackage.forEach((name, totals) -> packages.add(
                new PackageFootprint(name, (int) totals[0], totals[1], totals[2])));
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
        return new FootprintReport(packages, all, leftOut, platformTypes);
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

    public long linkedBytes() {
        return packages.stream().mapToLong(PackageFootprint::linkedBytes).sum();
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("| package | classes | class-file bytes (no debug info) | linked: also no compile-time constants |\n")
                .append("| --- | ---: | ---: | ---: |\n");
        for (PackageFootprint p : packages) {
            md.append("| `").append(p.packageName()).append("` | ").append(p.classes()).append(" | ")
                    .append(number(p.classBytes())).append(" | ").append(number(p.linkedBytes())).append(" |\n");
        }
        md.append("| **total** | ").append(classes()).append(" | ").append(number(classBytes())).append(" | ")
                .append(number(linkedBytes())).append(" |\n");
        if (leftOut.classes() > 0) {
            md.append("| not counted: no entry point reaches them, so the linker leaves them out | ")
                    .append(leftOut.classes()).append(" | ").append(number(leftOut.classBytes())).append(" | |\n");
        }
        if (!startUps.isEmpty()) {
            md.append("\n| start-up allocation | bytes |\n| --- | ---: |\n");
            for (StartUpAllocation s : startUps) {
                md.append("| ").append(s.label()).append(" | ").append(bytes(s.bytes())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String bytes(long n) {
        return number(n) + " B";
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Prints the report. Arguments name start-up scenarios as {@code label=fully.qualified.Class};
     * each is measured in a forked -Xint JVM. {@link ImageParts#main} checks the whole image.
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
    }
}
