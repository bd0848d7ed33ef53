package org.skvmoip.sim.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The embedded font has a glyph for every printable ASCII character, and no two look alike. */
class FontTest {

    @Test
    void everyGlyphDiffersFromEveryOtherInAtLeastThreePixelsSoOneMisreadPixelCannotSwapThem() {
        Map<Character, Long> glyphs = new HashMap<>();
        for (char c = Font5x8.FIRST; c <= Font5x8.LAST; c++) {
            glyphs.put(c, Font5x8.bits(c));
        }

        for (char a = Font5x8.FIRST; a <= Font5x8.LAST; a++) {
            for (char b = (char) (a + 1); b <= Font5x8.LAST; b++) {
                assertThat(Long.bitCount(glyphs.get(a) ^ glyphs.get(b)))
                        .as("pixels telling '%s' from '%s'", a, b).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void onlySpaceIsBlank() {
        assertThat(Font5x8.bits(' ')).isZero();
        for (char c = '!'; c <= Font5x8.LAST; c++) {
            assertThat(Font5x8.bits(c)).as("'%s'", c).isNotZero();
        }
    }

    @Test
    void aCharacterOutsideTheFontIsDrawnAsAQuestionMark() {
        assertThat(Font5x8.bits('\u00e9')).isEqualTo(Font5x8.bits('?'));
    }
}
