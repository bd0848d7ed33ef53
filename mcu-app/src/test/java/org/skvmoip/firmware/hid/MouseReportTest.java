package org.skvmoip.firmware.hid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Relative mouse moves become report sequences: clamped to -127..127 each, split, never wrapped. */
class MouseReportTest {

    @ParameterizedTest(name = "[{index}] buttons {0} move ({1},{2}) wheel {3} pan {4} boot={5}")
    @CsvSource(delimiter = '|', textBlock = """
        # buttons | dx    | dy   | wheel | pan | boot  | reports, ';' between them
          0       | 0     | 0    | 0     | 0   | false | 00 00 00 00 00
          1       | 0     | 0    | 0     | 0   | false | 01 00 00 00 00
          0       | 5     | -3   | 1     | -1  | false | 00 05 FD 01 FF
          0       | 5     | -3   | 1     | -1  | true  | 00 05 FD
          7       | 127   | -127 | 0     | 0   | true  | 07 7F 81
          2       | 128   | 0    | 0     | 0   | true  | 02 7F 00;02 01 00
          0       | 300   | -300 | 0     | 0   | true  | 00 7F 81;00 7F 81;00 2E D2
          0       | -1000 | 10   | 0     | 0   | true  | 00 81 0A;00 81 00;00 81 00;00 81 00;00 81 00;00 81 00;00 81 00;00 91 00
          0       | 0     | 0    | 200   | -130 | false | 00 00 00 7F 81;00 00 00 49 FD
          0       | 0     | 0    | 200   | 0   | true  | 00 00 00
          255     | 1     | 1    | 0     | 0   | true  | 1F 01 01
        """)
    void givenAMoveWhenQueuedThenItLeavesAsTheGoldenReports(int buttons, int dx, int dy, int wheel, int pan,
            boolean boot, String golden) {
        MouseMotionQueue queue = new MouseMotionQueue();
        queue.offer(buttons, dx, dy, wheel, pan);
        int expected = boot ? MouseReport.reportsNeeded(dx, dy, 0, 0) : MouseReport.reportsNeeded(dx, dy, wheel, pan);

        assertThat(queue.reportsPending()).isEqualTo(MouseReport.reportsNeeded(dx, dy, wheel, pan));
        List<String> reports = drain(queue, boot);

        assertThat(String.join(";", reports)).isEqualTo(golden);
        assertThat(reports).hasSize(expected);
    }

    @Test
    void givenAHugeMoveWhenSplitThenEveryReportMovesTheSameWayAndTheSumIsTheClampedMove() {
        MouseMotionQueue queue = new MouseMotionQueue();
        queue.offer(0, Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 0);
        byte[] report = new byte[8];
        long sumX = 0;
        long sumY = 0;
        int count = 0;
        while (!queue.isEmpty()) {
            queue.next(true, report, 0);
            assertThat(report[1]).isPositive();
            assertThat(report[2]).isNegative();
            sumX += report[1];
            sumY += report[2];
            count++;
        }
        assertThat(sumX).isEqualTo(MouseMotionQueue.MAX_PENDING);
        assertThat(sumY).isEqualTo(-MouseMotionQueue.MAX_PENDING);
        assertThat(count).isEqualTo(MouseReport.reportsNeeded(MouseMotionQueue.MAX_PENDING, 0, 0, 0));
    }

    @Test
    void givenMotionThenAButtonReleaseWhenDrainedThenAllMotionPrecedesTheRelease() {
        MouseMotionQueue queue = new MouseMotionQueue();
        queue.offer(1, 200, 0, 0, 0); // drag with the left button
        queue.offer(1, 100, 0, 0, 0); // merges: same buttons
        queue.offer(0, 0, 0, 0, 0); // release

        assertThat(String.join(";", drain(queue, true))).isEqualTo("01 7F 00;01 7F 00;01 2E 00;00 00 00");
    }

    @Test
    void givenAFullQueueWhenAnotherButtonStateArrivesThenItIsRefusedAndNothingIsLost() {
        MouseMotionQueue queue = new MouseMotionQueue();
        for (int i = 0; i < MouseMotionQueue.CAPACITY; i++) {
            assertThat(queue.offer(i & 1, 1, 0, 0, 0)).isTrue();
        }

        assertThat(queue.offer(MouseMotionQueue.CAPACITY & 1, 1, 0, 0, 0)).isFalse();
        assertThat(queue.offer((MouseMotionQueue.CAPACITY - 1) & 1, 1, 0, 0, 0)).as("merges into the newest").isTrue();
        assertThat(drain(queue, true)).hasSize(MouseMotionQueue.CAPACITY);
    }

    private static List<String> drain(MouseMotionQueue queue, boolean boot) {
        List<String> reports = new ArrayList<>();
        byte[] report = new byte[8];
        while (!queue.isEmpty()) {
            int length = queue.next(boot, report, 0);
            reports.add(Hex.of(report, 0, length));
        }
        return reports;
    }
}
