package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTokenTest {

    @Test
    void theTokenIsMadeOnceOwnerOnly_thenReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(MetricsToken.FILE);

        MetricsToken made = MetricsToken.loadOrCreate(file);
        String written = Files.readString(file).strip();
        MetricsToken read = MetricsToken.loadOrCreate(file);

        assertThat(written).hasSizeGreaterThanOrEqualTo(43);
        assertThat(made.matches(written)).isTrue();
        assertThat(read.matches(written)).isTrue();
        assertThat(read.matches(written + "x")).isFalse();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(made.toString()).doesNotContain(written);
    }
}
