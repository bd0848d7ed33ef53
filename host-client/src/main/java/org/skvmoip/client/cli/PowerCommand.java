package org.skvmoip.client.cli;

import org.skvmoip.client.api.ClientException;
import org.skvmoip.client.api.PowerAction;
import org.skvmoip.client.api.PowerResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "power", description = {"Power a machine on or off, reset it, or press its power button.",
    "on/off/force-off act only when the power LED says they are needed; 'off' waits until the OS has shut down.",
    "click and long-click press the button whatever the LED."})
final class PowerCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "MACHINE")
    String machine;

    @Parameters(index = "1", paramLabel = "ACTION", converter = PowerActionConverter.class,
            description = "on, off, force-off, reset, click or long-click")
    PowerAction action;

    @Override
    void run() throws ClientException {
        PowerResult result = session().call(server -> server.power(machine, action));
        out().println(machine + ": " + result.message());
    }
}
