package org.skvmoip.server.module;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every machine's module link (one authenticated control session each, reconnecting with backoff),
 * discovery, and adoption.
 */
public interface ModuleService extends AutoCloseable {

    /** The machine's control, whether or not its link is up; empty for a machine without a module. */
    Optional<MachineControl> machine(String name);

    /** Broadcasts DISCOVER and collects every ANNOUNCE that arrives within {@code wait}. */
    List<DiscoveredModule> discover(Duration wait) throws IOException, InterruptedException;

    /**
     * Adopts the unadopted module at the machine's configured address: generates a secret, sends
     * it in the one-time adoption handshake, stores it in the secrets file (never logged), and
     * reconnects the machine's link with it. Completes with the module id.
     */
    CompletableFuture<String> adopt(String machine);

    @Override
    void close();
}
