package org.skvmoip.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryLoaderTest {

    @TempDir
    Path dir;

    private Inventory load(String text) throws IOException, ConfigException {
        Path file = dir.resolve("rack.yaml");
        Files.writeString(file, text);
        return InventoryLoader.load(file);
    }

    @Test
    void aMinimalInventoryGetsTheDefaults() throws Exception {
        Inventory inventory = load("""
                machines:
                  - name: web-01
                    source: /dev/video0
                """);

        ServerSettings server = inventory.server();
        assertThat(server.bind()).isEqualTo("0.0.0.0");
        assertThat(server.httpsPort()).isEqualTo(8443);
        assertThat(server.httpRedirectPort()).isEmpty();
        assertThat(server.dataDir()).isEqualTo(dir.resolve("skvm-data"));
        assertThat(server.secretsFile()).isEqualTo(dir.resolve("skvm-data/secrets.yaml"));
        assertThat(server.usersFile()).isEqualTo(dir.resolve("skvm-data/users.yaml"));
        assertThat(server.certificate()).isEmpty();
        assertThat(server.discoveryTargets()).containsExactly("255.255.255.255:7391");
        assertThat(server.encoderDefaults()).isEqualTo(EncoderSettings.DEFAULTS);
        assertThat(server.connectionsPerAddress()).isEqualTo(ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS);
        assertThat(load("server: {connections-per-address: 40}").server().connectionsPerAddress()).isEqualTo(40);
        assertThat(inventory.machines()).containsExactly(new MachineConfig("web-01", "/dev/video0", "", 0, 0, 30, "",
                Optional.empty(), EncoderSettings.DEFAULTS));
    }

    @Test
    void anEmptyFileIsAServerWithoutMachines() throws Exception {
        assertThat(load("").machines()).isEmpty();
        assertThat(load("# nothing yet\n").server().httpsPort()).isEqualTo(8443);
    }

    @Test
    void machineEncoderSettingsOverrideTheServersWhichOverrideTheBuiltIns() throws Exception {
        Inventory inventory = load("""
                server:
                  encoder: {bitrate-kbps: 6000, preset: veryfast}
                machines:
                  - name: a
                    source: /dev/video0
                  - name: b
                    source: /dev/video1
                    encoder: {encoder: h264_nvenc, gop-frames: 60}
                """);

        assertThat(inventory.machine("a").orElseThrow().encoder())
                .isEqualTo(new EncoderSettings("auto", 6000, 120, "veryfast"));
        assertThat(inventory.machine("b").orElseThrow().encoder())
                .isEqualTo(new EncoderSettings("h264_nvenc", 6000, 60, "veryfast"));
    }

    @Test
    void moduleAddressesTakeTheControlPortUnlessGiven() throws Exception {
        Inventory inventory = load("""
                machines:
                  - {name: a, source: x, module: 10.0.0.21}
                  - {name: b, source: x, module: "10.0.0.22:17390"}
                  - {name: c, source: x, module: kvm-c.example.test}
                  - {name: d, source: x, module: "[fd00::23]:7399"}
                  - {name: e, source: x, module: "fd00::24"}
                """);

        assertThat(inventory.machines()).extracting(m -> m.module().orElseThrow()).containsExactly(
                new ModuleAddress("10.0.0.21", 7390), new ModuleAddress("10.0.0.22", 17390),
                new ModuleAddress("kvm-c.example.test", 7390), new ModuleAddress("fd00::23", 7399),
                new ModuleAddress("fd00::24", 7390));
    }

    @Test
    void relativePathsAreTakenFromTheInventorysDirectory() throws Exception {
        Files.createDirectories(dir.resolve("tls"));
        Files.writeString(dir.resolve("tls/fullchain.pem"), "");
        Files.writeString(dir.resolve("tls/privkey.pem"), "");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path file = dir.resolve("conf/rack.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                server:
                  data-dir: ../state
                  certificate: ../tls/fullchain.pem
                  private-key: ../tls/privkey.pem
                  secrets-file: %s/secrets.yaml
                """.formatted(elsewhere));

        ServerSettings server = InventoryLoader.load(file).server();

        assertThat(server.dataDir()).isEqualTo(dir.resolve("state"));
        assertThat(server.certificate()).contains(dir.resolve("tls/fullchain.pem"));
        assertThat(server.privateKey()).contains(dir.resolve("tls/privkey.pem"));
        assertThat(server.secretsFile()).isEqualTo(elsewhere.resolve("secrets.yaml"));
    }

    @Test
    void discoveryTargetsTakeTheDiscoveryPortUnlessGiven() throws Exception {
        ServerSettings server = load("""
                server:
                  discovery: ["10.0.0.255", "10.0.1.255:17391"]
                """).server();

        assertThat(server.discoveryTargets()).containsExactly("10.0.0.255:7391", "10.0.1.255:17391");
        assertThat(load("server: {discovery: 10.0.2.255}").server().discoveryTargets())
                .containsExactly("10.0.2.255:7391");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> InventoryLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": no such file; docs/configuration.md has an example");
    }

    @Test
    void theCompleteExampleInTheDocumentationLoads() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        Matcher example = Pattern.compile("<!-- complete example -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL).matcher(docs);
        assertThat(example.find()).as("docs/configuration.md marks its complete example").isTrue();

        Inventory inventory = load(example.group(1));

        assertThat(inventory.machines()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(inventory.server().httpRedirectPort()).isPresent();
        assertThat(inventory.machines()).extracting(MachineConfig::name).doesNotHaveDuplicates();
        assertThat(inventory.machines()).anyMatch(m -> m.module().isEmpty());
        assertThat(inventory.machines()).anyMatch(m -> !m.encoder().equals(inventory.server().encoderDefaults()));
        assertThat(List.copyOf(inventory.machines())).allMatch(m -> m.fps() > 0);
    }

    @Test
    void groupsNameMachinesOfTheFile() throws Exception {
        Inventory inventory = load("""
                machines:
                  - name: web-01
                    source: /dev/video0
                  - name: db-01
                    source: /dev/video1
                groups:
                  lab: [web-01, db-01]
                  databases: db-01
                """);

        assertThat(inventory.groups()).containsOnlyKeys("lab", "databases");
        assertThat(inventory.groups().get("lab")).containsExactly("web-01", "db-01");
        assertThat(inventory.groups().get("databases")).containsExactly("db-01");
        assertThat(load("machines: []\n").groups()).isEmpty();
    }
}
