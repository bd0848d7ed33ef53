package org.skvmoip.server.encode;

/** No H.264 encoder could be opened as asked; the message says which, why, and what to try. */
public final class EncoderUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public EncoderUnavailableException(String message) {
        super(message);
    }
}
