package org.skvmoip.sim.probe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link AllocationProbe} measured: heap bytes the measuring thread allocated over
 * {@code iterations} runs of a scenario (HotSpot object sizes, compressed oops).
 */
public record AllocationResult(String scenario, int iterations, long totalBytes) {

    /** Prefix of the one line a child JVM prints with its result. */
    static final String LINE_PREFIX = "allocation-probe:";

    private static final Pattern LINE = Pattern.compile(
            Pattern.quote(LINE_PREFIX) + " scenario=(\\S+) iterations=(\\d+) totalBytes=(-?\\d+)"
                    + " bytesPerIteration=\\S+");

    public double bytesPerIteration() {
        return iterations == 0 ? 0.0 : (double) totalBytes / iterations;
    }

    /** The single parseable line, e.g. {@code allocation-probe: scenario=a.B iterations=1000 totalBytes=0 bytesPerIteration=0.0}. */
    public String toLine() {
        return LINE_PREFIX + " scenario=" + scenario + " iterations=" + iterations + " totalBytes=" + totalBytes
                + " bytesPerIteration=" + bytesPerIteration();
    }

    /** Reads a line written by {@link #toLine()}. */
    public static AllocationResult parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an allocation-probe result line: " + line);
        }
        return new AllocationResult(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
    }

    @Override
    public String toString() {
        return toLine();
    }
}
