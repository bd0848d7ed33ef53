package org.skvmoip.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.skvmoip.client.api.ClientException;
import org.skvmoip.client.api.ImageFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "snapshot", description = "Save a picture of a machine's screen; the format follows the file's"
        + " extension (.png, .jpg, .jpeg).")
final class SnapshotCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "MACHINE")
    String machine;

    @Parameters(index = "1", paramLabel = "FILE", description = "where to save it, or - for standard output")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "PNG or JPEG, whatever the file's name")
    ImageFormat format;

    @Override
    void run() throws ClientException {
        ImageFormat chosen = chooseFormat();
        byte[] picture = session().call(server -> server.snapshot(machine, chosen));
        if (file.equals("-")) {
            out().write(picture, 0, picture.length);
            out().flush();
            return;
        }
        try {
            Files.write(Path.of(file), picture);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot write " + file + ": " + e.getMessage());
        }
        skvm.context.err().println("skvm: saved the screen of " + machine + " in " + file + " (" + picture.length
                + " bytes)");
    }

    private ImageFormat chooseFormat() {
        if (format != null) {
            return format;
        }
        if (file.equals("-")) {
            return ImageFormat.PNG;
        }
        return ImageFormat.forFileName(file).orElseThrow(() -> new CliFailure(ExitCodes.USAGE,
                "cannot tell the picture format from '" + file + "': name it .png, .jpg or .jpeg, or give --format"));
    }
}
