package org.skvmoip.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated frames against the decoder and the module session. The seed is printed and
 * can be fixed with {@code -Dfuzz.seed=N} to replay a failure.
 */
class FuzzTest {

    @Test
    void aHundredThousandMutatedFramesEndInEventsOrDefinedErrorsAndNeverBreakTheNextSession() {
        FuzzCases cases = run(100_000);

        assertThat(cases.messages()).as("valid frames among the cases decode as messages").isPositive();
        assertThat(cases.errors()).as("mutated frames are refused").isPositive();
        assertThat(cases.adoptions()).as("ADOPT frames (secret and seed material) reach the module").isPositive();
    }

    @Test
    @Tag("long")
    void fiveMillionMutatedFrames() {
        run(5_000_000);
    }

    private static FuzzCases run(int count) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("protocol fuzz: " + count + " cases, seed " + seed + " (-Dfuzz.seed=" + seed
                + " replays them)");
        FuzzCases cases = new FuzzCases(seed);
        cases.run(count);
        return cases;
    }
}
