package org.skvmoip.server.stream;

/** A request named a machine the inventory does not have. */
public final class UnknownMachineException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownMachineException(String machine) {
        super("no machine named '" + machine + "' in the inventory");
    }
}
