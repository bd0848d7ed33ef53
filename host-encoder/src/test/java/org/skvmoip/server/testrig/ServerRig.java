package org.skvmoip.server.testrig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.skvmoip.server.KvmServer;
import org.skvmoip.server.api.ApiSettings;
import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.auth.UserStore;
import org.skvmoip.server.config.InventoryLoader;
import org.skvmoip.server.config.SecretsFile;
import org.skvmoip.sim.SimulatedModule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A whole installation on loopback: simulated machines (real firmware, W5500 model, USB host,
 * virtual target with its screen as MJPEG), an inventory file written as an operator would, a
 * user (an operator of every machine) made with the users file, and the real server started from it. The client side is the
 * JDK's own HTTP and WebSocket client over TLS, trusting only the server's generated certificate.
 *
 * <p>Shared with other modules' tests (host-client) through host-encoder's test-jar.
 */
public final class ServerRig implements AutoCloseable {

    public static final String USER = "operator";
    public static final String PASSWORD = "correct horse battery staple";
    /** Chip port + offset: control ports 29390, 29490, ... stay below Linux's ephemeral range. */
    public static final int PORT_OFFSET_BASE = 22_000;
    /**
     * Modules on ephemeral ports: no clash with another rig running at the same time, but a module
     * whose link drops reopens on a new port the server does not know, so only for tests without drops.
     */
    public static final int EPHEMERAL_PORTS = -1;
    private static final int VIDEO_FPS = 15;

    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<SimulatedModule> modules = new ArrayList<>();
    public final Path dir;
    public final KvmServer server;
    public final HttpClient http;

    private ServerRig(Path dir, int machines, String videoOnlyMachines, int portOffsetBase, int httpsPort)
            throws Exception {
        this.dir = Files.createDirectories(dir);
        Path data = dir.resolve("data");
        StringBuilder yaml = new StringBuilder("server:\n  bind: 127.0.0.1\n  https-port: 0\n  data-dir: data\n")
                .append("  encoder: {encoder: libx264, bitrate-kbps: 2000, gop-frames: 60, preset: ultrafast}\n")
                .append("machines:\n");
        SecretsFile secrets = SecretsFile.load(data.resolve("secrets.yaml"));
        for (int i = 0; i < machines; i++) {
            byte[] secret = new byte[32];
            Arrays.fill(secret, (byte) (0x40 + i));
            SimulatedModule module = new SimulatedModule(i, portOffset(portOffsetBase, i)).adopt(secret)
                    .withVideo(VIDEO_FPS).start();
            modules.add(module);
            secrets.put(name(i), secret);
            yaml.append("  - name: ").append(name(i)).append('\n')
                    .append("    source: ").append(module.videoUrl()).append('\n')
                    .append("    input-format: mpjpeg\n")
                    .append("    fps: ").append(VIDEO_FPS).append('\n')
                    .append("    module: 127.0.0.1:").append(module.controlPort()).append('\n');
        }
        yaml.append(videoOnlyMachines);
        Path inventory = dir.resolve("rack.yaml");
        Files.writeString(inventory, yaml);
        // A cheap hash keeps the tests quick; the stored hash carries its own iteration count.
        UserStore.open(data.resolve("users.yaml"), new PasswordHasher(PasswordHasher.MIN_ITERATIONS))
                .setPassword(USER, PASSWORD.toCharArray());
        this.server = KvmServer.start(InventoryLoader.load(inventory), ApiSettings.loopback().withPort(httpsPort));
        this.http = HttpClient.newBuilder().sslContext(trusting(server.certificateFile()))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static ServerRig start(Path dir, int machines) throws Exception {
        return start(dir, machines, "");
    }

    /** With machines that have video only, given as inventory YAML list items. */
    public static ServerRig start(Path dir, int machines, String videoOnlyMachines) throws Exception {
        return new ServerRig(dir, machines, videoOnlyMachines, PORT_OFFSET_BASE, 0);
    }

    /** With groups of machines users can be granted, given as the inventory's {@code groups:} mapping's lines. */
    public static ServerRig startWithGroups(Path dir, int machines, String groups) throws Exception {
        // The groups section follows the machines list, where video-only machines would go.
        return new ServerRig(dir, machines, "groups:\n" + groups, PORT_OFFSET_BASE, 0);
    }

    /**
     * As {@link #start(Path, int, String)}, the modules' host ports at {@code portOffsetBase} (+100
     * per module; {@link #EPHEMERAL_PORTS} for free ones) and the API on {@code httpsPort} (0: free).
     */
    public static ServerRig start(Path dir, int machines, String videoOnlyMachines, int portOffsetBase, int httpsPort)
            throws Exception {
        return new ServerRig(dir, machines, videoOnlyMachines, portOffsetBase, httpsPort);
    }

    private static int portOffset(int base, int module) {
        return base < 0 ? EPHEMERAL_PORTS : base + 100 * module;
    }

    public static String name(int i) {
        return "sim-" + i;
    }

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.port() + path);
    }

    public URI wsUri(String path) {
        return URI.create("wss://127.0.0.1:" + server.port() + path);
    }

    /** The users file as the users command edits it, from outside the running server. */
    public UserStore users() throws IOException {
        return UserStore.open(dir.resolve("data/users.yaml"), new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
    }

    /** Adds a user with the rig's password. */
    public void addUser(String name, Role role, String... grants) throws IOException {
        users().add(name, PASSWORD.toCharArray(), role, List.of(grants));
    }

    public String login() throws IOException, InterruptedException {
        return login(USER);
    }

    public String login(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/login", null,
                "{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        if (response.statusCode() != 200) {
            throw new AssertionError("login refused: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).get("token").asText();
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    public static SSLContext trusting(Path certificatePem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificatePem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            trust.setCertificateEntry("skvm-server", certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (SimulatedModule module : modules) {
            module.close();
        }
    }
}
