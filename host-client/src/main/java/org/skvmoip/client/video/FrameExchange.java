package org.skvmoip.client.video;

import java.util.ArrayDeque;

/**
 * Triple buffering between the decoder and the screen, newest picture wins: the decoder writes
 * one picture while the newest finished one waits and the screen copies a third. A finished
 * picture that is still waiting when the next one is finished is dropped (the screen lags) and
 * its buffer written again. No picture is allocated after the first three.
 */
final class FrameExchange {

    private final ArrayDeque<DecodedPicture> free = new ArrayDeque<>();
    private DecodedPicture ready;
    private long dropped;

    /** A buffer for the decoder to write into. */
    synchronized DecodedPicture forWriting() {
        DecodedPicture picture = free.poll();
        return picture != null ? picture : new DecodedPicture();
    }

    /** Offers a finished picture; returns the buffer for the decoder's next picture. */
    synchronized DecodedPicture publish(DecodedPicture written) {
        DecodedPicture next;
        if (ready != null) {
            dropped++;
            next = ready;
        } else {
            next = free.poll();
        }
        ready = written;
        return next != null ? next : new DecodedPicture();
    }

    /** The newest finished picture not yet taken, or null; hand it back when drawn. */
    synchronized DecodedPicture take() {
        DecodedPicture picture = ready;
        ready = null;
        return picture;
    }

    synchronized void giveBack(DecodedPicture picture) {
        free.add(picture);
    }

    /** Finished pictures replaced before the screen took them. */
    synchronized long dropped() {
        return dropped;
    }
}
