package org.skvmoip.server.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The video side as the API sees it: one pipeline per machine (capture, encode once), started by
 * the first viewer and stopped when the last leaves, fanned out to viewers through bounded queues.
 */
public interface VideoService extends AutoCloseable {

    /**
     * Adds a viewer of {@code machine}. Starts the machine's pipeline when it is the first viewer
     * of that mode, and asks the encoder for an IDR picture so the viewer can start decoding at
     * once. The queue's first access unit is always a keyframe.
     *
     * @throws UnknownMachineException when no machine has that name
     */
    ViewerQueue subscribe(String machine, StreamMode mode);

    /** Removes a viewer; the last one out stops the pipeline. Idempotent. */
    void unsubscribe(ViewerQueue viewer);

    /**
     * A still picture of the machine's screen now (the "no signal" picture when there is none),
     * captured through the running pipeline or, when none runs, a short-lived capture.
     */
    byte[] snapshot(String machine, ImageFormat format, Duration timeout) throws IOException, InterruptedException;

    /** Every configured machine's pipeline state, in inventory order. */
    List<StreamStats> stats();

    /** Stops every pipeline and frees native memory. */
    @Override
    void close();
}
