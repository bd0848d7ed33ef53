package org.skvmoip.client.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.skvmoip.client.config.PrivateFiles;

/**
 * The servers whose certificates the user has accepted, like SSH's {@code known_hosts}: one line
 * per server, {@code host:port} and the SHA-256 fingerprint of its certificate. Comments
 * ({@code #}) and blank lines are kept when a line is added. The file is read on every check, so
 * an edit (deleting the line of a server whose certificate was replaced) counts at once.
 */
public final class KnownServers {

    private static final String HEADER = "# SKVMOIP servers this user trusts: host:port and the SHA-256 fingerprint of"
            + " its certificate.\n# A line is added when you accept a server on first connection. Delete a server's"
            + " line to accept a new certificate.\n";

    private final Path file;

    public KnownServers(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The pinned fingerprint of {@code hostPort}, if the user accepted one. */
    public synchronized Optional<String> fingerprint(String hostPort) throws IOException {
        for (Entry entry : entries()) {
            if (entry.hostPort.equals(hostPort)) {
                return Optional.of(entry.fingerprint);
            }
        }
        return Optional.empty();
    }

    /** Pins {@code fingerprint} for {@code hostPort}, replacing an older pin of that server. */
    public synchronized void pin(String hostPort, String fingerprint) throws IOException {
        String pinned = Fingerprints.normalize(fingerprint);
        List<String> lines = lines();
        StringBuilder text = new StringBuilder(lines.isEmpty() ? HEADER : "");
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            Entry entry = parse(lines.get(i), i + 1);
            if (entry != null && entry.hostPort.equals(hostPort)) {
                if (!replaced) {
                    text.append(hostPort).append(' ').append(pinned).append('\n');
                }
                replaced = true;
            } else {
                text.append(lines.get(i)).append('\n');
            }
        }
        if (!replaced) {
            text.append(hostPort).append(' ').append(pinned).append('\n');
        }
        PrivateFiles.write(file, text.toString());
    }

    private List<Entry> entries() throws IOException {
        List<String> lines = lines();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Entry entry = parse(lines.get(i), i + 1);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private List<String> lines() throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** A malformed line fails the check: a pin file that cannot be read protects nothing. */
    private Entry parse(String line, int number) throws IOException {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        String[] fields = text.split("\\s+");
        try {
            if (fields.length != 2 || fields[0].lastIndexOf(':') <= 0) {
                throw new IllegalArgumentException("expected 'host:port FINGERPRINT', was '" + text + "'");
            }
            return new Entry(fields[0], Fingerprints.normalize(fields[1]));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ":" + number + ": " + e.getMessage() + "; correct or delete the line", e);
        }
    }

    private record Entry(String hostPort, String fingerprint) {
    }
}
