package org.skvmoip.sim.probe;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.skvmoip.sim.SimulatedModule;

import com.sun.management.ThreadMXBean;

/**
 * Measures the heap bytes an {@link AllocationScenario} allocates, in a child JVM run with
 * {@code -Xint}: the interpreter does no escape analysis, so an allocation that the JIT would
 * scalar-replace on a desktop is still counted, as it would be on MicroEJ's VM. The count is
 * HotSpot's {@code getCurrentThreadAllocatedBytes}, exact to the byte for the measuring thread
 * (allocations on other threads are not seen).
 *
 * <p>The child gets the current java executable and class path (including a class loader's URLs
 * where the scenario was loaded by one, as under {@code exec:java}) and prints one
 * {@link AllocationResult#toLine() result line}.
 */
public final class AllocationProbe {

    /** A child that takes longer than this is killed and reported. */
    public static final long CHILD_TIMEOUT_SECONDS = 300;

    private static final int STDERR_TAIL_CHARS = 8_000;

    private AllocationProbe() {
    }

    /**
     * Runs {@code setUp}, {@code warmup} untimed iterations (class loading, first-call
     * resolution), then counts the bytes allocated by {@code iterations} runs of {@code runOnce}.
     *
     * @throws ChildJvmException when the child fails; its message carries the child's stderr
     */
    public static AllocationResult measure(Class<? extends AllocationScenario> scenario, int warmup, int iterations) {
        if (warmup < 0 || iterations < 1) {
            throw new IllegalArgumentException("warmup must be >= 0 and iterations >= 1, got " + warmup + " and "
                    + iterations);
        }
        return fork(scenario, List.of(scenario.getName(), Integer.toString(warmup), Integer.toString(iterations),
                "no-preload"));
    }

    /**
     * Counts the bytes allocated by the first {@code runOnce} after {@code setUp}, for start-up
     * code: static initializers and constructors are counted, class loading is not. Before
     * {@code setUp} the child loads and links (without initializing) every class in the code
     * sources (jar or directory) of {@code preloadCodeSourcesOf} and the scenario's nest members.
     */
    public static AllocationResult measureFirstRun(Class<? extends AllocationScenario> scenario,
            Class<?>... preloadCodeSourcesOf) {
        List<String> args = new ArrayList<>(List.of(scenario.getName(), "0", "1", "preload"));
        for (Class<?> anchor : preloadCodeSourcesOf) {
            args.add(anchor.getName());
        }
        return fork(scenario, args);
    }

    /** The child side: {@code <scenario class> <warmup> <iterations> preload|no-preload [<anchor class>...]}. */
    public static void main(String[] args) {
        try {
            if (!System.getProperty("java.vm.info", "").contains("interpreted")) {
                throw new IllegalStateException("the allocation probe counts only under -Xint (JIT escape analysis"
                        + " hides allocations); use AllocationProbe.measure, which forks such a JVM");
            }
            AllocationResult result = runHere(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    "preload".equals(args[3]), Arrays.asList(args).subList(4, args.length));
            System.out.println(result.toLine());
            System.out.flush();
            System.exit(0); // the scenario may have left non-daemon threads behind
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static AllocationResult runHere(String scenarioName, int warmup, int iterations, boolean preload,
            List<String> anchors) throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        Class<?> type = Class.forName(scenarioName);
        AllocationScenario scenario = instantiate(type);
        if (preload) {
            Preloader.loadAndLink(type, anchors);
        }
        scenario.setUp();
        try {
            for (int i = 0; i < warmup; i++) {
                scenario.runOnce();
            }
            countLoop(threads, scenario, 0);
            long overhead = countLoop(threads, scenario, 0); // the counter's own cost, normally 0
            long total = countLoop(threads, scenario, iterations) - overhead;
            return new AllocationResult(scenarioName, iterations, total);
        } finally {
            scenario.tearDown();
        }
    }

    private static long countLoop(ThreadMXBean threads, AllocationScenario scenario, int iterations)
            throws Exception {
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < iterations; i++) {
            scenario.runOnce();
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static AllocationScenario instantiate(Class<?> type) throws ReflectiveOperationException {
        if (!AllocationScenario.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " does not implement AllocationScenario");
        }
        try {
            return (AllocationScenario) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(type.getName() + " needs a public no-argument constructor and must be"
                    + " public (public static when nested) for the allocation probe to create it", e);
        }
    }

    private static AllocationResult fork(Class<?> scenario, List<String> childArgs) {
        Path argFile = null;
        Path out = null;
        Path err = null;
        try {
            argFile = Files.createTempFile("allocation-probe", ".args");
            out = Files.createTempFile("allocation-probe", ".out");
            err = Files.createTempFile("allocation-probe", ".err");
            // An argument file keeps a long class path off the command line (Windows caps it at 32K).
            Files.writeString(argFile, "-cp\n" + quoted(classPathFor(scenario)) + "\n");
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xint", "@" + argFile));
            String board = System.getProperty(SimulatedModule.BOARD_PROPERTY);
            if (board != null) {
                command.add("-D" + SimulatedModule.BOARD_PROPERTY + "=" + board); // the scenario's module runs on it
            }
            command.add(AllocationProbe.class.getName());
            command.addAll(childArgs);
            Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
                throw new ChildJvmException("allocation probe for " + scenario.getName() + " did not finish within "
                        + CHILD_TIMEOUT_SECONDS + " s and was killed", tail(err));
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            if (child.exitValue() != 0) {
                throw new ChildJvmException("allocation probe for " + scenario.getName() + " failed in the child JVM"
                        + " (exit " + child.exitValue() + ")", tail(err));
            }
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith(AllocationResult.LINE_PREFIX)) {
                    return AllocationResult.parse(lines.get(i));
                }
            }
            throw new ChildJvmException("allocation probe for " + scenario.getName() + " printed no result line",
                    tail(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the allocation probe's child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the allocation probe's child JVM", e);
        } finally {
            deleteQuietly(argFile);
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /**
     * The class path the child needs: the URLs of any URL class loader above the scenario's
     * (exec:java, IDE runners), then {@code java.class.path} (under surefire the test class path),
     * then the code sources of the probe and the scenario in case neither lists them.
     */
    static String classPathFor(Class<?> scenario) {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = scenario.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            entries.add(url.getPath());
                        }
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        entries.add(ClassFiles.codeSourceOf(AllocationProbe.class).toString());
        entries.add(ClassFiles.codeSourceOf(scenario).toString());
        return String.join(File.pathSeparator, entries);
    }

    private static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** Quoting for a java argument file: inside quotes, backslash escapes. */
    private static String quoted(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() <= STDERR_TAIL_CHARS ? text : "..." + text.substring(text.length() - STDERR_TAIL_CHARS);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    /** The child JVM failed; {@link #stderr()} is what it wrote to stderr (its tail). */
    public static final class ChildJvmException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String stderr;

        ChildJvmException(String message, String stderr) {
            super(message + (stderr.isBlank() ? "; the child wrote nothing to stderr"
                    : "; child stderr:\n" + stderr.stripTrailing()));
            this.stderr = stderr;
        }

        public String stderr() {
            return stderr;
        }
    }
}
