package org.skvmoip.sim.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The forked -Xint probe counts exactly what a scenario allocates, and says why when it cannot. */
class AllocationProbeTest {

    @Test
    void aScenarioThatAllocatesNothingMeasuresZeroBytesPerIteration() {
        AllocationResult result = AllocationProbe.measure(Scenarios.AllocatesNothing.class, 100, 10_000);

        assertThat(result.bytesPerIteration()).isEqualTo(0.0);
        assertThat(result.iterations()).isEqualTo(10_000);
        assertThat(result.scenario()).isEqualTo(Scenarios.AllocatesNothing.class.getName());
    }

    @Test
    void aNew64ByteArrayPerIterationIsCountedWithItsHeader() {
        AllocationResult result = AllocationProbe.measure(Scenarios.Allocates64ByteArray.class, 100, 10_000);

        assertThat(result.bytesPerIteration()).isGreaterThanOrEqualTo(64.0).isLessThan(200.0);
        assertThat(result.totalBytes()).isEqualTo((long) (result.bytesPerIteration() * 10_000));
    }

    @Test
    void theFirstRunCountsStaticInitializersAndConstructorsButNotClassLoading() {
        AllocationResult result = AllocationProbe.measureFirstRun(Scenarios.StartsADriver.class);

        assertThat(result.iterations()).isEqualTo(1);
        assertThat(result.totalBytes()).isBetween(1024L + 2048L, 1024L + 2048L + 256L);
    }

    @Test
    void withoutPreloadingTheFirstRunWouldAlsoCountClassLoading() {
        AllocationResult coldFirstRun = AllocationProbe.measure(Scenarios.StartsADriver.class, 0, 1);

        assertThat(coldFirstRun.totalBytes()).isGreaterThan(1024L + 2048L + 256L);
    }

    @Test
    void aFailureInTheChildComesBackWithTheChildsStderr() {
        assertThatThrownBy(() -> AllocationProbe.measure(Scenarios.FailsInRunOnce.class, 0, 1))
                .isInstanceOf(AllocationProbe.ChildJvmException.class)
                .hasMessageContaining("failed in the child JVM (exit 1)")
                .hasMessageContaining("W5500 did not answer on SPI (fixture failure)");
    }

    @Test
    void aScenarioWithoutAPublicNoArgumentConstructorIsExplained() {
        assertThatThrownBy(() -> AllocationProbe.measure(Scenarios.NoPublicConstructor.class, 0, 1))
                .isInstanceOf(AllocationProbe.ChildJvmException.class)
                .hasMessageContaining("needs a public no-argument constructor");
    }

    @Test
    void theResultLineRoundTrips() {
        AllocationResult result = new AllocationResult("a.B", 1000, 80_000);

        assertThat(result.toLine())
                .isEqualTo("allocation-probe: scenario=a.B iterations=1000 totalBytes=80000 bytesPerIteration=80.0");
        assertThat(AllocationResult.parse(result.toLine())).isEqualTo(result);
    }

}
