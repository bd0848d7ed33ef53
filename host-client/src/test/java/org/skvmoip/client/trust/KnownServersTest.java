package org.skvmoip.client.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownServersTest {

    private static final String A = "AB:".repeat(31) + "AB";
    private static final String B = "CD:".repeat(31) + "CD";

    @TempDir
    Path dir;

    @Test
    void aPinnedServerIsFoundByItsAddressAndPort() throws Exception {
        KnownServers known = new KnownServers(dir.resolve("cfg/known_servers"));

        known.pin("kvm.example:8443", A);

        assertThat(known.fingerprint("kvm.example:8443")).hasValue(A);
        assertThat(known.fingerprint("kvm.example:9443")).isEmpty();
    }

    @Test
    void theFileAndTheDirectoryItMadeAreTheOwnersOnly() throws Exception {
        Path file = dir.resolve("cfg/known_servers");

        new KnownServers(file).pin("kvm.example:8443", A);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aNewPinReplacesTheOldOneAndKeepsWhatThePersonWrote() throws Exception {
        Path file = dir.resolve("known_servers");
        Files.writeString(file, "# my rack\nother:8443 " + B.toLowerCase() + "\nkvm.example:8443 " + B + "\n");
        KnownServers known = new KnownServers(file);

        known.pin("kvm.example:8443", A.replace(":", ""));

        assertThat(Files.readString(file)).isEqualTo("# my rack\nother:8443 " + B.toLowerCase()
                + "\nkvm.example:8443 key-sha256 " + A + "\n");
        assertThat(known.fingerprint("other:8443")).hasValue(B);
    }

    @Test
    void linesOfAnOlderFilePinCertificates_newLinesPinKeys() throws Exception {
        Path file = dir.resolve("known_servers");
        Files.writeString(file, "old:8443 " + B + "\n");
        KnownServers known = new KnownServers(file);

        known.pin("new:8443", A);

        assertThat(known.pinned("old:8443")).hasValue(new KnownServers.Pin(B, false));
        assertThat(known.pinned("new:8443")).hasValue(new KnownServers.Pin(A, true));
    }

    @Test
    void aMalformedLineIsAnErrorNamingTheFileAndLine() throws Exception {
        Path file = dir.resolve("known_servers");
        Files.writeString(file, "# comment\n\nkvm.example:8443 not-a-fingerprint\n");

        assertThatThrownBy(() -> new KnownServers(file).fingerprint("kvm.example:8443"))
                .hasMessageStartingWith(file + ":3: not a SHA-256 fingerprint");
    }
}
