package org.skvmoip.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsFileTest {

    @TempDir
    Path dir;

    private static byte[] secret(int seed) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) seed);
        secret[0] = 1;
        return secret;
    }

    @Test
    void aMissingFileHoldsNoSecrets() throws Exception {
        SecretsFile secrets = SecretsFile.load(dir.resolve("secrets.yaml"));

        assertThat(secrets.secret("web-01")).isEmpty();
        assertThat(secrets.machines()).isEmpty();
    }

    @Test
    void aStoredSecretIsThereAfterARestartInAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("data/secrets.yaml");
        SecretsFile.load(file).put("web-01", secret(7));

        SecretsFile reloaded = SecretsFile.load(file);

        assertThat(reloaded.secret("web-01")).hasValueSatisfying(s -> assertThat(s).isEqualTo(secret(7)));
        assertThat(reloaded.machines()).containsExactly("web-01");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void callersGetCopiesThatCannotChangeTheStoredSecret() throws Exception {
        SecretsFile secrets = SecretsFile.load(dir.resolve("secrets.yaml"));
        byte[] given = secret(7);
        secrets.put("web-01", given);
        given[5] = 99;
        secrets.secret("web-01").orElseThrow()[6] = 99;

        assertThat(secrets.secret("web-01").orElseThrow()).isEqualTo(secret(7));
    }

    @Test
    void replacingAndRemovingAreWrittenThrough() throws Exception {
        Path file = dir.resolve("secrets.yaml");
        SecretsFile secrets = SecretsFile.load(file);
        secrets.put("web-01", secret(1));
        secrets.put("web-02", secret(2));
        secrets.put("web-01", secret(3));
        assertThat(secrets.remove("web-02")).isTrue();
        assertThat(secrets.remove("web-02")).isFalse();

        SecretsFile reloaded = SecretsFile.load(file);
        assertThat(reloaded.machines()).containsExactly("web-01");
        assertThat(reloaded.secret("web-01").orElseThrow()).isEqualTo(secret(3));
    }

    @Test
    void aFileOthersMayReadIsRefusedWithTheFix() throws Exception {
        Path file = dir.resolve("secrets.yaml");
        SecretsFile.load(file).put("web-01", secret(7));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SecretsFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": group or others may access it (permissions rw-r--r--); the module secrets must be"
                        + " private to the server's user: chmod 600 " + file);
    }

    @Test
    void aSecretOfTheWrongLengthIsRefusedWithoutShowingIt() throws Exception {
        Path file = dir.resolve("secrets.yaml");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        Files.writeString(file, "web-01: \"" + Base64.getEncoder().encodeToString(secret(1)) + "\"\nweb-02: \"" + short16
                + "\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> SecretsFile.load(file))
                .hasMessage(file + ":2: web-02: a secret has 32 bytes, this one 16; re-adopt the module to replace it")
                .hasMessageNotContaining(short16);
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutShowingIt() throws Exception {
        Path file = dir.resolve("secrets.yaml");
        Files.writeString(file, "web-01: \"hunter2!hunter2!\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> SecretsFile.load(file))
                .hasMessage(file + ":1: web-01: the secret is not base64; re-adopt the module to replace it");
    }

    @Test
    void aSecretWrittenAsAListIsRefusedWithoutShowingIt() throws Exception {
        Path file = dir.resolve("secrets.yaml");
        Files.writeString(file, "- web-01: \"hunter2\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> SecretsFile.load(file)).hasMessageNotContaining("hunter2");
    }

    @Test
    void toStringNamesMachinesNotSecrets() throws Exception {
        SecretsFile secrets = SecretsFile.load(dir.resolve("secrets.yaml"));
        secrets.put("web-01", secret(7));

        assertThat(secrets.toString()).contains("web-01")
                .doesNotContain(Base64.getEncoder().encodeToString(secret(7)));
    }

    @Test
    void badNamesAndLengthsAreRefusedOnPut() throws Exception {
        SecretsFile secrets = SecretsFile.load(dir.resolve("secrets.yaml"));

        assertThatThrownBy(() -> secrets.put("web 01", secret(1))).hasMessageContaining("machine name:");
        assertThatThrownBy(() -> secrets.put("web-01", new byte[31])).hasMessage("a module secret has 32 bytes, not 31");
        assertThat(dir.resolve("secrets.yaml")).doesNotExist();
    }
}
