package org.skvmoip.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The server's own settings (the inventory's "server:" section).
 *
 * @param bind            address the HTTPS port listens on
 * @param httpsPort       the one API port (TLS); 0 picks a free one (tests)
 * @param httpRedirectPort a plaintext port that only redirects to HTTPS; empty: none
 * @param certificate     operator's PEM certificate chain; empty: a self-signed one generated in dataDir
 * @param privateKey      operator's PEM private key (with certificate)
 * @param dataDir         users file, secrets file, generated certificate, audit log
 * @param secretsFile     the module secrets file (default dataDir/secrets.yaml), mode 0600
 * @param discoveryTargets where discovery broadcasts go, "host:port" (default 255.255.255.255:7391)
 * @param encoderDefaults  encoding of machines that do not override it
 * @param requireSecondFactorForAdmins refuse the login of an admin who has no second factor enrolled
 * @param connectionsPerAddress API connections open at once from one address (IPv6: one /64)
 */
public record ServerSettings(String bind, int httpsPort, Optional<Integer> httpRedirectPort,
        Optional<Path> certificate, Optional<Path> privateKey, Path dataDir, Path secretsFile,
        List<String> discoveryTargets, EncoderSettings encoderDefaults, boolean requireSecondFactorForAdmins,
        int connectionsPerAddress) {

    public static final String SECOND_FACTORS_FILE = "totp.yaml";

    /**
     * The largest honest client from one address is a desktop client's wall: one thumbnail socket
     * per machine, plus a machine window's three sockets and its REST connection. 256 serves a
     * wall of 250 machines and keeps any one address to a quarter of the API's 1024 connections.
     */
    public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 256;

    public Path usersFile() {
        return dataDir.resolve("users.yaml");
    }

    /** The users' TOTP keys and recovery code hashes (auth.totp.SecondFactors), apart from the users file. */
    public Path secondFactorsFile() {
        return dataDir.resolve(SECOND_FACTORS_FILE);
    }

    public Path auditLog() {
        return dataDir.resolve("audit.log");
    }
}
