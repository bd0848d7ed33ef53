package org.skvmoip.server.module;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.skvmoip.protocol.Protocol;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.module.AdoptionException.Reason;

import io.netty.channel.EventLoopGroup;

/**
 * Every machine's {@link ModuleLink} (one per machine with a module address; a module without a
 * secret waits offline for adoption), discovery of modules on the LAN, and adoption.
 */
public final class ModuleLinks implements ModuleService {

    /** Where DISCOVER goes when the settings name no target: the LAN's broadcast address, port 7391. */
    public static final String DEFAULT_DISCOVERY_TARGET = ModuleDiscovery.DEFAULT_TARGET;

    private final Map<String, ModuleLink> links = new LinkedHashMap<>();
    private final Set<String> machines;
    private final SecretStore secrets;
    private final ModuleDiscovery discovery;
    private final SecureRandom random = new SecureRandom();

    /**
     * Links that do not connect until {@link #start()}.
     *
     * @param discoveryTargets "host:port" each; empty: {@link #DEFAULT_DISCOVERY_TARGET}
     * @param group            the event loops the links share (the caller shuts it down after {@link #close()})
     * @throws IllegalArgumentException for a malformed discovery target, naming it
     */
    public ModuleLinks(List<MachineConfig> inventory, SecretStore secrets, List<String> discoveryTargets,
            EventLoopGroup group) {
        this.secrets = secrets;
        this.machines = inventory.stream().map(MachineConfig::name).collect(Collectors.toUnmodifiableSet());
        List<String> targets = discoveryTargets.isEmpty() ? List.of(DEFAULT_DISCOVERY_TARGET) : discoveryTargets;
        this.discovery = new ModuleDiscovery(targets.stream().map(ModuleDiscovery::target).toList(), random);
        for (MachineConfig machine : inventory) {
            machine.module().ifPresent(address -> links.put(machine.name(),
                    new ModuleLink(machine.name(), address, secrets.get(machine.name()), group)));
        }
    }

    /** Every link starts connecting (those with a secret). */
    public ModuleLinks start() {
        links.values().forEach(ModuleLink::start);
        return this;
    }

    @Override
    public Optional<MachineControl> machine(String name) {
        return Optional.ofNullable(links.get(name));
    }

    /** The machine's link itself (its address and module id beside the control). */
    public Optional<ModuleLink> link(String name) {
        return Optional.ofNullable(links.get(name));
    }

    @Override
    public List<DiscoveredModule> discover(Duration wait) throws IOException, InterruptedException {
        return discovery.discover(wait);
    }

    /**
     * Adopts the machine's module with a new random secret; the secret is stored before the future
     * completes. Fails with an {@link AdoptionException} saying why.
     */
    @Override
    public CompletableFuture<String> adopt(String machine) {
        ModuleLink link = links.get(machine);
        if (link == null) {
            return CompletableFuture.failedFuture(new AdoptionException(Reason.NOT_CONFIGURED, machines.contains(machine)
                    ? "machine " + machine + " has no module address in the inventory; add one to adopt its module"
                    : "no machine named " + machine + " in the inventory"));
        }
        byte[] secret = new byte[Protocol.SECRET_LENGTH];
        random.nextBytes(secret);
        return link.adopt(secret).thenApplyAsync(moduleId -> {
            try {
                secrets.put(machine, secret);
                return moduleId;
            } catch (IOException e) {
                throw new CompletionException(new AdoptionException(Reason.NOT_SAVED, "module " + link.address()
                        + " (" + moduleId + ") took its new secret but the server could not store it (" + e.getMessage()
                        + "): the link works until the server restarts; fix the secrets file, then factory-reset the "
                        + "module and adopt it again", e));
            }
        }).whenComplete((moduleId, failure) -> Arrays.fill(secret, (byte) 0));
    }

    @Override
    public void close() {
        links.values().forEach(ModuleLink::close);
    }
}
