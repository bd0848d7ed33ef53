package org.skvmoip.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.skvmoip.protocol.Protocol;

/**
 * The modules' secrets, kept apart from the inventory so the inventory can be shared, reviewed
 * and versioned: one line per machine, {@code web-01: "<32 bytes in base64>"}. The file must be
 * private to its owner (chmod 600): one that group or others may read is refused, because
 * whoever holds a module's secret can type on that machine and press its power button. Written
 * atomically, owner-only. Secrets never appear in messages or {@link #toString()}.
 */
public final class SecretsFile {

    private final Path file;
    private final Map<String, byte[]> secrets;

    private SecretsFile(Path file, Map<String, byte[]> secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    /** Reads the file; a missing one is empty (the first adoption creates it). */
    public static SecretsFile load(Path file) throws IOException, ConfigException {
        Map<String, byte[]> secrets = new TreeMap<>();
        if (Files.exists(file)) {
            Optional<String> loose = PrivateFile.looseness(file);
            if (loose.isPresent()) {
                throw new ConfigException(file, 0, "", "group or others may access it (permissions " + loose.get()
                        + "); the module secrets must be private to the server's user: chmod 600 " + file);
            }
        }
        Optional<YamlMapping> root = YamlMapping.read(file);
        if (root.isPresent()) {
            for (String machine : root.get().keys()) {
                Optional<String> problem = Names.problem(machine);
                if (problem.isPresent()) {
                    throw root.get().error(machine, problem.get());
                }
                secrets.put(machine, decode(root.get(), machine));
            }
        }
        return new SecretsFile(file, secrets);
    }

    private static byte[] decode(YamlMapping root, String machine) throws ConfigException {
        String text = root.requiredString(machine);
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw root.error(machine, "the secret is not base64; re-adopt the module to replace it");
        }
        if (secret.length != Protocol.SECRET_LENGTH) {
            throw root.error(machine, "a secret has " + Protocol.SECRET_LENGTH + " bytes, this one " + secret.length
                    + "; re-adopt the module to replace it");
        }
        return secret;
    }

    public Path file() {
        return file;
    }

    /** A copy of the machine's secret; empty for a machine not adopted yet. */
    public synchronized Optional<byte[]> secret(String machine) {
        byte[] secret = secrets.get(machine);
        return secret == null ? Optional.empty() : Optional.of(secret.clone());
    }

    public synchronized Set<String> machines() {
        return Set.copyOf(secrets.keySet());
    }

    /** Stores (or replaces) the machine's secret; on disk before returning. */
    public synchronized void put(String machine, byte[] secret) throws IOException {
        Optional<String> problem = Names.problem(machine);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("machine name: " + problem.get());
        }
        if (secret.length != Protocol.SECRET_LENGTH) {
            throw new IllegalArgumentException("a module secret has " + Protocol.SECRET_LENGTH + " bytes, not "
                    + secret.length);
        }
        Map<String, byte[]> changed = new TreeMap<>(secrets);
        changed.put(machine, secret.clone());
        save(changed);
    }

    /** Forgets the machine's secret (a module factory-reset or removed). */
    public synchronized boolean remove(String machine) throws IOException {
        if (!secrets.containsKey(machine)) {
            return false;
        }
        Map<String, byte[]> changed = new TreeMap<>(secrets);
        changed.remove(machine);
        save(changed);
        return true;
    }

    private void save(Map<String, byte[]> changed) throws IOException {
        StringBuilder text = new StringBuilder("# SKVMOIP module secrets, written by the server when it adopts a module."
                + "\n# Whoever reads this file can control these machines: keep it private (chmod 600).\n");
        for (Map.Entry<String, byte[]> entry : changed.entrySet()) {
            text.append('"').append(entry.getKey()).append("\": \"")
                    .append(Base64.getEncoder().encodeToString(entry.getValue())).append("\"\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        PrivateFile.write(file, bytes);
        secrets.clear();
        secrets.putAll(changed);
    }

    @Override
    public synchronized String toString() {
        return "SecretsFile[" + file + ", machines " + secrets.keySet() + "]";
    }
}
