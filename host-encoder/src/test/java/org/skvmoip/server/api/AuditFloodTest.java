package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refused logins, however many, write a bounded number of audit lines, and none goes uncounted. */
class AuditFloodTest {

    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void refusedLoginsFromOneConnection_writeAFewLinesThatCountThemAll() throws Exception {
        int attempts = 0;
        for (int i = 0; i < 100; i++, attempts++) {
            int status = api.post("/api/login", null, "{\"user\":\"admin\",\"password\":\"guess" + i + "\"}").statusCode();
            assertThat(status).isIn(401, 429);
        }
        // More user names than one address has kinds of its own: the rest share a summary.
        for (int i = 0; i < 3 * RepeatedRefusals.KINDS_PER_ADDRESS; i++, attempts++) {
            api.post("/api/login", null, "{\"user\":\"user" + i + "\",\"password\":\"guess\"}");
        }
        api.server.close(); // writes the summaries still open

        List<String> lines = Files.readAllLines(api.dir.resolve("audit.log"), StandardCharsets.UTF_8);

        assertThat(lines.size()).as("audit lines for " + attempts + " refused logins")
                .isLessThanOrEqualTo(2 * RepeatedRefusals.KINDS_PER_ADDRESS + 4);
        long counted = 0;
        for (String line : lines) {
            JsonNode record = ApiFixture.json(line);
            assertThat(record.get("outcome").asText()).doesNotStartWith("ok");
            counted += record.has("count") ? record.get("count").asLong() : 1;
        }
        assertThat(counted).as("refusals the lines stand for").isEqualTo(attempts);
    }
}
