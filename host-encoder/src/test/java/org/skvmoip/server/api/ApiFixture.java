package org.skvmoip.server.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.skvmoip.server.auth.AuditLog;
import org.skvmoip.server.auth.Grant;
import org.skvmoip.server.auth.LoginThrottle;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.auth.Sessions;
import org.skvmoip.server.auth.UserStore;
import org.skvmoip.server.auth.totp.SecondFactors;
import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.config.Inventory;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.config.ModuleAddress;
import org.skvmoip.server.config.ServerSettings;
import org.skvmoip.server.input.ControlSeats;
import org.skvmoip.server.input.Typist;
import org.skvmoip.server.input.UsLayout;
import org.skvmoip.server.metrics.Metrics;
import org.skvmoip.server.power.PowerControl;

/**
 * The API server on a free loopback port with fakes of our own service interfaces behind it
 * (machines "m1" and "m2" with modules, "video-only" without; group "lab" of m2), the real auth
 * classes, and a real TLS client. Users: alice, an admin; bob, an operator of every machine.
 */
final class ApiFixture implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";
    static final String METRICS_TOKEN = "scraper-token-0123456789";

    final Path dir;
    final FakeVideoService video;
    final FakeModuleService modules;
    final AuditLog audit;
    final SecondFactors secondFactors;
    final Metrics metrics = new Metrics();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final ControlSeats seats;
    final UserStore users;
    final Sessions sessions;
    final ApiServer server;
    final HttpClient client;

    ApiFixture() throws Exception {
        this(ApiSettings.loopback().withRedirectPort(0));
    }

    ApiFixture(ApiSettings settings) throws Exception {
        this(settings, new Sessions(), false);
    }

    /** With sessions of the test's own, on a clock it moves. */
    ApiFixture(Sessions sessions) throws Exception {
        this(ApiSettings.loopback().withRedirectPort(0), sessions, false);
    }

    ApiFixture(ApiSettings settings, boolean requireSecondFactorForAdmins) throws Exception {
        this(settings, new Sessions(), requireSecondFactorForAdmins);
    }

    ApiFixture(ApiSettings settings, Sessions sessions, boolean requireSecondFactorForAdmins) throws Exception {
        this.sessions = sessions;
        dir = Files.createTempDirectory("api-test");
        video = new FakeVideoService(Set.of("m1", "m2", "video-only"));
        modules = new FakeModuleService(Map.of("m1", new FakeMachineControl("m1"), "m2", new FakeMachineControl("m2")));
        users = UserStore.open(dir.resolve("users.yaml"), new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
        users.add("alice", PASSWORD.toCharArray(), Role.ADMIN, List.of());
        users.add("bob", PASSWORD.toCharArray(), Role.OPERATOR, List.of(Grant.EVERY_MACHINE));
        audit = new AuditLog(dir.resolve("audit.log"));
        secondFactors = SecondFactors.open(dir.resolve(ServerSettings.SECOND_FACTORS_FILE),
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS), Clock.systemUTC());
        Inventory inventory = new Inventory(dir.resolve("inventory.yaml"), null, List.of(
                machine("m1", true), machine("m2", true), machine("video-only", false)), Map.of("lab", List.of("m2")));
        seats = new ControlSeats(modules::machine);
        ApiBackends backends = new ApiBackends(inventory, video, modules, users, secondFactors,
                requireSecondFactorForAdmins, sessions, new LoginThrottle(),
                audit, new Typist(scheduler), seats, new PowerControl(scheduler),
                Map.of(UsLayout.INSTANCE.name(), UsLayout.INSTANCE), metrics::render, Optional.of(MetricsToken.of(METRICS_TOKEN)));
        server = ApiServer.start(settings, TestTls.server(), backends);
        // As the server's composition does: the video sockets' bytes are the API's to count.
        for (MachineConfig machine : inventory.machines()) {
            metrics.sample(Metrics.BYTES_SENT, machine.name(), () -> server.traffic().bytesSent(machine.name()));
        }
        client = HttpClient.newBuilder().sslContext(TestTls.client()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static MachineConfig machine(String name, boolean module) {
        return new MachineConfig(name, "testsrc", "lavfi", 1024, 768, 60, "",
                module ? Optional.of(new ModuleAddress("127.0.0.1", 7390)) : Optional.empty(), EncoderSettings.DEFAULTS);
    }

    URI uri(String path) {
        return URI.create("https://localhost:" + server.port() + path);
    }

    URI wss(String path) {
        return URI.create("wss://localhost:" + server.port() + path);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET().build());
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String token, String json) {
        return client.sendAsync(request(path, token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path, String token) {
        return client.sendAsync(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Adds a user with the fixture's password. */
    void addUser(String name, Role role, String... grants) throws IOException {
        users.add(name, PASSWORD.toCharArray(), role, List.of(grants));
    }

    String login(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/login", null,
                "{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).get("token").asText();
    }

    WebSocket socket(String path, String token, WebSocket.Listener listener) throws Exception {
        return client.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(wss(path), listener).get(10, TimeUnit.SECONDS);
    }

    static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    /** The audit log's lines once {@code count} have been written (they are written on a thread of their own). */
    List<String> auditLines(int count) throws IOException, InterruptedException {
        Path file = dir.resolve("audit.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        server.close();
        scheduler.shutdownNow();
        audit.close();
        video.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
