package org.skvmoip.server.config;

import java.nio.file.Path;

/**
 * A configuration file the server cannot use, with where and what: "inventory.yaml:12: machines[1].fps:
 * must be between 1 and 240, was 0".
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String field;

    public ConfigException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
