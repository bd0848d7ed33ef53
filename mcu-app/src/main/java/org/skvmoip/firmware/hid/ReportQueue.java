package org.skvmoip.firmware.hid;

/**
 * Input reports of one interface waiting for the host's next poll, oldest first, so a key that
 * goes down and up within one 1 ms frame is still seen pressed. Fixed capacity. While a host
 * polls, input waits for room ({@link UsbHid#canTakeInput}), so nothing is overwritten; only
 * while none does (suspended, not configured) is a full queue's newest entry overwritten: that
 * host then sees the latest state, never a stale one.
 */
final class ReportQueue {

    static final int CAPACITY = 8;
    static final int MAX_REPORT = 8;

    private final byte[] reports = new byte[CAPACITY * MAX_REPORT];
    private final int[] lengths = new int[CAPACITY];
    private int head;
    private int size;

    /** Appends a report (overwriting the newest when full). */
    void offer(byte[] report, int off, int len) {
        int at = size == CAPACITY ? index(size - 1) : index(size);
        if (size < CAPACITY) {
            size++;
        }
        System.arraycopy(report, off, reports, at * MAX_REPORT, len);
        lengths[at] = len;
    }

    /** Replaces the newest queued report; the queue must not be empty. */
    void replaceNewest(byte[] report, int off, int len) {
        int at = index(size - 1);
        System.arraycopy(report, off, reports, at * MAX_REPORT, len);
        lengths[at] = len;
    }

    /** Whether {@code count} more reports fit without overwriting one. */
    boolean hasRoomFor(int count) {
        return CAPACITY - size >= count;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Byte {@code i} of the newest queued report; the queue must not be empty. */
    int newestByte(int i) {
        return reports[index(size - 1) * MAX_REPORT + i] & 0xFF;
    }

    /** Copies the oldest report into {@code dst} without removing it; returns its length. */
    int peek(byte[] dst, int off) {
        int len = lengths[head];
        System.arraycopy(reports, head * MAX_REPORT, dst, off, len);
        return len;
    }

    void remove() {
        head = index(1);
        size--;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private int index(int i) {
        return (head + i) % CAPACITY;
    }
}
