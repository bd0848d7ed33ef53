package org.skvmoip.client.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.skvmoip.client.api.ClientException;
import org.skvmoip.client.trust.Tls;
import org.skvmoip.client.trust.UnknownServerException;

import picocli.CommandLine;

/**
 * The {@code skvm} command: {@code java -cp "host-client/target/classes:host-client/target/lib/*"
 * org.skvmoip.client.cli.SkvmMain machines}. docs/cli.md describes it.
 */
public final class SkvmMain {

    private SkvmMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CliContext.system()));
    }

    /** Runs one command; answers its exit code ({@link ExitCodes}). */
    static int run(String[] args, CliContext context) {
        CommandLine commandLine = new CommandLine(new SkvmCommand(context))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(writer(context.out()))
                .setErr(writer(context.err()))
                .setExecutionExceptionHandler((failure, command, parsed) -> report(failure, context));
        everyCommand(commandLine, exitCodeHelp());
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, Charset.defaultCharset()), true);
    }

    /**
     * Every command's help lists the exit codes, and a bad option exits with 1 from every command
     * (picocli's own code for it is 2, which here means authentication).
     */
    private static void everyCommand(CommandLine command, Map<String, String> exitCodes) {
        command.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        command.getCommandSpec().usageMessage().exitCodeList(exitCodes);
        for (CommandLine sub : command.getSubcommands().values()) {
            everyCommand(sub, exitCodes);
        }
    }

    private static Map<String, String> exitCodeHelp() {
        Map<String, String> help = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            int colon = line.indexOf(':');
            help.put("  " + line.substring(0, colon), line.substring(colon + 1));
        }
        return help;
    }

    /** The one place failures become a line on stderr and an exit code. */
    private static int report(Exception failure, CliContext context) {
        if (failure instanceof CliFailure cli) {
            context.err().println("skvm: " + cli.getMessage());
            return cli.exitCode();
        }
        if (failure instanceof ClientException client) {
            context.err().println("skvm: " + client.getMessage());
            if (Tls.cause(client, UnknownServerException.class).isPresent()) {
                context.err().println("skvm: to trust it, run again with --accept-new (or at a terminal, to be asked),"
                        + " or give its certificate with --ca-cert FILE");
            }
            return ExitCodes.of(client);
        }
        context.err().println("skvm: internal error, please report it: " + failure);
        return ExitCodes.SERVER_ERROR;
    }
}
