package org.skvmoip.sim.probe;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The memory options of the MicroEJ application project (mcu-image/configuration/common.properties;
 * MicroEJ architecture options, "Category: Memory"): what the VM reserves in RAM for Java.
 */
public record ImageOptions(long javaHeapBytes, long immortalBytes, int threads, int stackBlockBytes,
        int maxBlocksPerThread, int stackPoolBlocks, boolean classNamesEmbedded) {

    public static final Path FILE = Path.of("mcu-image", "configuration", "common.properties");

    /** Reads the options from {@link #FILE} under {@code repositoryRoot}; every one must be set. */
    public static ImageOptions read(Path repositoryRoot) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(repositoryRoot.resolve(FILE))) {
            properties.load(in);
        }
        return new ImageOptions(number(properties, "core.memory.javaheap.size"),
                number(properties, "core.memory.immortal.size"), (int) number(properties, "core.memory.threads.size"),
                (int) number(properties, "core.memory.thread.block.size"),
                (int) number(properties, "core.memory.thread.max.size"),
                (int) number(properties, "core.memory.threads.pool.size"),
                Boolean.parseBoolean(value(properties, "soar.generate.classnames")));
    }

    /** RAM of the thread stack pool: every block of it is reserved at start-up. */
    public long stackPoolBytes() {
        return (long) stackPoolBlocks * stackBlockBytes;
    }

    private static long number(Properties properties, String name) {
        String value = value(properties, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FILE + ": " + name + " must be a number of bytes or blocks, got '"
                    + value + "'", e);
        }
    }

    private static String value(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException(FILE + " does not set " + name);
        }
        return value.trim();
    }
}
