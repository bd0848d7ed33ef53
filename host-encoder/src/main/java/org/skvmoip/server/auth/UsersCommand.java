package org.skvmoip.server.auth;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.skvmoip.server.auth.totp.SecondFactors;
import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.Inventory;
import org.skvmoip.server.config.InventoryLoader;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.config.YamlMapping;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code users add|passwd|role|grant|revoke|remove|list} (and {@code users totp}, {@link TotpCommand}): manages
 * the users file
 * (DATA-DIR/users.yaml) from a shell, while the server runs or not (it ends the live sessions of
 * a user changed here within a second); {@code --data-dir DIR} or {@code --config INVENTORY}
 * says where the file is, and with {@code --config} grants are checked against the inventory's
 * machines and groups. Passwords are read from the terminal without echo, or
 * from standard input with {@code --password-stdin} for scripts; never from the command line,
 * where other users of the machine could read them in the process list.
 * Exit codes: 0 done, 1 refused (the message on stderr says why).
 */
@Command(name = "users", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
        description = "Adds, changes, removes and lists the users who may log in to the SKVMOIP server.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Passwd.class, UsersCommand.SetRole.class,
                UsersCommand.AddGrants.class, UsersCommand.RemoveGrants.class, UsersCommand.Remove.class,
                UsersCommand.ListUsers.class, TotpCommand.class})
