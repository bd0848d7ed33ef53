package org.skvmoip.client.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a run of {@code skvm} reads and writes besides its arguments: the environment, standard
 * streams and the terminal, passed in so that tests run the command in-process.
 */
record CliContext(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Terminal terminal) {

    static CliContext system() {
        return new CliContext(System.getenv(), System.in, System.out, System.err, Terminal.system());
    }

    String env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
