package org.skvmoip.client.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.skvmoip.client.api.ClientException;

import picocli.CommandLine.ParentCommand;

/** What every {@code skvm} subcommand shares: the global options and an authenticated connection. */
abstract class Subcommand implements Callable<Integer> {

    @ParentCommand
    SkvmCommand skvm;

    /** Does the command's work; failures are thrown (ClientException, CliFailure) and become exit codes. */
    abstract void run() throws ClientException;

    @Override
    public final Integer call() throws ClientException {
        run();
        return ExitCodes.OK;
    }

    CliSession session() {
        return new CliSession(skvm);
    }

    PrintStream out() {
        return skvm.context.out();
    }
}
