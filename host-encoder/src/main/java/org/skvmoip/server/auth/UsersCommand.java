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
import java.util.concurrent.Callable;

import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.InventoryLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code users add|passwd|remove|list} (and {@code users totp}, {@link TotpCommand}): manages the users file (DATA-DIR/users.yaml) from a
 * shell, while the server runs or not; {@code --data-dir DIR} or {@code --config INVENTORY} says
 * where the file is. Passwords are read from the terminal without echo, or
 * from standard input with {@code --password-stdin} for scripts; never from the command line,
 * where other users of the machine could read them in the process list.
 * Exit codes: 0 done, 1 refused (the message on stderr says why).
 */
@Command(name = "users", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
        description = "Adds, changes, removes and lists the users who may log in to the SKVMOIP server.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Passwd.class, UsersCommand.Remove.class,
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

    @Command(name = "add", exitCodeOnInvalidInput = 1, description = "Adds a user and sets the password.")
    static final class Add extends PasswordCommand {
        @Override
        public Integer call() throws IOException {
            UserStore store = parent.store();
            if (store.exists(name)) {
                throw new Refused("user " + name + " exists already; change the password with: users passwd " + name);
            }
            setPassword(store);
            out().println("Added user " + name + " to " + store.file());
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

    @Command(name = "remove", exitCodeOnInvalidInput = 1, description = "Removes a user.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            UserStore store = parent.store();
            if (!store.remove(name)) {
                throw new Refused("no user " + name + " in " + store.file());
            }
            spec.commandLine().getOut().println("Removed user " + name);
            return 0;
        }
    }

    @Command(name = "list", exitCodeOnInvalidInput = 1, description = "Lists the user names, one a line.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<String> users = parent.store().users();
            users.forEach(spec.commandLine().getOut()::println);
            return 0;
        }
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
