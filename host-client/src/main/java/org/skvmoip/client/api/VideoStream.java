package org.skvmoip.client.api;

import java.nio.ByteBuffer;

/**
 * A machine's video socket: each H.264 access unit, header parsed, handed to a listener. The
 * first frame is a keyframe. The listener runs on the socket's thread, one frame at a time; the
 * next frame is read only when it returns, so a listener that cannot keep up makes the server
 * drop frames up to the next keyframe (a gap in {@link VideoFrame#sequence()}) rather than delay them.
 */
public final class VideoStream implements AutoCloseable {

    /** The largest access unit accepted: far above a 4K keyframe at the server's bitrates. */
    static final int MAX_MESSAGE_BYTES = 32 << 20;

    /** Receives the frames of one video socket. */
    public interface Listener extends SocketListener {
        void onFrame(VideoFrame frame);
    }

    private final Assembler assembler;

    private VideoStream(Assembler assembler) {
        this.assembler = assembler;
    }

    static VideoStream open(ServerConnection connection, String machine, VideoMode mode, Listener listener)
            throws ClientException {
        Assembler assembler = new Assembler(listener);
        String query = mode == VideoMode.THUMBNAIL ? "?mode=thumbnail" : "";
        assembler.attach(connection.openSocket(ServerConnection.machinePath(machine, "/video") + query, assembler));
        return new VideoStream(assembler);
    }

    /** Stops watching. */
    @Override
    public void close() {
        assembler.close();
    }

    private static final class Assembler extends MessageAssembler {
        private final Listener listener;

        Assembler(Listener listener) {
            super(MAX_MESSAGE_BYTES, listener);
            this.listener = listener;
        }

        @Override
        void binary(ByteBuffer message) {
            listener.onFrame(VideoFrame.parse(message));
        }
    }
}
