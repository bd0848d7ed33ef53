package org.skvmoip.server.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.skvmoip.server.module.DiscoveredModule;
import org.skvmoip.server.module.MachineControl;
import org.skvmoip.server.module.ModuleService;

/** Module links of our own interface for API tests; discovery waits until the test lets it answer. */
final class FakeModuleService implements ModuleService {

    static final DiscoveredModule FOUND = new DiscoveredModule("0123456789abcdef01234567", "10.0.0.9", 7390, 1, false);

    private final Map<String, FakeMachineControl> controls;
    final CountDownLatch discoveryStarted = new CountDownLatch(1);
    final CountDownLatch discoveryMayAnswer = new CountDownLatch(1);

    FakeModuleService(Map<String, FakeMachineControl> controls) {
        this.controls = controls;
    }

    FakeMachineControl control(String machine) {
        return controls.get(machine);
    }

    @Override
    public Optional<MachineControl> machine(String name) {
        return Optional.ofNullable(controls.get(name));
    }

    @Override
    public List<DiscoveredModule> discover(Duration wait) throws InterruptedException {
        discoveryStarted.countDown();
        discoveryMayAnswer.await();
        return List.of(FOUND);
    }

    @Override
    public CompletableFuture<String> adopt(String machine) {
        return CompletableFuture.completedFuture("0123456789abcdef01234567");
    }

    @Override
    public void close() {
    }
}
