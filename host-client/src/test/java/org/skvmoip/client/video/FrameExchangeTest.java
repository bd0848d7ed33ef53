package org.skvmoip.client.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FrameExchangeTest {

    private final FrameExchange exchange = new FrameExchange();

    @Test
    void theScreenGetsTheNewestFinishedPictureAndOlderOnesCountAsDropped() {
        DecodedPicture first = exchange.forWriting();
        DecodedPicture second = exchange.publish(first);
        DecodedPicture third = exchange.publish(second);

        assertThat(exchange.take()).isSameAs(second);
        assertThat(exchange.take()).isNull();
        assertThat(exchange.dropped()).isEqualTo(1);
        assertThat(third).isSameAs(first).as("the dropped picture's buffer is written again");
    }

    @Test
    void withTheScreenHoldingOnePictureNoMoreThanThreeBuffersEverExist() {
        Set<DecodedPicture> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        DecodedPicture writing = exchange.forWriting();
        DecodedPicture onScreen = null;
        for (int i = 0; i < 1000; i++) {
            seen.add(writing);
            writing = exchange.publish(writing);
            if (i % 3 == 0) {
                if (onScreen != null) {
                    exchange.giveBack(onScreen);
                }
                onScreen = exchange.take();
            }
        }

        assertThat(seen).hasSizeLessThanOrEqualTo(3);
    }
}
