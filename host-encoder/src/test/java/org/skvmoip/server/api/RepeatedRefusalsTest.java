package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RepeatedRefusalsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final RepeatedRefusals refusals = new RepeatedRefusals(RepeatedRefusals.WINDOW);

    private List<RepeatedRefusals.Line> login(String user, String outcome, Instant at) {
        return refusals.record(user, "10.0.0.9", "login", "", outcome, at);
    }

    @Test
    void theFirstRefusalIsWrittenAtOnce_itsRepeatsAsOneSummaryWhenTheWindowEnds() {
        List<RepeatedRefusals.Line> written = new ArrayList<>(login("admin", "refused: throttled for 3 s", T0));
        for (int i = 1; i <= 500; i++) {
            written.addAll(login("admin", "refused: throttled for " + (i % 7) + " s", T0.plusMillis(i)));
        }
        assertThat(written).hasSize(1);
        assertThat(written.get(0).count()).isZero();

        List<RepeatedRefusals.Line> summary = refusals.due(T0.plus(RepeatedRefusals.WINDOW));

        assertThat(summary).singleElement().satisfies(line -> {
            assertThat(line.count()).isEqualTo(500);
            assertThat(line.since()).isEqualTo(T0.plusMillis(1));
            assertThat(line.user()).isEqualTo("admin");
            assertThat(line.outcome()).startsWith("refused: throttled for");
        });
        assertThat(login("admin", "refused: throttled for 1 s", T0.plus(RepeatedRefusals.WINDOW)))
                .as("a new window starts with a line in full").singleElement()
                .satisfies(line -> assertThat(line.count()).isZero());
    }

    @Test
    void successesAreNeverFolded() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("alice", "ok", T0.plusMillis(i))).hasSize(1);
        }
    }

    @Test
    void manyUserNamesFromOneAddressShareOneSummaryBeyondTheAddressesOwnKinds() {
        int written = 0;
        for (int i = 0; i < 1000; i++) {
            written += login("user" + i, "denied: wrong user name or password", T0.plusMillis(i)).size();
        }
        assertThat(written).isEqualTo(RepeatedRefusals.KINDS_PER_ADDRESS);

        List<RepeatedRefusals.Line> summaries = refusals.drain();

        assertThat(summaries).singleElement().satisfies(line -> {
            assertThat(line.user()).isEqualTo(RepeatedRefusals.ANY);
            assertThat(line.count()).isEqualTo(1000 - RepeatedRefusals.KINDS_PER_ADDRESS);
        });
    }

    @Test
    void anotherAddressKeepsItsOwnLines_whileOneAddressHasUsedUpItsKinds() {
        for (int i = 0; i < 100; i++) {
            login("user" + i, "denied: wrong user name or password", T0);
        }

        assertThat(refusals.record("bob", "10.0.0.7", "login", "", "denied: wrong user name or password", T0))
                .singleElement().satisfies(line -> assertThat(line.user()).isEqualTo("bob"));
    }
}
