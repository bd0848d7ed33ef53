package org.skvmoip.server.auth.totp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.skvmoip.server.auth.PasswordHasher;
import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.Names;
import org.skvmoip.server.config.PrivateFile;
import org.skvmoip.server.config.YamlMapping;

/**
 * The users' second factors: a TOTP key, the last time step a code was accepted for, and the
 * slow hashes of the recovery codes not used yet. Kept in their own file (totp.yaml in
 * the data directory), apart from the users file: unlike a password, a TOTP key must be kept in
 * a form the server can compute codes from, so whoever reads this file can make codes. It is
 * owner-only (a file that group or others may read is refused, as the module secrets are) and
 * written atomically.
 *
 * <p>Both the {@code users totp} command and the server write it (the server: the last step and
 * the used recovery codes), so each change reads, edits and writes the file under a file lock.
 * A running server notices when the command changed it and tells its {@link #onChange}
 * listeners which users' second factor was enrolled or reset, so their tokens can be ended.
 * Keys never appear in messages or logs.
 */
public final class SecondFactors {

    /** RFC 4226 §4 (R6): a key shorter than 128 bits is refused when read. */
    private static final int MIN_KEY_BYTES = 16;
    /** File locks belong to the whole process: two stores of one process must not lock at once. */
    private static final Object PROCESS_LOCK = new Object();
    private static final System.Logger LOG = System.getLogger(SecondFactors.class.getName());

    /** What a second factor was accepted as. */
    public enum Check { CODE, RECOVERY_CODE, REFUSED }

    private record Entry(byte[] key, long lastStep, List<String> recovery) {
    }

    private final Path file;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Entry> entries;
    private volatile Object loadedVersion;

    private SecondFactors(Path file, PasswordHasher hasher, Clock clock) {
        this.file = file;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Loads the file, or starts empty when it does not exist yet; a loose or malformed file is refused. */
    public static SecondFactors open(Path file, PasswordHasher hasher, Clock clock) throws IOException {
        SecondFactors store = new SecondFactors(file, hasher, clock);
        synchronized (store) {
            store.load();
        }
        return store;
    }

    public Path file() {
        return file;
    }

    /**
     * Called with a user's name when the server sees that their second factor was enrolled,
     * replaced or reset by someone else (the {@code users totp} command), so the caller can end
     * that user's sessions. Not called for what this store itself changes at login.
     */
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    public boolean enrolled(String user) {
        reloadIfChanged();
        return user != null && entries.containsKey(user);
    }

    public int recoveryCodesLeft(String user) {
        reloadIfChanged();
        Entry entry = user == null ? null : entries.get(user);
        return entry == null ? 0 : entry.recovery.size();
    }

    /**
     * A new key and new recovery codes for the user, persisted before returning; the codes
     * exist in clear only in the returned value. Refused when the user has one already.
     */
    public Enrollment enroll(String user) throws IOException {
        Optional<String> problem = Names.problem(user);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("user name: " + problem.get());
        }
        byte[] key = new byte[Totp.KEY_BYTES];
        random.nextBytes(key);
        List<String> codes = RecoveryCodes.generate(random);
        List<String> hashes = hashAll(codes);
        change(all -> {
            if (all.containsKey(user)) {
                throw new IllegalArgumentException(user + " has a second factor already; to replace it: users totp reset "
                        + user + ", then users totp enroll " + user);
            }
            all.put(user, new Entry(key, 0, hashes));
            return true;
        });
        return new Enrollment(user, key.clone(), codes);
    }

    /** Removes the user's second factor; false when they had none. */
    public boolean reset(String user) throws IOException {
        return change(all -> all.remove(user) != null);
    }

    /**
     * Checks a TOTP code (a code is accepted once: its step and every earlier one are used up)
     * or a recovery code (removed once used). Costs one slow hash for a recovery code.
     */
    public Check check(String user, String otp) throws IOException {
        Optional<String> recoveryCode = RecoveryCodes.canonical(otp);
        if (!Totp.looksLikeCode(otp) && recoveryCode.isEmpty()) {
            return Check.REFUSED;
        }
        return change(all -> {
            Entry entry = all.get(user);
            if (entry == null) {
                return Check.REFUSED;
            }
            if (Totp.looksLikeCode(otp)) {
                OptionalLong step = Totp.matchingStep(entry.key, otp, clock.instant(), entry.lastStep);
                if (step.isEmpty()) {
                    return Check.REFUSED;
                }
                all.put(user, new Entry(entry.key, step.getAsLong(), entry.recovery));
                return Check.CODE;
            }
            int used = matchingRecoveryCode(recoveryCode.get(), entry.recovery);
            if (used < 0) {
                return Check.REFUSED;
            }
            List<String> left = new ArrayList<>(entry.recovery);
            left.remove(used);
            all.put(user, new Entry(entry.key, entry.lastStep, List.copyOf(left)));
            return Check.RECOVERY_CODE;
        });
    }

    /** One salt for all of a user's codes: a typed code costs one hash, compared with each. */
    private List<String> hashAll(List<String> codes) {
        List<String> hashes = new ArrayList<>(codes.size());
        String first = hasher.hash(codes.get(0).toCharArray());
        hashes.add(first);
        for (String code : codes.subList(1, codes.size())) {
            hashes.add(hasher.hashLike(code.toCharArray(), first));
        }
        return hashes;
    }

