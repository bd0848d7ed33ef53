package org.skvmoip.client.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the clients keep what they remember between runs: the servers whose certificates the
 * user accepted ({@code known_servers}) and the command-line client's saved session ({@code token}).
 *
 * <p>{@code SKVM_CONFIG_DIR} when set; else {@code $XDG_CONFIG_HOME/skvmoip}; else
 * {@code %APPDATA%\skvmoip} on Windows; else {@code ~/.config/skvmoip}.
 */
public final class ConfigDirectory {

    public static final String ENV = "SKVM_CONFIG_DIR";
    public static final String KNOWN_SERVERS = "known_servers";
    public static final String TOKEN = "token";

    private ConfigDirectory() {
    }

    /** The directory, from the given environment (a map so tests and the UI can pass their own). */
    public static Path resolve(Map<String, String> env) {
        String explicit = env.get(ENV);
        if (present(explicit)) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (present(xdg)) {
            return Path.of(xdg, "skvmoip");
        }
        String appData = env.get("APPDATA");
        if (present(appData) && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(appData, "skvmoip");
        }
        return Path.of(System.getProperty("user.home"), ".config", "skvmoip");
    }

    /** The default directory for this process's own environment. */
    public static Path resolve() {
        return resolve(System.getenv());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
