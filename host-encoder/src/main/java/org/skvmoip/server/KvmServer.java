package org.skvmoip.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.skvmoip.server.api.ApiBackends;
import org.skvmoip.server.api.ApiServer;
import org.skvmoip.server.api.ApiSettings;
import org.skvmoip.server.api.MetricsToken;
import org.skvmoip.server.auth.AuditLog;
import org.skvmoip.server.auth.LoginThrottle;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.Sessions;
import org.skvmoip.server.auth.UserStore;
import org.skvmoip.server.auth.totp.SecondFactors;
import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.Inventory;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.config.SecretsFile;
import org.skvmoip.server.config.ServerSettings;
import org.skvmoip.server.input.ControlSeats;
import org.skvmoip.server.input.KeyboardLayout;
import org.skvmoip.server.input.KeyboardLayouts;
import org.skvmoip.server.input.Typist;
import org.skvmoip.server.metrics.Metrics;
import org.skvmoip.server.module.ModuleLinks;
import org.skvmoip.server.module.SecretStore;
import org.skvmoip.server.power.PowerControl;
import org.skvmoip.server.stream.StreamStats;
import org.skvmoip.server.stream.VideoPipelines;
import org.skvmoip.server.tls.ServerCertificate;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The whole server, composed from one inventory: module links, video pipelines, users, TLS and
 * the API port. Owns every part and closes them in reverse order of start.
 */
public final class KvmServer implements AutoCloseable {

    private final Inventory inventory;
    private final ServerCertificate certificate;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final ApiServer api;
    private final ModuleLinks modules;
    private final VideoPipelines video;
    private final Metrics metrics = new Metrics();

    private KvmServer(Inventory inventory, ApiSettings apiSettings) throws IOException, ConfigException {
        this.inventory = inventory;
        boolean started = false;
        try {
            this.certificate = ServerCertificate.forServer(inventory.server());
            SecretsFile secretsFile = SecretsFile.load(inventory.server().secretsFile());
            UserStore users = UserStore.open(inventory.server().usersFile());
            AuditLog audit = own(new AuditLog(inventory.server().auditLog()));

            EventLoopGroup moduleLoops = new NioEventLoopGroup(1, new DefaultThreadFactory("module-links", true));
            owned.add(() -> moduleLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
            this.modules = own(new ModuleLinks(inventory.machines(), secretStore(secretsFile),
                    inventory.server().discoveryTargets(), moduleLoops).start());
            this.video = own(new VideoPipelines(inventory.machines()));

            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1,
                    new DefaultThreadFactory("input-power", true));
            owned.add(scheduler::shutdownNow);
            ControlSeats seats = new ControlSeats(modules::machine);
            registerMetrics();

            Sessions sessions = new Sessions();
            SecondFactors secondFactors = secondFactors(inventory.server(), sessions, scheduler);
            ApiBackends backends = new ApiBackends(inventory, video, modules, users, secondFactors,
                    inventory.server().requireSecondFactorForAdmins(), sessions, new LoginThrottle(), audit, new Typist(scheduler), seats, new PowerControl(scheduler),
                    layouts(), metrics::render,
                    Optional.of(MetricsToken.loadOrCreate(inventory.server().dataDir().resolve(MetricsToken.FILE))));
            this.api = own(ApiServer.start(apiSettings, certificate.serverContext(), backends));
            for (MachineConfig machine : inventory.machines()) {
                metrics.sample(Metrics.BYTES_SENT, machine.name(), () -> api.traffic().bytesSent(machine.name()));
            }
            started = true;
        } finally {
            if (!started) {
                close();
            }
        }
    }

    /** Starts the server the inventory describes, on the ports it names. */
    public static KvmServer start(Inventory inventory) throws IOException, ConfigException, InterruptedException {
        return new KvmServer(inventory, ApiSettings.of(inventory.server()));
    }

    /** Starts the server on the given API settings (tests and the demo: loopback, a free port). */
    public static KvmServer start(Inventory inventory, ApiSettings api) throws IOException, ConfigException {
        return new KvmServer(inventory, api);
    }

    /**
     * The second factors, checked every second for changes by the {@code users totp} command:
     * a user whose second factor was enrolled or reset loses their sessions.
     */
    private static SecondFactors secondFactors(ServerSettings settings, Sessions sessions,
            ScheduledExecutorService scheduler) throws IOException {
        SecondFactors secondFactors = SecondFactors.open(settings.secondFactorsFile(), new PasswordHasher(),
                Clock.systemUTC());
        // As after a password change: whoever logged in with the old factor (or none) logs in again.
        secondFactors.onChange(sessions::revokeAll);
        scheduler.scheduleWithFixedDelay(secondFactors::reloadIfChanged, 1, 1, TimeUnit.SECONDS);
        return secondFactors;
    }

    private void registerMetrics() {
        for (MachineConfig machine : inventory.machines()) {
            String name = machine.name();
            sampleStream(Metrics.ENCODE_FRAMES, name, StreamStats::framesEncoded);
            sampleStream(Metrics.ENCODE_SECONDS, name, s -> s.encodeNanosTotal() / 1e9);
            sampleStream(Metrics.ENCODE_FPS, name, StreamStats::encodeFps);
            sampleStream(Metrics.VIEWERS, name, StreamStats::viewers);
            sampleStream(Metrics.FRAMES_DROPPED, name, StreamStats::framesDropped);
            metrics.sample(Metrics.MODULE_ONLINE, name,
                    () -> modules.machine(name).map(m -> m.status().online() ? 1.0 : 0.0).orElse(0.0));
        }
    }

    private void sampleStream(String family, String machine, ToDoubleFunction<StreamStats> value) {
        metrics.sample(family, machine, () -> video.stats().stream().filter(s -> s.machine().equals(machine))
                .mapToDouble(value).sum());
    }

    private static Map<String, KeyboardLayout> layouts() {
        return KeyboardLayouts.names().stream()
                .collect(Collectors.toUnmodifiableMap(name -> name, KeyboardLayouts::forName));
    }

    private static SecretStore secretStore(SecretsFile file) {
        return new SecretStore() {
            @Override
            public Optional<byte[]> get(String machine) {
                return file.secret(machine);
            }

            @Override
            public void put(String machine, byte[] secret) throws IOException {
                file.put(machine, secret);
            }
        };
    }

    private <T extends AutoCloseable> T own(T part) {
        owned.add(part);
        return part;
    }

    public int port() {
        return api.port();
    }

    public String url() {
        return "https://" + hostForUrl(inventory.server().bind()) + ":" + port() + "/";
    }

    public ServerCertificate certificate() {
        return certificate;
    }

    public Path certificateFile() {
        return certificate.certificateFile();
    }

    public Inventory inventory() {
        return inventory;
    }

    public ModuleLinks modules() {
        return modules;
    }

    public VideoPipelines video() {
        return video;
    }

    public ApiServer api() {
        return api;
    }

    private static String hostForUrl(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            return "localhost";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                System.err.println("skvm-server: closing " + owned.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        owned.clear();
    }
}
