package org.skvmoip.firmware.hid;

/**
 * Relative mouse input waiting to be sent, split into reports of at most 127 per axis. Motion
 * with the same buttons merges into the last entry; a button change starts a new entry, so a
 * drag's motion is all sent before the release that ends it. Fixed capacity, no allocation
 * after construction. An entry leaves the queue with its last report, so a button change alone
 * is still one report.
 */
public final class MouseMotionQueue {

    /** Entries (distinct button states) that can wait at once. */
    public static final int CAPACITY = 16;
    /**
     * The most motion one entry holds per axis (258 reports, about a quarter second at 1 ms):
     * more is clamped here, as no screen is that wide, and sums can never overflow an int.
     */
    public static final int MAX_PENDING = 32767;

    private final int[] buttons = new int[CAPACITY];
    private final int[] dx = new int[CAPACITY];
    private final int[] dy = new int[CAPACITY];
    private final int[] wheel = new int[CAPACITY];
    private final int[] pan = new int[CAPACITY];
    private int head;
    private int size;

    /**
     * Queues a move. Returns false, queueing nothing, when the queue is full of other button
     * states (the host is not polling: suspended or not configured).
     */
    public boolean offer(int buttonBits, int moveX, int moveY, int moveWheel, int movePan) {
        int b = buttonBits & MouseReport.BUTTONS_MASK;
        if (size > 0) {
            int tail = index(size - 1);
            if (buttons[tail] == b) {
                dx[tail] = pending(dx[tail], moveX);
                dy[tail] = pending(dy[tail], moveY);
                wheel[tail] = pending(wheel[tail], moveWheel);
                pan[tail] = pending(pan[tail], movePan);
                return true;
            }
        }
        if (size == CAPACITY) {
            return false;
        }
        int at = index(size);
        buttons[at] = b;
        dx[at] = pending(0, moveX);
        dy[at] = pending(0, moveY);
        wheel[at] = pending(0, moveWheel);
        pan[at] = pending(0, movePan);
        size++;
        return true;
    }

    /** Whether {@code count} more button states fit as entries of their own. */
    public boolean hasRoomFor(int count) {
        return CAPACITY - size >= count;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Reports still to send for everything queued (an entry leaves once its motion is all sent). */
    public int reportsPending() {
        int total = 0;
        for (int i = 0; i < size; i++) {
            int at = index(i);
            total += MouseReport.reportsNeeded(dx[at], dy[at], wheel[at], pan[at]);
        }
        return total;
    }

    /** The button state of the newest entry, or {@code fallback} when nothing waits. */
    public int lastButtons(int fallback) {
        return size == 0 ? fallback : buttons[index(size - 1)];
    }

    /**
     * Writes the next report into {@code out} and takes its motion off the queue; in boot
     * protocol wheel and pan are dropped, as the boot report cannot carry them. Returns the
     * report's length, or 0 when nothing waits.
     */
    public int next(boolean boot, byte[] out, int off) {
        if (size == 0) {
            return 0;
        }
        int at = head;
        if (boot) {
            wheel[at] = 0;
            pan[at] = 0;
        }
        int sx = MouseReport.step(dx[at]);
        int sy = MouseReport.step(dy[at]);
        int sw = MouseReport.step(wheel[at]);
        int sp = MouseReport.step(pan[at]);
        int length = MouseReport.encode(buttons[at], sx, sy, sw, sp, boot, out, off);
        dx[at] -= sx;
        dy[at] -= sy;
        wheel[at] -= sw;
        pan[at] -= sp;
        if (dx[at] == 0 && dy[at] == 0 && wheel[at] == 0 && pan[at] == 0) {
            head = index(1);
            size--;
        }
        return length;
    }

    /** Forgets everything queued. */
    public void clear() {
        head = 0;
        size = 0;
    }

    private int index(int i) {
        return (head + i) % CAPACITY;
    }

    private static int pending(int current, int add) {
        long sum = (long) current + add;
        return sum > MAX_PENDING ? MAX_PENDING : sum < -MAX_PENDING ? -MAX_PENDING : (int) sum;
    }
}
