package org.skvmoip.server.module;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets kept in memory, for tests; {@link #failWrites} makes it act like an unwritable secrets file. */
final class MemorySecretStore implements SecretStore {

    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    private volatile boolean failWrites;

    @Override
    public Optional<byte[]> get(String machine) {
        return Optional.ofNullable(secrets.get(machine)).map(byte[]::clone);
    }

    @Override
    public void put(String machine, byte[] secret) throws IOException {
        if (failWrites) {
            throw new IOException("secrets.yaml: read-only file system");
        }
        secrets.put(machine, secret.clone());
    }

    void failWrites() {
        failWrites = true;
    }
}
