package org.skvmoip.bench.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.skvmoip.server.KvmServer;
import org.skvmoip.server.api.ApiSettings;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.UserStore;
import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.config.InventoryLoader;
import org.skvmoip.server.config.MachineConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real server on loopback, started as an operator starts it: an inventory file naming the
 * machines, a user made in the users file, {@link KvmServer} composed from them (TLS, API,
 * pipelines). Clients log in and watch over TLS WebSockets with the JDK's client.
 */
final class BenchServer implements AutoCloseable {

    private static final String USER = "bench";
    /** Loopback only, in a temporary directory deleted afterwards. */
    private static final String PASSWORD = "benchmark password of a throwaway server";

    private final Path dir;
    private final KvmServer server;
    private final HttpClient http;

    private BenchServer(Path dir, List<MachineConfig> machines) throws Exception {
        this.dir = dir;
        Path inventory = dir.resolve("rack.yaml");
        Files.writeString(inventory, inventoryYaml(machines));
        // The cheapest hash the store takes: logging in is not what is measured.
        UserStore.open(dir.resolve("data/users.yaml"), new PasswordHasher(PasswordHasher.MIN_ITERATIONS))
                .setPassword(USER, PASSWORD.toCharArray());
        this.server = KvmServer.start(InventoryLoader.load(inventory), ApiSettings.loopback());
        this.http = HttpClient.newBuilder().sslContext(Tls.trusting(server.certificateFile()))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static BenchServer start(List<MachineConfig> machines) throws Exception {
        Path dir = Files.createTempDirectory("skvm-bench-");
        try {
            return new BenchServer(dir, machines);
        } catch (Exception | Error e) {
            deleteTree(dir);
            throw e;
        }
    }

    private static String inventoryYaml(List<MachineConfig> machines) {
        StringBuilder yaml = new StringBuilder("server:\n  bind: 127.0.0.1\n  https-port: 0\n  data-dir: data\n")
                .append("machines:\n");
        for (MachineConfig machine : machines) {
            EncoderSettings encoder = machine.encoder();
            yaml.append("  - name: ").append(machine.name()).append('\n')
                    .append("    source: \"").append(machine.source()).append("\"\n")
                    .append("    input-format: ").append(machine.inputFormat()).append('\n')
                    .append("    fps: ").append(machine.fps()).append('\n')
                    .append("    encoder: {encoder: ").append(encoder.encoder())
                    .append(", bitrate-kbps: ").append(encoder.bitrateKbps())
                    .append(", gop-frames: ").append(encoder.gopFrames())
                    .append(", preset: ").append(encoder.preset()).append("}\n");
        }
        return yaml.toString();
    }

    /** Logs in; returns the session token. */
    String login() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/api/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the benchmark's login was refused: " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).get("token").asText();
    }

    URI videoUri(String machine) {
        return URI.create("wss://127.0.0.1:" + server.port() + "/api/machines/" + machine + "/video");
    }

    HttpClient http() {
        return http;
    }

    KvmServer server() {
        return server;
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
