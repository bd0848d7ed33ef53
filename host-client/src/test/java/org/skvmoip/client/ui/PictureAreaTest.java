package org.skvmoip.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PictureAreaTest {

    @Test
    void aWideViewGetsBarsLeftAndRightAndKeepsTheAspect() {
        PictureArea area = PictureArea.fit(1600, 600, 1024, 768);

        assertThat(area.height()).isEqualTo(600);
        assertThat(area.width()).isEqualTo(800);
        assertThat(area.left()).isEqualTo(400);
        assertThat(area.top()).isZero();
    }

    @Test
    void aTallViewGetsBarsAboveAndBelow() {
        PictureArea area = PictureArea.fit(800, 1000, 1600, 900);

        assertThat(area.width()).isEqualTo(800);
        assertThat(area.height()).isEqualTo(450);
        assertThat(area.top()).isEqualTo(275);
    }

    @Test
    void everyPixelClickedMapsBackToThatPixelAsATargetComputesIt() {
        int width = 1024;
        PictureArea area = PictureArea.fit(1333, 1000, width, 768);
        double pixelSize = area.width() / width;
        for (int pixel = 0; pixel < width; pixel++) {
            double viewX = area.left() + (pixel + 0.5) * pixelSize;
            int absolute = area.absoluteX(viewX);
            int targetPixel = (int) ((long) absolute * (width - 1) / PictureArea.ABSOLUTE_MAX);
            assertThat(targetPixel).as("pixel %d", pixel).isEqualTo(pixel);
        }
    }

    @Test
    void theCornersAreTheEndsOfTheRangeAndTheBarsClampToThem() {
        PictureArea area = PictureArea.fit(1600, 600, 1024, 768);

        assertThat(area.absoluteX(area.left())).isZero();
        assertThat(area.absoluteX(area.left() + area.width() - 0.01)).isEqualTo(PictureArea.ABSOLUTE_MAX);
        assertThat(area.absoluteX(10)).as("left bar").isZero();
        assertThat(area.absoluteX(1590)).as("right bar").isEqualTo(PictureArea.ABSOLUTE_MAX);
        assertThat(area.contains(10, 300)).isFalse();
        assertThat(area.contains(800, 300)).isTrue();
    }

    @Test
    void noPictureYetMapsNothingAndContainsNothing() {
        PictureArea area = PictureArea.fit(800, 600, 0, 0);

        assertThat(area.isEmpty()).isTrue();
        assertThat(area.contains(400, 300)).isFalse();
        assertThat(area.absoluteX(400)).isZero();
    }
}