    private int matchingRecoveryCode(String code, List<String> hashes) {
        if (hashes.isEmpty()) {
            return -1;
        }
        byte[] typed = hasher.hashLike(code.toCharArray(), hashes.get(0)).getBytes(StandardCharsets.US_ASCII);
        int found = -1;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(typed, hashes.get(i).getBytes(StandardCharsets.US_ASCII)) && found < 0) {
                found = i;
            }
        }
        return found;
    }

    /** Reads, edits and writes the file under its lock; writes only when the edit returned non-false. */
    private <T> T change(Function<Map<String, Entry>, T> edit) throws IOException {
        synchronized (PROCESS_LOCK) {
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = PrivateFile.openLockFile(lockFile); FileLock lock = channel.lock()) {
                synchronized (this) {
                    load();
                    Map<String, Entry> changed = new TreeMap<>(entries);
                    T result = edit.apply(changed);
                    if (!Boolean.FALSE.equals(result) && !changed.equals(entries)) {
                        save(changed);
                    }
                    return result;
                }
            }
        }
    }

    /** Picks up what another process wrote; a file that cannot be read keeps what was loaded. */
    public void reloadIfChanged() {
        try {
            if (!PrivateFile.version(file).equals(loadedVersion)) {
                synchronized (this) {
                    load();
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Keeping the second factors loaded before: " + e.getMessage());
            try {
                loadedVersion = PrivateFile.version(file);
            } catch (IOException again) {
                loadedVersion = List.of();
            }
        }
    }

    private void load() throws IOException {
        Object version = PrivateFile.version(file);
        if (version.equals(loadedVersion)) {
            return;
        }
        if (Files.exists(file)) {
            Optional<String> loose = PrivateFile.looseness(file);
            if (loose.isPresent()) {
                throw new IOException(file + ": group or others may access it (permissions " + loose.get()
                        + "); it holds the users' TOTP keys and must be private to the server's user: chmod 600 " + file);
            }
        }
        Map<String, Entry> loaded = new TreeMap<>();
        try {
            Optional<YamlMapping> root = YamlMapping.read(file);
            if (root.isPresent()) {
                parse(root.get(), loaded);
            }
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, Entry> before = entries;
        entries = Collections.unmodifiableMap(loaded);
        loadedVersion = version;
        if (before != null) {
            tellChanged(before, loaded);
        }
    }

    private void tellChanged(Map<String, Entry> before, Map<String, Entry> after) {
        TreeMap<String, Entry> everyone = new TreeMap<>(before);
        everyone.putAll(after);
        for (String user : everyone.keySet()) {
            Entry old = before.get(user);
            Entry now = after.get(user);
            boolean sameKey = old != null && now != null && MessageDigest.isEqual(old.key, now.key);
            if (!sameKey) {
                for (Consumer<String> listener : listeners) {
                    try {
                        listener.accept(user);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "A listener failed on the second factor change of " + user, e);
                    }
                }
            }
        }
    }

    private static void parse(YamlMapping root, Map<String, Entry> into) throws ConfigException {
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
            byte[] key;
            try {
                key = Base32.decode(user.requiredString("key"));
            } catch (IllegalArgumentException e) {
                throw user.error("key", "the key is " + e.getMessage() + "; enrol the user again (users totp reset, enroll)");
            }
            if (key.length < MIN_KEY_BYTES) {
                throw user.error("key", "a key has at least " + MIN_KEY_BYTES + " bytes, this one " + key.length
                        + "; enrol the user again (users totp reset, enroll)");
            }
            long lastStep = user.integer("last-step", 0, Integer.MAX_VALUE, 0);
            List<String> recovery = user.has("recovery") ? user.strings("recovery") : List.of();
            for (String hash : recovery) {
                try {
                    PasswordHasher.checkWellFormed(hash);
                } catch (IllegalArgumentException e) {
                    throw user.error("recovery", e.getMessage());
                }
            }
            user.rejectUnknownKeys();
            into.put(name, new Entry(key, lastStep, List.copyOf(recovery)));
        }
    }

    private void save(Map<String, Entry> all) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# Second factors of the SKVMOIP server's users: TOTP keys (in base 32), the last step a code\n")
                .append("# was accepted for, hashes of the unused recovery codes. Written by `users totp` and the server.\n")
                .append(all.isEmpty() ? "users: {}\n" : "users:\n");
        for (Map.Entry<String, Entry> user : all.entrySet()) {
            Entry entry = user.getValue();
            // Names, base 32 and hashes hold no character that needs escaping inside double quotes.
            text.append("  \"").append(user.getKey()).append("\":\n")
                    .append("    key: \"").append(Base32.encode(entry.key)).append("\"\n")
                    .append("    last-step: ").append(entry.lastStep).append('\n')
                    .append("    recovery: [");
            for (int i = 0; i < entry.recovery.size(); i++) {
                text.append(i == 0 ? "" : ", ").append('"').append(entry.recovery.get(i)).append('"');
            }
            text.append("]\n");
        }
        PrivateFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        entries = Collections.unmodifiableMap(new TreeMap<>(all));
        loadedVersion = PrivateFile.version(file);
    }

    @Override
    public String toString() {
        return "SecondFactors[" + file + ", " + Objects.requireNonNullElse(entries, Map.of()).size() + " users]";
    }
}
