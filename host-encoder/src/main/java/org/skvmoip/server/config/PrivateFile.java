package org.skvmoip.server.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Files only their owner may read (the users file, module secrets, the generated private key):
 * written all at once, mode rw------- where the file system has POSIX permissions. On others
 * (Windows) the file inherits its directory's access list; keep the data directory private there.
 */
public final class PrivateFile {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFile() {
    }

    /**
     * Replaces the file's content through a temporary file in the same directory and a rename,
     * so a crash or a concurrent reader sees the old content or the new, never half of it.
     * Missing directories are created owner-only.
     */
    public static void write(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", ownerOnly(directory, OWNER_FILE));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer remaining = ByteBuffer.wrap(content);
                while (remaining.hasRemaining()) {
                    channel.write(remaining);
                }
                channel.force(true);
            }
            replace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A channel on an empty file that only serves to be locked ({@link FileChannel#lock()}),
     * created owner-only if missing. Never replaced as {@link #write} replaces files: a lock
     * holds on the file it was taken on.
     */
    public static FileChannel openLockFile(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        createDirectories(directory);
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                ownerOnly(directory, OWNER_FILE));
    }

    /** Creates the directory (and its parents) owner-only where it does not exist yet. */
    public static void createDirectories(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly(directory.toAbsolutePath().getRoot(), OWNER_DIRECTORY));
        }
    }

    /**
     * The file's permissions when they let group or others in ("rw-r--r--"); empty when they do
     * not, or when the file system has no POSIX permissions to check.
     */
    public static Optional<String> looseness(Path file) throws IOException {
        if (!posix(file)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        for (PosixFilePermission permission : permissions) {
            if (GROUP_OR_OTHER.contains(permission)) {
                return Optional.of(PosixFilePermissions.toString(permissions));
            }
        }
        return Optional.empty();
    }

    /**
     * What identifies one content of the file, to notice that another process replaced it: every
     * {@link #write} renames a new file into place, so the file key (the inode on Unix) changes
     * even when two writes share a timestamp. Equal to {@code List.of()} for a missing file.
     */
    public static Object version(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] ownerOnly(Path onFileSystemOf, Set<PosixFilePermission> permissions) {
        if (onFileSystemOf == null || !posix(onFileSystemOf)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    private static void replace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
