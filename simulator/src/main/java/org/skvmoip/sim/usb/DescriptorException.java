package org.skvmoip.sim.usb;

/** A descriptor the host model rejects, with where and what is wrong, as a USB analyser would say it. */
public final class DescriptorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DescriptorException(String message) {
        super(message);
    }
}
