package org.skvmoip.server.auth;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.Names;
import org.skvmoip.server.config.PrivateFile;
import org.skvmoip.server.config.YamlMapping;

/**
 * The users file: one slow salted hash per user (see PasswordHasher), written atomically with
 * owner-only permissions. Verifying an unknown user costs as much as a known one, so timing does
 * not tell which names exist.
 *
 * <p>The file is YAML, one entry per user, written by the {@code users} command:
 * <pre>
 * users:
 *   "alice":
 *     password: "pbkdf2-sha256$600000$&lt;salt&gt;$&lt;hash&gt;"
 * </pre>
 * A running server notices when the command changes the file and uses the new content from the
 * next login on; a file that cannot be read then keeps the users it had.
 */
public final class UserStore {

    private static final System.Logger LOG = System.getLogger(UserStore.class.getName());

    private final Path file;
    private final PasswordHasher hasher;
    private volatile Map<String, String> hashes;
    private volatile Object loadedVersion;
    private volatile String dummyHash;

    private UserStore(Path file, PasswordHasher hasher) {
        this.file = file;
        this.hasher = hasher;
    }

    /** Loads the file, or starts empty when it does not exist yet. */
    public static UserStore open(Path file) throws IOException {
        return open(file, new PasswordHasher());
    }

    /** As {@link #open(Path)}, making new hashes with this hasher (tests use a low iteration count). */
    public static UserStore open(Path file, PasswordHasher hasher) throws IOException {
        UserStore store = new UserStore(file, hasher);
        store.load();
        return store;
    }

    public Path file() {
        return file;
    }

    public boolean verify(String user, char[] password) {
        reloadIfChanged();
        String stored = user == null ? null : hashes.get(user);
        if (stored == null || password == null || password.length == 0) {
            hasher.verify(new char[] {'-'}, dummyHash());
            return false;
        }
        return hasher.verify(password, stored);
    }

    /** Adds the user or changes the password; persisted before returning. */
    public synchronized void setPassword(String user, char[] password) throws IOException {
        Optional<String> problem = Names.problem(user);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("user name: " + problem.get());
        }
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("the password is empty; an empty password is not allowed");
        }
        load();
        Map<String, String> changed = new TreeMap<>(hashes);
        changed.put(user, hasher.hash(password));
        save(changed);
    }

    public synchronized boolean remove(String user) throws IOException {
        load();
        if (user == null || !hashes.containsKey(user)) {
            return false;
        }
        Map<String, String> changed = new TreeMap<>(hashes);
        changed.remove(user);
        save(changed);
        return true;
    }

    public boolean exists(String user) {
        reloadIfChanged();
        return user != null && hashes.containsKey(user);
    }

    /** The user names, sorted. */
    public List<String> users() {
        reloadIfChanged();
        return List.copyOf(hashes.keySet());
    }

    private String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            // Made on first need with this hasher's count, so an unknown name costs what a known one does.
            char[] random = new char[24];
            SecureRandom source = new SecureRandom();
            for (int i = 0; i < random.length; i++) {
                random[i] = (char) ('a' + source.nextInt(26));
            }
            dummy = hasher.hash(random);
            dummyHash = dummy;
        }
        return dummy;
    }

    private void reloadIfChanged() {
        try {
            if (!version().equals(loadedVersion)) {
                synchronized (this) {
                    load();
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Keeping the users loaded before: " + e.getMessage());
            loadedVersion = versionOrMissing();
        }
    }

    private void load() throws IOException {
        Object version = version();
        Map<String, String> loaded = new TreeMap<>();
        try {
            Optional<YamlMapping> root = YamlMapping.read(file);
            if (root.isPresent()) {
                parse(root.get(), loaded);
            }
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        hashes = Collections.unmodifiableMap(loaded);
        loadedVersion = version;
    }

    private static void parse(YamlMapping root, Map<String, String> into) throws ConfigException {
        Optional<YamlMapping> users = root.mapping("users");
        root.rejectUnknownKeys();
        if (users.isEmpty()) {
            return;
        }
        for (String name : users.get().keys()) {
            Optional<String> problem = Names.problem(name);
            if (problem.isPresent()) {
                throw users.get().error(name, problem.get());
            }
            YamlMapping user = users.get().mapping(name).orElseThrow();
            String hash = user.requiredString("password");
            try {
                PasswordHasher.checkWellFormed(hash);
            } catch (IllegalArgumentException e) {
                throw user.error("password", e.getMessage());
            }
            user.rejectUnknownKeys();
            into.put(name, hash);
        }
    }

    private void save(Map<String, String> users) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# Users of the SKVMOIP server. Change them with the users command (docs/configuration.md).\n")
                .append("users:\n");
        for (Map.Entry<String, String> user : users.entrySet()) {
            // Names and hashes hold no character that needs escaping inside double quotes.
            text.append("  \"").append(user.getKey()).append("\":\n")
                    .append("    password: \"").append(user.getValue()).append("\"\n");
        }
        PrivateFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        hashes = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        loadedVersion = version();
    }

    /**
     * What identifies one content of the file: every save renames a new file into place, so
     * the file key (the inode on Unix) changes even when two saves share a timestamp.
     */
    private Object version() throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private Object versionOrMissing() {
        try {
            return version();
        } catch (IOException e) {
            return List.of();
        }
    }
}
