package org.skvmoip.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {

    private static final PasswordHasher FAST = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @TempDir
    Path dir;

    private UserStore open() throws IOException {
        return UserStore.open(dir.resolve("users.yaml"), FAST);
    }

    @Test
    void aMissingFileIsAnEmptyStore() throws IOException {
        UserStore store = open();

        assertThat(store.users()).isEmpty();
        assertThat(store.verify("admin", "admin".toCharArray())).isFalse();
        assertThat(dir.resolve("users.yaml")).doesNotExist();
    }

    @Test
    void anEmptyFileHasNoUsersAndTakesNewOnes() throws IOException {
        Files.writeString(dir.resolve("users.yaml"), "");
        UserStore store = open();

        assertThat(store.users()).isEmpty();
        store.setPassword("alice", "pw".toCharArray());
        assertThat(open().verify("alice", "pw".toCharArray())).isTrue();
    }

    @Test
    void aPasswordSetIsKeptAcrossRestarts() throws IOException {
        open().setPassword("alice", "wonderland".toCharArray());

        UserStore reopened = open();

        assertThat(reopened.verify("alice", "wonderland".toCharArray())).isTrue();
        assertThat(reopened.verify("alice", "Wonderland".toCharArray())).isFalse();
        assertThat(reopened.verify("bob", "wonderland".toCharArray())).isFalse();
    }

    @Test
    void theFileIsOwnerOnlyAndHoldsHashesNotPasswords() throws IOException {
        open().setPassword("alice", "wonderland".toCharArray());
        Path file = dir.resolve("users.yaml");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("alice", "pbkdf2-sha256$1000$").doesNotContain("wonderland");
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void changingAPasswordReplacesTheOldOne() throws IOException {
        UserStore store = open();
        store.setPassword("alice", "first".toCharArray());
        store.setPassword("alice", "second".toCharArray());

        assertThat(store.verify("alice", "first".toCharArray())).isFalse();
        assertThat(store.verify("alice", "second".toCharArray())).isTrue();
        assertThat(store.users()).containsExactly("alice");
    }

    @Test
    void removedUsersCannotLogIn() throws IOException {
        UserStore store = open();
        store.setPassword("alice", "pw".toCharArray());
        store.setPassword("bob", "pw".toCharArray());

        assertThat(store.remove("alice")).isTrue();
        assertThat(store.remove("alice")).isFalse();
        assertThat(open().users()).containsExactly("bob");
        assertThat(store.verify("alice", "pw".toCharArray())).isFalse();
    }

    @Test
    void usersAreListedSorted() throws IOException {
        UserStore store = open();
        for (String name : new String[] {"zed", "alice", "Bob.ops", "ci_bot-2"}) {
            store.setPassword(name, "pw".toCharArray());
        }

        assertThat(store.users()).containsExactly("Bob.ops", "alice", "ci_bot-2", "zed");
    }

    @Test
    void badNamesAndEmptyPasswordsAreRefusedWithAReason() throws IOException {
        UserStore store = open();

        assertThatThrownBy(() -> store.setPassword("al ice", "pw".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters A-Z a-z, digits");
        assertThatThrownBy(() -> store.setPassword("a".repeat(65), "pw".toCharArray()))
                .hasMessageContaining("at most 64 characters, this one has 65");
        assertThatThrownBy(() -> store.setPassword("", "pw".toCharArray())).hasMessageContaining("a name is needed");
        assertThatThrownBy(() -> store.setPassword("alice", new char[0])).hasMessageContaining("empty password");
        assertThat(store.users()).isEmpty();
    }

    @Test
    void anEmptyPasswordNeverVerifies() throws IOException {
        UserStore store = open();
        store.setPassword("alice", "pw".toCharArray());

        assertThat(store.verify("alice", new char[0])).isFalse();
        assertThat(store.verify(null, "pw".toCharArray())).isFalse();
    }

    @Test
    void aRunningServerSeesUsersTheCommandAdds() throws IOException {
        UserStore server = open();
        assertThat(server.verify("carol", "pw".toCharArray())).isFalse();

        open().setPassword("carol", "pw".toCharArray());

        assertThat(server.verify("carol", "pw".toCharArray())).isTrue();
    }

    @Test
    void aDamagedFileIsReportedWithFileAndLine() throws IOException {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, "users:\n  alice:\n    password: \"letmein\"\n", StandardCharsets.UTF_8);

        assertThatThrownBy(this::open).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ":3: users.alice.password: a password hash looks like")
                .hasMessageNotContaining("letmein");
    }

    @Test
    void aUserListedTwiceIsAnError() throws IOException {
        Path file = dir.resolve("users.yaml");
        String hash = FAST.hash("pw".toCharArray());
        Files.writeString(file, "users:\n  alice:\n    password: \"" + hash + "\"\n  alice:\n    password: \"" + hash + "\"\n");

        assertThatThrownBy(this::open).hasMessage(file + ":4: users.alice: appears twice (first on line 2)");
    }

    @Test
    void rolesAndGrantsAreKeptAcrossRestarts() throws IOException {
        open().add("vera", "pw".toCharArray(), Role.VIEWER, List.of("web-01", "group:lab"));

        Account vera = open().account("vera").orElseThrow();

        assertThat(vera.role()).isEqualTo(Role.VIEWER);
        assertThat(vera.grants()).containsExactly("web-01", "group:lab");
    }

    @Test
    void anEntryFromBeforeRolesIsAnOperatorOfEveryMachine() throws IOException {
        String hash = FAST.hash("pw".toCharArray());
        Files.writeString(dir.resolve("users.yaml"), "users:\n  alice:\n    password: \"" + hash + "\"\n");

        Account alice = open().account("alice").orElseThrow();

        assertThat(alice.role()).isEqualTo(Role.OPERATOR);
        assertThat(alice.grants()).containsExactly(Grant.EVERY_MACHINE);
    }

    @Test
    void aUserWithARoleAndNoGrantsKeysHasNoMachines() throws IOException {
        String hash = FAST.hash("pw".toCharArray());
        Files.writeString(dir.resolve("users.yaml"), "users:\n  otto:\n    password: \"" + hash + "\"\n    role: operator\n");

        assertThat(open().account("otto").orElseThrow().grants()).isEmpty();
    }

    @Test
    void grantsAndRevokesChangeOnlyWhatTheyName() throws IOException {
        UserStore store = open();
        store.add("otto", "pw".toCharArray(), Role.OPERATOR, List.of("web-01"));

        store.grant("otto", List.of("group:lab", "web-01", "db-01"));
        store.revoke("otto", List.of("web-01"));

        assertThat(open().account("otto").orElseThrow().grants()).containsExactly("group:lab", "db-01");
    }

    @Test
    void aBadRoleOrGrantInTheFileNamesItsLine() throws IOException {
        Path file = dir.resolve("users.yaml");
        String hash = FAST.hash("pw".toCharArray());
        Files.writeString(file, "users:\n  otto:\n    password: \"" + hash + "\"\n    role: root\n");
        assertThatThrownBy(this::open).hasMessage(file + ":4: users.otto.role: a role is admin, operator or viewer, was \"root\"");

        Files.writeString(file, "users:\n  otto:\n    password: \"" + hash + "\"\n    role: viewer\n    grants: [\"a b\"]\n");
        assertThatThrownBy(this::open).hasMessageStartingWith(file + ":5: users.otto.grants: \"a b\": a grant is a machine name");
    }

    @Test
    void aBadGrantIsRefusedBeforeAnythingIsWritten() throws IOException {
        UserStore store = open();
        store.add("otto", "pw".toCharArray(), Role.OPERATOR, List.of());

        assertThatThrownBy(() -> store.grant("otto", List.of("web-01", "group:"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group:");
        assertThat(open().account("otto").orElseThrow().grants()).isEmpty();
    }

    @Test
    void aRunningServerIsToldWhoseEntryAnotherProcessChanged() throws IOException {
        UserStore server = open();
        server.add("alice", "pw".toCharArray(), Role.ADMIN, List.of());
        server.add("bob", "pw".toCharArray(), Role.OPERATOR, List.of("m1"));
        server.add("carol", "pw".toCharArray(), Role.VIEWER, List.of("m1"));
        List<String> changed = new ArrayList<>();
        server.onChange(changed::add);

        UserStore command = open();
        command.setPassword("alice", "new".toCharArray());
        command.grant("bob", List.of("m2"));
        command.remove("carol");
        command.add("dave", "pw".toCharArray(), Role.VIEWER, List.of());
        server.refresh();

        assertThat(changed).containsExactlyInAnyOrder("alice", "bob", "carol");
    }

    @Test
    void refreshingAnUnchangedFileTellsNobody() throws IOException {
        UserStore server = open();
        server.add("alice", "pw".toCharArray(), Role.ADMIN, List.of());
        List<String> changed = new ArrayList<>();
        server.onChange(changed::add);

        server.refresh();
        server.refresh();

        assertThat(changed).isEmpty();
    }
}
