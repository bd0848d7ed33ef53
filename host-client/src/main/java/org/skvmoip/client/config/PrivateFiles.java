package org.skvmoip.client.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only their owner may read or write: a session token lets whoever reads it act as the
 * user, and a list of trusted certificates that others can edit protects nothing. Written to a
 * temporary file in the same directory and renamed over the old one, so a crash never leaves
 * half a file. On file systems without POSIX permissions (Windows) the files inherit their
 * directory's access list.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** Replaces the file's content; creates it (and missing directories) private to the owner. */
    public static void write(Path file, String content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        createDirectories(directory);
        Path temporary = posix(directory)
                ? Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Refuses a file that group or others may access, naming the fix; does nothing where the file
     * system has no POSIX permissions.
     */
    public static void requirePrivate(Path file, String what) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new IOException(file + ": group or others may access it (permissions "
                    + PosixFilePermissions.toString(permissions) + "); it holds " + what
                    + " and must be private to you: chmod 600 " + file);
        }
    }

    private static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (directory.getParent() != null) {
            createDirectories(directory.getParent());
        }
        FileAttribute<?>[] attributes = posix(directory.getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY)}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectory(directory, attributes);
        } catch (FileAlreadyExistsException e) {
            // Made meanwhile by another process: fine.
        }
    }

    private static boolean posix(Path directory) {
        return directory != null && Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
    }
}
