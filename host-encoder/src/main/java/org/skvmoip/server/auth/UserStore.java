package org.skvmoip.server.auth;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.Names;
import org.skvmoip.server.config.PrivateFile;
import org.skvmoip.server.config.YamlMapping;

/**
 * The users file: per user a slow salted hash (see PasswordHasher), a role and grants, written
 * atomically with owner-only permissions. Verifying an unknown user costs as much as a known one,
 * so timing does not tell which names exist.
 *
 * <p>The file is YAML, one entry per user, written by the {@code users} command:
 * <pre>
 * users:
 *   "alice":
 *     password: "pbkdf2-sha256$600000$&lt;salt&gt;$&lt;hash&gt;"
 *     role: "operator"
 *     grants: ["web-01", "group:lab"]
 * </pre>
 * An entry without a role was written before roles existed, when every user could do
 * everything: it loads as an operator granted "*" (every machine), so an upgrade keeps everyone
 * watching and controlling what they did, and only adoption needs an admin made explicitly
 * (docs/configuration.md). A running server notices when the command changes the file (see
 * {@link #refresh()}) and tells its listeners which users changed; a file that cannot be read
 * then keeps the users it had.
 */
public final class UserStore {

    private static final System.Logger LOG = System.getLogger(UserStore.class.getName());

    private final Path file;
    private final PasswordHasher hasher;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Account> accounts = Map.of();
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

    /**
     * Called with the name of each user whose entry changed (password, role, grants) or went,
     * whether this store changed it or another process (the users command) changed the file.
     */
    public void onChange(Consumer<String> changedUser) {
        listeners.add(changedUser);
    }

    /** Reads the file again if it changed since it was last read; cheap when it did not (one stat). */
    public void refresh() {
        reloadIfChanged();
    }

    public boolean verify(String user, char[] password) {
        reloadIfChanged();
        Account account = user == null ? null : accounts.get(user);
        if (account == null || password == null || password.length == 0) {
            hasher.verify(new char[] {'-'}, dummyHash());
            return false;
        }
        return hasher.verify(password, account.passwordHash());
    }

    public Optional<Account> account(String user) {
        reloadIfChanged();
        return Optional.ofNullable(user == null ? null : accounts.get(user));
    }

    /**
     * The user as the file was last read, without looking at the file: for the event loops,
     * which must not wait on a disk. The server's watch ({@link #refresh()} every second) keeps it current.
     */
    public Optional<Account> loaded(String user) {
        return Optional.ofNullable(user == null ? null : accounts.get(user));
    }

    /** Every user, sorted by name. */
    public List<Account> accounts() {
        reloadIfChanged();
        return List.copyOf(accounts.values());
    }

    /** Adds a user; persisted before returning. */
    public synchronized Account add(String user, char[] password, Role role, List<String> grants) throws IOException {
        checkName(user);
        checkGrants(grants);
        load();
        if (accounts.containsKey(user)) {
            throw new IllegalArgumentException("user " + user + " exists already");
        }
        return put(new Account(user, hash(password), role, distinct(grants)));
    }

    /**
     * Changes the password, or adds the user as an operator granted every machine: what an entry
     * from before roles is (see the class comment). Persisted before returning.
     */
    public synchronized void setPassword(String user, char[] password) throws IOException {
        checkName(user);
        String hash = hash(password);
        load();
        Account before = accounts.get(user);
        put(before == null ? new Account(user, hash, Role.OPERATOR, List.of(Grant.EVERY_MACHINE))
                : new Account(user, hash, before.role(), before.grants()));
    }

    public synchronized Account setRole(String user, Role role) throws IOException {
        Account before = existing(user);
        return put(new Account(user, before.passwordHash(), role, before.grants()));
    }

    /** Adds grants the user does not have yet. */
    public synchronized Account grant(String user, List<String> grants) throws IOException {
        checkGrants(grants);
        Account before = existing(user);
        List<String> after = new ArrayList<>(before.grants());
        after.addAll(grants);
        return put(new Account(user, before.passwordHash(), before.role(), distinct(after)));
    }

    /** Removes the grants named; a grant the user does not have is ignored. */
    public synchronized Account revoke(String user, List<String> grants) throws IOException {
        Account before = existing(user);
        List<String> after = new ArrayList<>(before.grants());
        after.removeAll(grants);
        return put(new Account(user, before.passwordHash(), before.role(), after));
    }

