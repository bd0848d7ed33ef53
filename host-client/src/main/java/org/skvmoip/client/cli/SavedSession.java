package org.skvmoip.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.skvmoip.client.api.ServerAddress;
import org.skvmoip.client.api.Session;
import org.skvmoip.client.config.PrivateFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The session {@code skvm login} saves, so later commands need no password: the server, the user
 * and the token, in the config directory's {@code token} file, private to the user (whoever reads
 * the token acts as the user until the session ends). Only sent to the server it came from.
 */
record SavedSession(ServerAddress server, String user, String token, Instant expires) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SavedSession of(ServerAddress server, Session session) {
        return new SavedSession(server, session.user(), session.token(), session.expires());
    }

    /** The saved session, if any; refuses a file others may read. */
    static Optional<SavedSession> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        PrivateFiles.requirePrivate(file, "your session token");
        try {
            JsonNode node = JSON.readTree(text);
            return Optional.of(new SavedSession(ServerAddress.parse(node.path("server").asText()),
                    node.path("user").asText(), node.path("token").asText(), Instant.parse(node.path("expires").asText())));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(file + ": not a saved session (" + e.getMessage() + "); delete it and run skvm login",
                    e);
        }
    }

    void write(Path file) throws IOException {
        ObjectNode node = JSON.createObjectNode().put("server", server.toString()).put("user", user)
                .put("token", token).put("expires", expires.toString());
        PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    }

    /** Without the token. */
    @Override
    public String toString() {
        return "SavedSession[" + user + " at " + server + ", until " + expires + "]";
    }
}
