package org.skvmoip.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.skvmoip.client.api.ClientException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "type", description = {"Type text on a machine as key strokes.",
    "A newline in the text is Enter: skvm type web-01 --enter root, or printf 'root\\n' | skvm type web-01 -",
    "Text that starts with '-' goes after '--': skvm type web-01 -- -v"})
final class TypeCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "MACHINE")
    String machine;

    @Parameters(index = "1", paramLabel = "TEXT", description = "the text, or - to read it from standard input")
    String text;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "us",
            description = "the keyboard layout the machine's OS uses (default: ${DEFAULT-VALUE})")
    String layout;

    @Option(names = "--enter", description = "press Enter after the text")
    boolean enter;

    @Override
    void run() throws ClientException {
        String typed = (text.equals("-") ? standardInput() : text) + (enter ? "\n" : "");
        int count = session().call(server -> server.type(machine, typed, layout));
        out().println(machine + ": typed " + count + " characters");
    }

    private String standardInput() {
        if (skvm.passwordStdin) {
            throw new CliFailure(ExitCodes.USAGE, "the password and the text cannot both come from standard input;"
                    + " give the password in SKVM_PASSWORD or log in first");
        }
        try {
            return new String(skvm.context.in().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot read the text from standard input: " + e.getMessage());
        }
    }
}