    public synchronized boolean remove(String user) throws IOException {
        load();
        if (user == null || !accounts.containsKey(user)) {
            return false;
        }
        Map<String, Account> changed = new TreeMap<>(accounts);
        changed.remove(user);
        save(changed);
        return true;
    }

    public boolean exists(String user) {
        return account(user).isPresent();
    }

    /** The user names, sorted. */
    public List<String> users() {
        reloadIfChanged();
        return List.copyOf(accounts.keySet());
    }

    private Account existing(String user) throws IOException {
        load();
        Account account = user == null ? null : accounts.get(user);
        if (account == null) {
            throw new IllegalArgumentException("no user " + user + " in " + file);
        }
        return account;
    }

    private Account put(Account account) throws IOException {
        Map<String, Account> changed = new TreeMap<>(accounts);
        changed.put(account.name(), account);
        save(changed);
        return account;
    }

    private String hash(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("the password is empty; an empty password is not allowed");
        }
        return hasher.hash(password);
    }

    private static void checkName(String user) {
        Optional<String> problem = Names.problem(user);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("user name: " + problem.get());
        }
    }

    private static void checkGrants(Collection<String> grants) {
        for (String grant : grants) {
            Optional<String> problem = Grant.problem(grant);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("grant \"" + grant + "\": " + problem.get());
            }
        }
    }

    private static List<String> distinct(List<String> grants) {
        return List.copyOf(new LinkedHashSet<>(grants));
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
        if (version.equals(loadedVersion)) {
            return;
        }
        Map<String, Account> loaded = new TreeMap<>();
        try {
            Optional<YamlMapping> root = YamlMapping.read(file);
            if (root.isPresent()) {
                parse(root.get(), loaded);
            }
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        replace(loaded, version);
    }

    private static void parse(YamlMapping root, Map<String, Account> into) throws ConfigException {
        Optional<YamlMapping> users = root.mapping("users");
        root.rejectUnknownKeys();
        if (users.isEmpty()) {
            return;
        }
        List<String> withoutRole = new ArrayList<>();
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
            Optional<String> roleName = user.string("role");
            Role role;
            try {
                role = roleName.isPresent() ? Role.parse(roleName.get()) : Role.OPERATOR;
            } catch (IllegalArgumentException e) {
                throw user.error("role", e.getMessage());
            }
            List<String> grants = user.has("grants") || roleName.isPresent() ? user.strings("grants")
                    : List.of(Grant.EVERY_MACHINE);
            for (String grant : grants) {
                Optional<String> bad = Grant.problem(grant);
                if (bad.isPresent()) {
                    throw user.error("grants", "\"" + grant + "\": " + bad.get());
                }
            }
            user.rejectUnknownKeys();
            if (roleName.isEmpty()) {
                withoutRole.add(name);
            }
            into.put(name, new Account(name, hash, role, grants));
        }
        if (!withoutRole.isEmpty()) {
            LOG.log(Level.WARNING, "users without a role (written before roles): " + String.join(", ", withoutRole)
                    + " act as operators of every machine; give each one with: users role NAME admin|operator|viewer");
        }
    }

    private void save(Map<String, Account> users) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# Users of the SKVMOIP server. Change them with the users command (docs/configuration.md).\n")
                .append("users:\n");
        for (Account user : users.values()) {
            // Names, hashes, roles and grants hold no character that needs escaping inside double quotes.
            text.append("  \"").append(user.name()).append("\":\n")
                    .append("    password: \"").append(user.passwordHash()).append("\"\n")
                    .append("    role: \"").append(user.role().wireName()).append("\"\n")
                    .append("    grants: [");
            for (int i = 0; i < user.grants().size(); i++) {
                text.append(i == 0 ? "\"" : ", \"").append(user.grants().get(i)).append('"');
            }
            text.append("]\n");
        }
        PrivateFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        replace(users, version());
    }

    /** Takes the new content and tells the listeners whose entry differs from before. */
    private void replace(Map<String, Account> now, Object version) {
        Map<String, Account> before = accounts;
        accounts = Collections.unmodifiableMap(new TreeMap<>(now));
        boolean first = loadedVersion == null;
        loadedVersion = version;
        if (first) {
            return;
        }
        for (Map.Entry<String, Account> old : before.entrySet()) {
            if (!old.getValue().equals(now.get(old.getKey()))) {
                changed(old.getKey());
            }
        }
    }

    private void changed(String user) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(user);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "a listener of user changes failed for " + user, e);
            }
        }
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
