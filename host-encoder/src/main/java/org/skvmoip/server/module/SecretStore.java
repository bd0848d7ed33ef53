package org.skvmoip.server.module;

import java.io.IOException;
import java.util.Optional;

/**
 * Where module secrets are kept between runs (the server's secrets file). The module links read a
 * machine's secret at start and write the new one when they adopt its module. Implementations
 * never log a secret or put one in an exception message.
 */
public interface SecretStore {

    /** The 32-byte secret of the machine's module; empty when the module was never adopted here. */
    Optional<byte[]> get(String machine);

    /** Stores (or replaces) the machine's secret durably before returning. */
    void put(String machine, byte[] secret) throws IOException;
}
