package org.skvmoip.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.skvmoip.server.KvmServer;
import org.skvmoip.server.auth.Role;
import org.skvmoip.server.auth.UserStore;
import org.skvmoip.server.config.InventoryLoader;
import org.skvmoip.sim.SimulatedModule;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole system on one computer: a simulated rack (the real firmware on simulated hardware,
 * each machine's screen as a capture source), and the server, started from a generated inventory
 * with a fresh certificate and admin account, adopting every module as an operator would, and
 * the desktop client, logged in.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a simulated rack and the SKVMOIP server that serves it, on loopback.")
public final class DemoMain implements Callable<Integer> {

    static final String ADMIN = "admin";

    @Option(names = "--machines", defaultValue = "4", description = "Machines in the rack (default: ${DEFAULT-VALUE}).")
    int machines;

    @Option(names = "--port", defaultValue = "8443", description = "The server's HTTPS port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--port-base", defaultValue = "20000",
            description = "Module i's chip port P is host port P + base + 100*i (default: ${DEFAULT-VALUE}).")
    int portBase;

    @Option(names = "--no-client", description = "Do not start the desktop client (the server and rack only).")
    boolean noClient;

    @Option(names = "--board", defaultValue = SimulatedModule.JAVA_BOARD,
            description = "The modules' board: java, or stm32 for the device's own C on register models "
                    + "(default: ${DEFAULT-VALUE}).")
    String board;

    @Option(names = "--fps", defaultValue = "15", description = "Frames per second of each screen (default: ${DEFAULT-VALUE}).")
    int fps;

    @Override
    public Integer call() throws Exception {
        if (machines < 1 || machines > 64) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--machines must be 1..64, was " + machines);
        }
        if (!board.equals(SimulatedModule.JAVA_BOARD) && !board.equals(SimulatedModule.STM32_BOARD)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--board must be "
                    + SimulatedModule.JAVA_BOARD + " or " + SimulatedModule.STM32_BOARD + ", was " + board);
        }
        List<SimulatedModule> rack = new ArrayList<>();
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    System.err.println("demo: stopping: " + e);
                }
            }
            stopped.countDown();
        }, "demo-stop"));

        for (int i = 0; i < machines; i++) {
            SimulatedModule module = new SimulatedModule(i, portBase + 100 * i, board).withVideo(fps).start();
            rack.add(module);
            running.add(module);
        }
        Path dir = Files.createTempDirectory("skvm-demo-");
        Path inventory = dir.resolve("rack.yaml");
        Files.writeString(inventory, inventoryYaml(rack));
        String password = randomPassword();
        UserStore.open(dir.resolve("data").resolve("users.yaml")).add(ADMIN, password.toCharArray(), Role.ADMIN, List.of());

        KvmServer server = KvmServer.start(InventoryLoader.load(inventory));
        running.add(server);
        for (int i = 0; i < machines; i++) {
            server.modules().adopt(name(i)).get(15, TimeUnit.SECONDS);
        }
        printWelcome(server, dir, password);
        if (!noClient) {
            startClient(server, password, running);
        }
        stopped.await();
        return 0;
    }

    /**
     * The desktop client in its own JVM (JavaFX owns its process's main thread and exit), logged
     * in as the demo's admin and trusting the demo's certificate; stopping the demo stops it.
     */
    private static void startClient(KvmServer server, String password, List<AutoCloseable> running)
            throws IOException {
        if (System.getenv("DISPLAY") == null && !System.getProperty("os.name").startsWith("Windows")
                && !System.getProperty("os.name").startsWith("Mac")) {
            System.out.println("No display (DISPLAY is not set): the desktop client is not started.");
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process client = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.skvmoip.client.ClientMain", "--server", server.url(), "--user", ADMIN, "--password-stdin",
                "--ca-cert", server.certificateFile().toString()).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (var stdin = client.getOutputStream()) {
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        running.add(() -> {
            client.destroy();
            client.waitFor(5, TimeUnit.SECONDS);
        });
        System.out.println("The desktop client is starting, logged in as " + ADMIN + "; closing it leaves the demo running.");
    }

    private String inventoryYaml(List<SimulatedModule> rack) {
        StringBuilder yaml = new StringBuilder()
                .append("# Written by ./demo: the simulated rack, served on loopback.\n")
                .append("server:\n  bind: 127.0.0.1\n  https-port: ").append(port).append("\n  data-dir: data\n")
                .append("machines:\n");
        for (SimulatedModule module : rack) {
            yaml.append("  - name: ").append(name(module.index())).append('\n')
                    .append("    source: ").append(module.videoUrl()).append('\n')
                    .append("    input-format: mpjpeg\n")
                    .append("    fps: ").append(fps).append('\n')
                    .append("    module: 127.0.0.1:").append(module.controlPort()).append('\n');
        }
        return yaml.toString();
    }

    static String name(int index) {
        return "machine-" + index;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void printWelcome(KvmServer server, Path dir, String password) {
        String url = server.url();
        String cert = server.certificateFile().toString();
        System.out.printf("%nSKVMOIP demo: %d simulated machines, adopted by the server at %s%n",
                server.inventory().machines().size(), url);
        System.out.printf("  user %s, password %s (a fresh account; the files are in %s)%n", ADMIN, password, dir);
        System.out.printf("  public key SHA-256 %s%n%n", server.certificate().sha256Fingerprint());
        System.out.printf("Try it (docs/api.md):%n");
        System.out.printf("  TOKEN=$(curl -s --cacert %s -d '{\"user\":\"%s\",\"password\":\"%s\"}' %sapi/login"
                + " | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')%n", cert, ADMIN, password, url);
        System.out.printf("  curl -s --cacert %s -H \"Authorization: Bearer $TOKEN\" %sapi/machines%n", cert, url);
        System.out.printf("  curl -s --cacert %s -H \"Authorization: Bearer $TOKEN\" -d '{\"action\":\"on\"}'"
                + " %sapi/machines/%s/power%n", cert, url, name(0));
        System.out.printf("  curl -s --cacert %s -H \"Authorization: Bearer $TOKEN\" -d '{\"text\":\"hello\\n\"}'"
                + " %sapi/machines/%s/type%n", cert, url, name(0));
        System.out.printf("  curl -s --cacert %s -H \"Authorization: Bearer $TOKEN\" -o screen.png"
                + " %sapi/machines/%s/snapshot%n", cert, url, name(0));
        System.out.printf("%nRunning; Ctrl-C stops the client, the server and the rack.%n");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoMain()).execute(args));
    }
}
