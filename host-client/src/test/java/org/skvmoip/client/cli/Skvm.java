package org.skvmoip.client.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code skvm} in this process as a script would run it: arguments, environment, stdin; no terminal. */
final class Skvm {

    private final Map<String, String> env = new HashMap<>();
    private final List<String> globalArgs = new ArrayList<>();
    private byte[] stdin = new byte[0];
    private Terminal terminal = Terminal.NONE;

    /** Every run keeps its config in {@code configDir}, never in the user's home. */
    Skvm(Path configDir) {
        env.put("SKVM_CONFIG_DIR", configDir.toString());
    }

    Skvm env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Skvm args(String... args) {
        globalArgs.addAll(List.of(args));
        return this;
    }

    /** A person at a terminal instead of a script. */
    Skvm terminal(Terminal person) {
        terminal = person;
        return this;
    }

    Skvm stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(globalArgs);
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = SkvmMain.run(all.toArray(String[]::new), new CliContext(Map.copyOf(env),
                    new ByteArrayInputStream(stdin), outStream, errStream, terminal));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    record Result(int code, String out, String err, byte[] outBytes) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }
}
