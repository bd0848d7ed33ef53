package org.skvmoip.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private final Metrics metrics = new Metrics();

    private static String golden(String name) throws IOException {
        try (InputStream in = MetricsTest.class.getResourceAsStream("/metrics/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aScrapeMatchesTheGoldenText() throws Exception {
        metrics.counter(Metrics.ENCODE_FRAMES, "web-01").inc();
        metrics.counter(Metrics.ENCODE_FRAMES, "web-01").add(2);
        metrics.sample(Metrics.ENCODE_FRAMES, "db-01", () -> 1800);
        metrics.counter(Metrics.ENCODE_SECONDS, "web-01").add(0.0125);
        metrics.gauge(Metrics.ENCODE_FPS, "db-01").set(29.97);
        metrics.counter(Metrics.BYTES_SENT, "web-01").add(123_456_789_012L);
        metrics.gauge(Metrics.VIEWERS, "web-01").inc();
        metrics.gauge(Metrics.VIEWERS, "web-01").inc();
        metrics.gauge(Metrics.VIEWERS, "db-01").inc();
        metrics.gauge(Metrics.VIEWERS, "db-01").dec();
        metrics.sample(Metrics.MODULE_ONLINE, "web-01", () -> 1);
        metrics.sample(Metrics.MODULE_ONLINE, "db-01", () -> 0);
        metrics.declareCounter("skvm_logins_total", "Login attempts, by outcome of the \\ \"last\" one;\nserver-wide.");
        metrics.counter("skvm_logins_total", null).add(7);
        metrics.counter("skvm_logins_total", "odd \"name\" with \\ and\nbreak").inc();

        assertThat(metrics.render()).isEqualTo(golden("scrape.txt"));
    }

    @Test
    void nothingMeasuredRendersNothing() {
        assertThat(metrics.render()).isEmpty();
    }

    @Test
    void suppliersAreReadAtEachScrape() {
        AtomicInteger viewers = new AtomicInteger(1);
        metrics.sample(Metrics.VIEWERS, "web-01", viewers::get);
        assertThat(metrics.render()).contains("skvm_viewers{machine=\"web-01\"} 1\n");

        viewers.set(5);

        assertThat(metrics.render()).contains("skvm_viewers{machine=\"web-01\"} 5\n");
    }

    @Test
    void aClosedRegistrationLeavesTheScrape() throws Exception {
        AutoCloseable registration = metrics.sample(Metrics.VIEWERS, "web-01", () -> 3);

        registration.close();

        assertThat(metrics.render()).doesNotContain("skvm_viewers");
    }

    @Test
    void aThrowingSupplierCostsOnlyItsOwnLine() {
        metrics.sample(Metrics.VIEWERS, "web-01", () -> {
            throw new IllegalStateException("stream gone");
        });
        metrics.gauge(Metrics.VIEWERS, "db-01").set(1);

        assertThat(metrics.render()).contains("skvm_viewers{machine=\"db-01\"} 1\n").doesNotContain("web-01");
    }

    @Test
    void aForgottenMachineLeavesEveryFamily() {
        metrics.counter(Metrics.ENCODE_FRAMES, "web-01").inc();
        metrics.gauge(Metrics.VIEWERS, "web-01").set(1);
        metrics.gauge(Metrics.VIEWERS, "db-01").set(1);

        metrics.forget("web-01");

        assertThat(metrics.render()).doesNotContain("web-01").contains("db-01");
    }

    @Test
    void specialValuesAreSpelledAsPrometheusReadsThem() {
        metrics.gauge(Metrics.ENCODE_FPS, "a").set(Double.NaN);
        metrics.gauge(Metrics.ENCODE_FPS, "b").set(Double.POSITIVE_INFINITY);
        metrics.gauge(Metrics.ENCODE_FPS, "c").set(Double.NEGATIVE_INFINITY);
        metrics.gauge(Metrics.ENCODE_FPS, "d").set(1e20);
        metrics.gauge(Metrics.ENCODE_FPS, "e").set(-3);

        assertThat(metrics.render()).contains("{machine=\"a\"} NaN\n", "{machine=\"b\"} +Inf\n",
                "{machine=\"c\"} -Inf\n", "{machine=\"d\"} 1.0E20\n", "{machine=\"e\"} -3\n");
    }

    @Test
    void misuseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> metrics.declareCounter("skvm_logins", "x")).hasMessageContaining("ends in _total");
        assertThatThrownBy(() -> metrics.declareGauge("skvm-bad", "x")).hasMessageContaining("not a Prometheus metric name");
        assertThatThrownBy(() -> metrics.declareGauge(Metrics.ENCODE_FRAMES, "x")).hasMessageContaining("counter already");
        assertThatThrownBy(() -> metrics.gauge(Metrics.ENCODE_FRAMES, "a")).hasMessageContaining("no gauge");
        assertThatThrownBy(() -> metrics.counter("skvm_unknown_total", "a")).hasMessageContaining("no counter");
        assertThatThrownBy(() -> metrics.counter(Metrics.ENCODE_FRAMES, "a").add(-1)).hasMessageContaining("only grows");
    }

    @Test
    void countsFromManyThreadsAddUp() throws InterruptedException {
        Counter frames = metrics.counter(Metrics.ENCODE_FRAMES, "web-01");
        Gauge viewers = metrics.gauge(Metrics.VIEWERS, "web-01");
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    frames.inc();
                    viewers.inc();
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(metrics.render()).contains("skvm_encode_frames_total{machine=\"web-01\"} 40000\n",
                "skvm_viewers{machine=\"web-01\"} 40000\n");
    }
}
