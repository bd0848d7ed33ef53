package org.skvmoip.sim.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skvmoip.sim.board.ManualClock;

/** The target's pointer follows absolute and relative input, stays on the screen, and is drawn there. */
class PointerTest {

    private final ManualClock clock = new ManualClock();
    private final VirtualTarget target = new VirtualTarget(clock);

    @BeforeEach
    void bootTheTarget() {
        target.powerButtonLine().drive(true);
        clock.advance(200);
        target.powerButtonLine().drive(false);
        clock.advance(VirtualTarget.BOOT_MILLIS);
    }

    @Test
    void absoluteCoordinatesSpanTheWholeScreen() {
        target.pointerAbsolute(0, 0, 0, 0, 0);
        assertThat(new int[] {target.pointerX(), target.pointerY()}).containsExactly(0, 0);

        target.pointerAbsolute(32767, 32767, 0, 0, 0);
        assertThat(new int[] {target.pointerX(), target.pointerY()})
                .containsExactly(ScreenLayout.WIDTH - 1, ScreenLayout.HEIGHT - 1);

        target.pointerAbsolute(16384, 8192, 0, 0, 0);
        assertThat(new int[] {target.pointerX(), target.pointerY()}).containsExactly(511, 191);
    }

    @Test
    void relativeMovesAddUpAndClampAtTheEdges() {
        target.pointerAbsolute(0, 0, 0, 0, 0);

        target.pointerRelative(10, 20, 0, 0, 0);
        target.pointerRelative(5, -3, 0, 0, 0);
        assertThat(new int[] {target.pointerX(), target.pointerY()}).containsExactly(15, 17);

        target.pointerRelative(-127, -127, 0, 0, 0);
        assertThat(new int[] {target.pointerX(), target.pointerY()}).containsExactly(0, 0);
        for (int i = 0; i < 20; i++) {
            target.pointerRelative(127, 127, 0, 0, 0);
        }
        assertThat(new int[] {target.pointerX(), target.pointerY()})
                .containsExactly(ScreenLayout.WIDTH - 1, ScreenLayout.HEIGHT - 1);
    }

    @Test
    void buttonsAndWheelsAreRecorded() {
        target.pointerRelative(0, 0, 0b101, 3, -2);
        target.pointerAbsolute(100, 100, 0b010, -1, 0);

        assertThat(target.pointerButtons()).isEqualTo(0b010);
        assertThat(target.wheelTotal()).isEqualTo(2);
        assertThat(target.panTotal()).isEqualTo(-2);
    }

    @Test
    void thePointerIsDrawnWhereItIs() {
        target.pointerAbsolute(0, 32767, 0, 0, 0);
        int[] before = target.snapshot();
        int x = 700;
        int y = 700;
        target.pointerAbsolute(0, 0, 0, 0, 0);
        target.pointerRelative(x, y, 0, 0, 0);

        int[] after = target.snapshot();

        // The arrow's white fill just inside its tip.
        assertThat(before[(y + 5) * ScreenLayout.WIDTH + x + 2]).isEqualTo(ScreenLayout.BACKGROUND_RGB);
        assertThat(after[(y + 5) * ScreenLayout.WIDTH + x + 2]).isEqualTo(0xFFFFFF);
    }

    @Test
    void givenTheTargetIsOffThenPointerInputIsDropped() {
        target.pointerAbsolute(0, 0, 0, 0, 0);
        target.powerButtonLine().drive(true);
        clock.advance(VirtualTarget.POWER_OVERRIDE_MILLIS);
        target.powerButtonLine().drive(false);

        target.pointerRelative(50, 50, 0, 0, 0);

        assertThat(new int[] {target.pointerX(), target.pointerY()}).containsExactly(0, 0);
    }
}
