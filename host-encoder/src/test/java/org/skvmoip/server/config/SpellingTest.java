package org.skvmoip.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpellingTest {

    private static final List<String> KEYS = List.of("name", "source", "fps", "width", "height", "bitrate-kbps");

    @Test
    void commonSlipsFindTheirKey() {
        assertThat(Spelling.nearest("fsp", KEYS)).contains("fps");
        assertThat(Spelling.nearest("sorce", KEYS)).contains("source");
        assertThat(Spelling.nearest("Width", KEYS)).contains("width");
        assertThat(Spelling.nearest("bitrate_kbps", KEYS)).contains("bitrate-kbps");
        assertThat(Spelling.nearest("hieght", KEYS)).contains("height");
    }

    @Test
    void wordsFarFromEveryKeyFindNone() {
        assertThat(Spelling.nearest("colour", KEYS)).isEmpty();
        assertThat(Spelling.nearest("x", KEYS)).isEmpty();
        assertThat(Spelling.nearest("", KEYS)).isEmpty();
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Spelling.distance("fps", "fsp")).isEqualTo(1);
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Spelling.distance("", "abc")).isEqualTo(3);
    }
}
