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
 * The servers whose keys the user has accepted, like SSH's {@code known_hosts}: one line per
 * server, {@code host:port key-sha256 FINGERPRINT}, the SHA-256 fingerprint of its certificate's
 * public key ({@link Fingerprints#sha256}). Comments ({@code #}) and blank lines are kept when a
 * line is added. The file is read on every check, so an edit (deleting the line of a server whose
 * key was replaced) counts at once.
 *
 * <p>Files written before the pin was the key's have {@code host:port FINGERPRINT} lines, the
 * fingerprint of the whole certificate. They are still read: such a pin is checked against the
 * certificate, and once it matches, its line is rewritten as the key's pin
 * ({@link PinningTrustManager}), so the server's later renewals pass as well.
 */
public final class KnownServers {

    /** The middle field of a line that pins a public key; lines without it pin a whole certificate. */
    static final String KEY_PIN = "key-sha256";
    private static final String HEADER = "# SKVMOIP servers this user trusts: host:port, key-sha256 and the SHA-256"
            + " fingerprint of its public key.\n# A line is added when you accept a server on first connection. Delete a"
            + " server's line to accept a new key.\n";

    private final Path file;

    public KnownServers(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * What the user accepted for a server.
     *
     * @param fingerprint "AB:12:..."
     * @param ofKey       true: of its public key; false: of a whole certificate (a line of an older file)
     */
    public record Pin(String fingerprint, boolean ofKey) {
    }

    /** The pin of {@code hostPort}, if the user accepted one. */
    public synchronized Optional<Pin> pinned(String hostPort) throws IOException {
        for (Entry entry : entries()) {
            if (entry.hostPort.equals(hostPort)) {
                return Optional.of(new Pin(entry.fingerprint, entry.ofKey));
            }
        }
        return Optional.empty();
    }

    /** The pinned fingerprint of {@code hostPort}, of whichever kind, if the user accepted one. */
    public Optional<String> fingerprint(String hostPort) throws IOException {
        return pinned(hostPort).map(Pin::fingerprint);
    }

    /** Pins the public key {@code fingerprint} for {@code hostPort}, replacing an older pin of that server. */
    public synchronized void pin(String hostPort, String fingerprint) throws IOException {
        String pinned = Fingerprints.normalize(fingerprint);
        List<String> lines = lines();
        StringBuilder text = new StringBuilder(lines.isEmpty() ? HEADER : "");
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            Entry entry = parse(lines.get(i), i + 1);
            if (entry != null && entry.hostPort.equals(hostPort)) {
                if (!replaced) {
                    text.append(hostPort).append(' ').append(KEY_PIN).append(' ').append(pinned).append('\n');
                }
                replaced = true;
            } else {
                text.append(lines.get(i)).append('\n');
            }
        }
        if (!replaced) {
            text.append(hostPort).append(' ').append(KEY_PIN).append(' ').append(pinned).append('\n');
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
            boolean ofKey = fields.length == 3 && fields[1].equals(KEY_PIN);
            if (!(ofKey || fields.length == 2) || fields[0].lastIndexOf(':') <= 0) {
                throw new IllegalArgumentException("expected 'host:port " + KEY_PIN + " FINGERPRINT', was '" + text + "'");
            }
            return new Entry(fields[0], Fingerprints.normalize(fields[fields.length - 1]), ofKey);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ":" + number + ": " + e.getMessage() + "; correct or delete the line", e);
        }
    }

    private record Entry(String hostPort, String fingerprint, boolean ofKey) {
    }
}
