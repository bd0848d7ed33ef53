package org.skvmoip.client.cli;

import java.util.List;

import org.skvmoip.client.api.ClientException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "key", description = {"Press key combos on a machine, one after the other.",
    "Keys of a combo are pressed in order, held together and released together: ctrl+alt+delete, shift+f10, meta+r.",
    "Names: ctrl, shift, alt, meta (win), their l/r variants; a-z, 0-9, f1-f24, enter, esc, tab, space, delete,"
            + " insert, home, end, pageup, pagedown, up, down, left, right, printscreen, pause, capslock, numlock..."})
final class KeyCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "MACHINE")
    String machine;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMBO")
    List<String> combos;

    @Override
    void run() throws ClientException {
        session().call(server -> {
            for (String combo : combos) {
                out().println(machine + ": pressed " + server.keys(machine, combo));
            }
            return null;
        });
    }
}
