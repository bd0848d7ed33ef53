package org.skvmoip.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SettableClock clock = new SettableClock();

    @TempDir
    Path dir;

    private List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(json.readTree(line));
        }
        return nodes;
    }

    @Test
    void eachActionIsOneJsonLineReadableAtOnce() throws IOException {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = new AuditLog(file, clock)) {
            log.record("alice", "10.0.0.5", "power-on", "web-01", "ok");

            List<JsonNode> lines = lines(file);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).toString()).isEqualTo("{\"time\":\"2025-03-01T10:00:00Z\",\"user\":\"alice\","
                    + "\"remote\":\"10.0.0.5\",\"action\":\"power-on\",\"machine\":\"web-01\",\"outcome\":\"ok\"}");
        }
    }

    @Test
    void hostileValuesStayInsideTheirField() throws IOException {
        Path file = dir.resolve("audit.log");
        String forged = "x\",\"outcome\":\"ok\"}\n{\"user\":\"root\\";
        try (AuditLog log = new AuditLog(file, clock)) {
            log.record(forged, "10.0.0.5", "login", null, "bad password");
        }

        List<JsonNode> lines = lines(file);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("user").asText()).isEqualTo(forged);
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("bad password");
        assertThat(lines.get(0).get("machine").isNull()).isTrue();
    }

    @Test
    void hugeValuesAreCut() throws IOException {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = new AuditLog(file, clock)) {
            log.record("u".repeat(100_000), "10.0.0.5", "login", null, "bad password");
        }

        assertThat(lines(file).get(0).get("user").asText()).hasSize(AuditLog.MAX_VALUE_LENGTH + 3);
    }

    @Test
    void aRestartAppendsAndTheFileIsOwnerOnly() throws IOException {
        Path file = dir.resolve("data/audit.log");
        try (AuditLog log = new AuditLog(file, clock)) {
            log.record("alice", "10.0.0.5", "login", null, "ok");
        }
        try (AuditLog log = new AuditLog(file, clock)) {
            log.record("alice", "10.0.0.5", "logout", null, "ok");
        }

        assertThat(lines(file)).extracting(n -> n.get("action").asText()).containsExactly("login", "logout");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void linesFromManyThreadsNeverMix() throws Exception {
        Path file = dir.resolve("audit.log");
        int threads = 8;
        int each = 500;
        try (AuditLog log = new AuditLog(file, clock)) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String user = "user" + t;
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        log.record(user, "10.0.0.5", "type-text", "web-01", "ok " + i);
                    }
                });
                writer.start();
                writers.add(writer);
            }
            for (Thread writer : writers) {
                writer.join();
            }
        }

        List<JsonNode> lines = lines(file);
        Set<String> distinct = new HashSet<>();
        lines.forEach(n -> distinct.add(n.get("user").asText() + "/" + n.get("outcome").asText()));
        assertThat(lines).hasSize(threads * each);
        assertThat(distinct).hasSize(threads * each);
    }
}
