package org.skvmoip.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Viewers joining and leaving a thousand times, each time starting and stopping the machine's
 * capture and encoder (every join waits for its first picture, so every native object of the
 * path is made and freed): no thread and no native memory may stay behind.
 *
 * <p>The churn runs in a JVM of its own whose resident size says something: its heap is touched
 * in full at start ({@code AlwaysPreTouch}), so garbage collection cannot add resident pages, and
 * glibc keeps one malloc arena ({@code MALLOC_ARENA_MAX=1}), so memory freed by one thread is not
 * parked in another thread's arena. Then the process grows only by what is never freed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ViewerChurnTest {

    private static final int WARM_UP = 100;
    private static final int CYCLES = 1000;
    /** Allocator caches may grow a little; one leaked 320x240 picture per cycle would be ~115 MB. */
    private static final long RESIDENT_GROWTH_BOUND = 16L << 20;

    @Test
    void givenAThousandViewerJoinsAndLeavesThenNoThreadOrNativeMemoryStaysBehind() throws Exception {
        long[] churn = runChurn();
        long threadsBefore = churn[0];
        long threadsAfter = churn[1];
        long ourThreadsAfter = churn[2];
        long residentGrowth = churn[4] - churn[3];
        long javacppGrowth = churn[6] - churn[5];

        assertThat(ourThreadsAfter).as("capture and encoder threads left").isZero();
        assertThat(threadsAfter).as("threads").isLessThanOrEqualTo(threadsBefore);
        assertThat(javacppGrowth).as("JavaCPP allocations left").isLessThanOrEqualTo(0);
        assertThat(residentGrowth).as("resident growth, bytes").isLessThan(RESIDENT_GROWTH_BOUND);
    }

    private static long[] runChurn() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-XX:+AlwaysPreTouch", "-Xms128m", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), ViewerChurn.class.getName(),
                Integer.toString(WARM_UP), Integer.toString(CYCLES));
        builder.environment().put("MALLOC_ARENA_MAX", "1");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("churn process exit status; its output:%n%s", output).isZero();
        List<String> lines = output.lines().filter(line -> line.startsWith("churn ")).toList();
        assertThat(lines).as("churn process output:%n%s", output).hasSize(1);
        System.out.println(lines.get(0));
        return Arrays.stream(lines.get(0).substring("churn ".length()).split(" ")).mapToLong(Long::parseLong).toArray();
    }
}