public final class UsersCommand {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The server's data directory; the users file is DIR/users.yaml (default: skvm-data).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "INVENTORY", scope = ScopeType.INHERIT,
            description = "Take the data directory from the server's inventory file instead.")
    Path inventory;

    private final InputStream stdin;
    final PasswordHasher hasher;

    /** The command as the server's launcher runs it: System.in, the default hash strength. */
    public UsersCommand() {
        this(System.in, new PasswordHasher());
    }

    public UsersCommand(InputStream stdin, PasswordHasher hasher) {
        this.stdin = stdin;
        this.hasher = hasher;
    }

    /** A command line ready to execute, with user errors printed as one line and exit code 1. */
    public static CommandLine commandLine(UsersCommand command) {
        CommandLine line = new CommandLine(command);
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (!(e instanceof Refused || e instanceof IOException || e instanceof IllegalArgumentException)) {
                throw e;
            }
            commandLine.getErr().println("users: " + e.getMessage());
            return 1;
        });
        return line;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new UsersCommand()).execute(args));
    }

    /** A request the command will not carry out; the message is for the operator. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private UserStore store() throws IOException {
        return UserStore.open(usersFile(), hasher);
    }

    /** With --config, a grant must name a machine or group of the inventory: a typo would grant nothing. */
    private void checkKnown(List<String> grants) throws IOException {
        if (inventory == null) {
            return;
        }
        Inventory loaded;
        try {
            loaded = InventoryLoader.load(inventory);
        } catch (ConfigException e) {
            throw new Refused(e.getMessage());
        }
        List<String> machines = loaded.machines().stream().map(MachineConfig::name).toList();
        for (String grant : grants) {
            Optional<String> group = Grant.group(grant);
            if (group.isPresent() && !loaded.groups().containsKey(group.get())) {
                throw new Refused(inventory + " has no group \"" + group.get() + "\""
                        + YamlMapping.hint(group.get(), loaded.groups().keySet()) + "; nothing changed");
            }
            if (group.isEmpty() && !Grant.EVERY_MACHINE.equals(grant) && !machines.contains(grant)) {
                throw new Refused(inventory + " has no machine \"" + grant + "\"" + YamlMapping.hint(grant, machines)
                        + "; nothing changed");
            }
        }
    }

    /** The subcommands that name a user share their parent and output. */
    abstract static class UserCommand implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
        String name;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        UserStore existingUser() throws IOException {
            UserStore store = parent.store();
            if (!store.exists(name)) {
                throw new Refused("no user " + name + " in " + store.file() + "; add one with: users add " + name);
            }
            return store;
        }
    }

    Path usersFile() throws IOException {
        if (inventory == null) {
            return (dataDir == null ? Path.of("skvm-data") : dataDir).resolve("users.yaml");
        }
        if (dataDir != null) {
            throw new Refused("give --data-dir or --config, not both");
        }
        try {
            return InventoryLoader.load(inventory).server().usersFile();
        } catch (ConfigException e) {
            throw new Refused(e.getMessage());
        }
    }

    /** Subcommands that set a password share how it is read. */
    abstract static class PasswordCommand implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The user name: letters, digits, '.', '_', '-'; at most 64.")
        String name;

        @Option(names = "--password-stdin",
                description = "Read the password from the first line of standard input instead of the terminal.")
        boolean passwordFromStdin;

        char[] readPassword() throws IOException {
            if (passwordFromStdin) {
                return firstLine(parent.stdin);
            }
            Console console = System.console();
            if (console == null) {
                throw new Refused("no terminal to ask for the password: pipe it in with --password-stdin");
            }
            char[] first = console.readPassword("Password for %s: ", name);
            char[] second = console.readPassword("Again: ");
            try {
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    throw new Refused("the two passwords differ; nothing changed");
                }
                return first;
            } finally {
                PasswordHasher.clear(second);
            }
        }

        void setPassword(UserStore store) throws IOException {
            char[] password = readPassword();
            try {
                store.setPassword(name, password);
            } finally {
                PasswordHasher.clear(password);
            }
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "add", exitCodeOnInvalidInput = 1,
            description = "Adds a user with a role (no machines granted yet) and sets the password.")
    static final class Add extends PasswordCommand {
        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "operator",
                description = "admin, operator or viewer (default: ${DEFAULT-VALUE}).")
        String role;

        @Override
        public Integer call() throws IOException {
            Role parsed = Role.parse(role);
            UserStore store = parent.store();
            if (store.exists(name)) {
                throw new Refused("user " + name + " exists already; change the password with: users passwd " + name);
            }
            char[] password = readPassword();
            try {
                store.add(name, password, parsed, List.of());
            } finally {
                PasswordHasher.clear(password);
            }
            out().println("Added user " + name + " (" + parsed.wireName() + ") to " + store.file()
                    + (parsed == Role.ADMIN ? "" : "; grant machines with: users grant " + name + " MACHINE|group:GROUP|*"));
            return 0;
        }
    }

    @Command(name = "passwd", exitCodeOnInvalidInput = 1, description = "Changes a user's password.")
    static final class Passwd extends PasswordCommand {
        @Override
        public Integer call() throws IOException {
            UserStore store = parent.store();
            if (!store.exists(name)) {
                throw new Refused("no user " + name + " in " + store.file() + "; add one with: users add " + name);
            }
            setPassword(store);
            out().println("Changed the password of " + name);
            return 0;
        }
    }

    @Command(name = "role", exitCodeOnInvalidInput = 1,
            description = "Changes a user's role; their sessions end.")
    static final class SetRole extends UserCommand {
        @Parameters(index = "1", paramLabel = "ROLE", description = "admin, operator or viewer.")
        String role;

        @Override
        public Integer call() throws IOException {
            Role parsed = Role.parse(role);
            Account account = existingUser().setRole(name, parsed);
            out().println("Changed the role of " + account);
            return 0;
        }
    }

    @Command(name = "grant", exitCodeOnInvalidInput = 1,
            description = "Grants a user machines, groups of machines (group:NAME) or every machine (*); their sessions end.")
    static final class AddGrants extends UserCommand {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "GRANT", description = "MACHINE, group:GROUP or *.")
        List<String> grants;

        @Override
        public Integer call() throws IOException {
            UserStore store = existingUser();
            parent.checkKnown(grants);
            out().println("Granted: " + store.grant(name, grants));
            return 0;
        }
    }

    @Command(name = "revoke", exitCodeOnInvalidInput = 1,
            description = "Takes grants back from a user; their sessions end.")
    static final class RemoveGrants extends UserCommand {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "GRANT", description = "MACHINE, group:GROUP or *.")
        List<String> grants;

        @Override
        public Integer call() throws IOException {
            UserStore store = existingUser();
            Account before = store.account(name).orElseThrow();
            List<String> missing = grants.stream().filter(g -> !before.grants().contains(g)).toList();
            if (!missing.isEmpty()) {
                throw new Refused(name + " has no grant " + String.join(", ", missing) + " (has: "
                        + (before.grants().isEmpty() ? "none" : String.join(" ", before.grants())) + "); nothing changed");
            }
            out().println("Revoked: " + store.revoke(name, grants));
            return 0;
        }
    }

    @Command(name = "remove", exitCodeOnInvalidInput = 1, description = "Removes a user; their sessions end.")
    static final class Remove extends UserCommand {
        @Override
        public Integer call() throws IOException {
            UserStore store = parent.store();
            if (!store.remove(name)) {
                throw new Refused("no user " + name + " in " + store.file());
            }
            // A second factor belongs to the account: a user added again under this name starts without one.
            TotpCommand.secondFactors(parent).reset(name);
            out().println("Removed user " + name);
            return 0;
        }
    }

    @Command(name = "list", exitCodeOnInvalidInput = 1,
            description = "Lists the users, one a line: name, role, grants, second factor (totp or -).")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            SecondFactors secondFactors = TotpCommand.secondFactors(parent);
            for (Account account : parent.store().accounts()) {
                spec.commandLine().getOut().println(listLine(account, secondFactors.enrolled(account.name())));
            }
            return 0;
        }
    }

    /** Tab-separated, for people and for scripts alike; an admin's grants are "*" whatever the file says. */
    static String listLine(Account account, boolean secondFactor) {
        String grants = account.role() == Role.ADMIN ? Grant.EVERY_MACHINE
                : account.grants().isEmpty() ? "-" : String.join(",", account.grants());
        return account.name() + "\t" + account.role().wireName() + "\t" + grants + "\t" + (secondFactor ? "totp" : "-");
    }

    static final int MAX_PASSWORD_LENGTH = 1024;

    /** The first line, without its line end, read char by char so no String copy of it lingers. */
    static char[] firstLine(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, Charset.defaultCharset());
        char[] line = new char[64];
        int length = 0;
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (length == MAX_PASSWORD_LENGTH) {
                PasswordHasher.clear(line);
                throw new Refused("the password is longer than " + MAX_PASSWORD_LENGTH + " characters");
            }
            if (length == line.length) {
                char[] longer = Arrays.copyOf(line, line.length * 2);
                PasswordHasher.clear(line);
                line = longer;
            }
            line[length++] = (char) c;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        char[] password = Arrays.copyOf(line, length);
        PasswordHasher.clear(line);
        return password;
    }
}
