package org.skvmoip.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UsersCommandTest {

    private static final PasswordHasher FAST = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        UsersCommand command = new UsersCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), FAST);
        CommandLine line = UsersCommand.commandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        String[] withDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDir, 0, args.length);
        withDir[args.length] = "--data-dir";
        withDir[args.length + 1] = dataDir.toString();
        return line.execute(withDir);
    }

    private UserStore store() throws IOException {
        return UserStore.open(dataDir.resolve("users.yaml"), FAST);
    }

    @Test
    void addedUsersCanLogInWithThePasswordFromStdin() throws IOException {
        int exit = run("s3cret pass\n", "add", "alice", "--password-stdin");

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("Added user alice");
        assertThat(store().verify("alice", "s3cret pass".toCharArray())).isTrue();
    }

    @Test
    void aWindowsLineEndIsNotPartOfThePassword() throws IOException {
        run("pw\r\n", "add", "alice", "--password-stdin");

        assertThat(store().verify("alice", "pw".toCharArray())).isTrue();
    }

    @Test
    void theDataDirMayComeBeforeTheSubcommand() throws IOException {
        UsersCommand command = new UsersCommand(new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8)), FAST);

        int exit = UsersCommand.commandLine(command).setOut(new PrintWriter(out, true))
                .execute("--data-dir", dataDir.toString(), "add", "bob", "--password-stdin");

        assertThat(exit).isZero();
        assertThat(store().users()).containsExactly("bob");
    }

    @Test
    void theDataDirCanComeFromTheServersInventory() throws IOException {
        Path inventory = dataDir.resolve("conf/rack.yaml");
        Files.createDirectories(inventory.getParent());
        Files.writeString(inventory, "server:\n  data-dir: ../state\n");
        UsersCommand command = new UsersCommand(new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8)), FAST);

        int exit = UsersCommand.commandLine(command).setOut(new PrintWriter(out, true))
                .execute("add", "carol", "--password-stdin", "--config", inventory.toString());

        assertThat(exit).isZero();
        assertThat(UserStore.open(dataDir.resolve("state/users.yaml"), FAST).users()).containsExactly("carol");
    }

    @Test
    void aBrokenInventoryIsReportedAsIs() throws IOException {
        Path inventory = dataDir.resolve("rack.yaml");
        Files.writeString(inventory, "server:\n  dat-dir: x\n");
        UsersCommand command = new UsersCommand(new ByteArrayInputStream(new byte[0]), FAST);

        int exit = UsersCommand.commandLine(command).setErr(new PrintWriter(err, true))
                .execute("list", "--config", inventory.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(inventory + ":2: server.dat-dir: unknown key; did you mean \"data-dir\"?");
    }

    @Test
    void addingAnExistingUserIsRefused() throws IOException {
        run("first\n", "add", "alice", "--password-stdin");

        int exit = run("second\n", "add", "alice", "--password-stdin");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("user alice exists already; change the password with: users passwd alice");
        assertThat(store().verify("alice", "first".toCharArray())).isTrue();
    }

    @Test
    void passwdChangesThePassword() throws IOException {
        run("first\n", "add", "alice", "--password-stdin");

        int exit = run("second\n", "passwd", "alice", "--password-stdin");

        assertThat(exit).isZero();
        assertThat(store().verify("alice", "second".toCharArray())).isTrue();
        assertThat(store().verify("alice", "first".toCharArray())).isFalse();
    }

    @Test
    void passwdOfAnUnknownUserIsRefused() {
        int exit = run("pw\n", "passwd", "nobody", "--password-stdin");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no user nobody in").contains("users add nobody");
    }

    @Test
    void removeAndList() throws IOException {
        run("pw\n", "add", "bob", "--password-stdin");
        run("pw\n", "add", "alice", "--password-stdin");
        out.getBuffer().setLength(0);

        assertThat(run("", "remove", "bob")).isZero();
        assertThat(run("", "list")).isZero();

        assertThat(out.toString()).isEqualTo("Removed user bob" + System.lineSeparator() + "alice\toperator\t-\t-"
                + System.lineSeparator());
        assertThat(run("", "remove", "bob")).isEqualTo(1);
        assertThat(err.toString()).contains("no user bob in");
    }

    @Test
    void anInvalidNameIsRefusedWithTheRule() throws IOException {
        int exit = run("pw\n", "add", "alice smith", "--password-stdin");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("user name: a name has only letters A-Z a-z, digits, '.', '_' and '-'");
        assertThat(store().users()).isEmpty();
    }

    @Test
    void anEmptyPasswordIsRefused() throws IOException {
        int exit = run("\n", "add", "alice", "--password-stdin");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("empty password is not allowed");
        assertThat(store().users()).isEmpty();
    }

    @Test
    void withoutATerminalThePasswordMustComeOnStdin() {
        int exit = run("pw\n", "add", "alice");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("--password-stdin");
    }

    @Test
    void aMissingNameIsAUserError() {
        int exit = run("", "add");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("Missing required parameter: 'NAME'");
    }

    @Test
    void anUnknownSubcommandIsAUserError() {
        assertThat(run("", "delete", "alice")).isEqualTo(1);
    }

    @Test
    void aNewUserIsAnOperatorOfNoMachineUnlessToldOtherwise() throws IOException {
        run("pw\n", "add", "otto", "--password-stdin");
        run("pw\n", "add", "vera", "--password-stdin", "--role", "viewer");

        assertThat(store().account("otto").orElseThrow()).isEqualTo(account("otto", Role.OPERATOR));
        assertThat(store().account("vera").orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThat(out.toString()).contains("grant machines with: users grant otto MACHINE|group:GROUP|*");
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheThree() {
        assertThat(run("pw\n", "add", "otto", "--password-stdin", "--role", "root")).isEqualTo(1);

        assertThat(err.toString()).contains("a role is admin, operator or viewer, was \"root\"");
    }

    @Test
    void roleGrantRevokeAndListTogether() throws IOException {
        run("pw\n", "add", "otto", "--password-stdin");
        run("pw\n", "add", "root", "--password-stdin", "--role", "admin");

        assertThat(run("", "grant", "otto", "web-01", "group:lab")).isZero();
        assertThat(run("", "role", "otto", "viewer")).isZero();
        assertThat(run("", "revoke", "otto", "web-01")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("", "list")).isZero();

        assertThat(out.toString()).isEqualTo("otto\tviewer\tgroup:lab\t-\nroot\tadmin\t*\t-\n");
    }

    @Test
    void revokingAGrantTheUserLacksChangesNothingAndSaysWhatTheyHave() throws IOException {
        run("pw\n", "add", "otto", "--password-stdin");
        run("", "grant", "otto", "web-01");

        assertThat(run("", "revoke", "otto", "web-01", "db-01")).isEqualTo(1);

        assertThat(err.toString()).contains("otto has no grant db-01 (has: web-01); nothing changed");
        assertThat(store().account("otto").orElseThrow().grants()).containsExactly("web-01");
    }

    @Test
    void withTheInventoryAGrantMustNameOneOfItsMachinesOrGroups() throws IOException {
        Path inventory = dataDir.resolve("rack.yaml");
        Files.writeString(inventory, "server:\n  data-dir: .\nmachines:\n  - name: web-01\n    source: /dev/video0\n"
                + "groups:\n  lab: [web-01]\n");
        UsersCommand command = new UsersCommand(new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8)), FAST);
        CommandLine line = UsersCommand.commandLine(command).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        line.execute("add", "otto", "--password-stdin", "--config", inventory.toString());

        assertThat(line.execute("grant", "otto", "web-1", "--config", inventory.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("has no machine \"web-1\"; did you mean \"web-01\"?");
        assertThat(line.execute("grant", "otto", "group:labs", "--config", inventory.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("has no group \"labs\"; did you mean \"lab\"?");
        assertThat(line.execute("grant", "otto", "web-01", "group:lab", "*", "--config", inventory.toString())).isZero();
        assertThat(store().account("otto").orElseThrow().grants()).containsExactly("web-01", "group:lab", "*");
    }

    @Test
    void roleAndGrantOfAnUnknownUserAreRefused() {
        assertThat(run("", "role", "nobody", "viewer")).isEqualTo(1);
        assertThat(run("", "grant", "nobody", "m1")).isEqualTo(1);

        assertThat(err.toString()).contains("no user nobody in").contains("users add nobody");
    }

    private Account account(String name, Role role) throws IOException {
        Account stored = store().account(name).orElseThrow();
        return new Account(name, stored.passwordHash(), role, java.util.List.of());
    }
}
