package org.skvmoip.server.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.skvmoip.server.config.PrivateFile;

/**
 * Every action a user takes, one line each, appended and flushed: who, from where, what, on which
 * machine, and how it ended. Never a password, token or secret.
 *
 * <p>Each line is a JSON object (JSON Lines), e.g.
 * {@code {"time":"2025-01-31T09:12:03.501Z","user":"alice","remote":"10.0.0.5","action":"power-on","machine":"web-01","outcome":"ok"}};
 * absent values are {@code null}. A summary of repeated refusals (written by the API so that
 * they cannot fill the log) adds {@code "count"}, the refusals it stands for, and {@code "since"},
 * when the first of them happened; its outcome is the last one's. Values are cut at
 * {@value #MAX_VALUE_LENGTH} characters so a client sending a huge user name cannot bloat the
 * log. The file is created owner-only.
 */
public final class AuditLog implements AutoCloseable {

    public static final int MAX_VALUE_LENGTH = 256;

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final OutputStream out;
    private boolean closed;

    public AuditLog(Path file) throws IOException {
        this(file, Clock.systemUTC());
    }

    public AuditLog(Path file, Clock clock) throws IOException {
        this.clock = clock;
        PrivateFile.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                // Created meanwhile by another writer: append to it.
            }
        }
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Appends one line; throws UncheckedIOException when it cannot be written (disk full). */
    public void record(String user, String remoteAddress, String action, String machine, String outcome) {
        record(user, remoteAddress, action, machine, outcome, 0, null);
    }

    /**
     * Appends one line; with a {@code count} above 0, a summary of that many like refusals, the
     * first of them at {@code since}.
     */
    public void record(String user, String remoteAddress, String action, String machine, String outcome, int count,
            Instant since) {
        ObjectNode line = json.createObjectNode()
                .put("time", clock.instant().toString())
                .put("user", bounded(user))
                .put("remote", bounded(remoteAddress))
                .put("action", bounded(action))
                .put("machine", bounded(machine))
                .put("outcome", bounded(outcome));
        if (count > 0) {
            line.put("count", count).put("since", since.toString());
        }
        byte[] bytes;
        try {
            bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the audit log is closed");
            }
            try {
                // One write per line: lines of concurrent writers never interleave.
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the audit log: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bounded(String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "...";
    }
}
