package org.skvmoip.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.skvmoip.server.auth.UsersCommand;
import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.Inventory;
import org.skvmoip.server.config.InventoryLoader;
import org.skvmoip.server.tls.ServerCertificate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skvm-server serve --config rack.yaml} runs the server; {@code skvm-server users ...}
 * manages its accounts; {@code skvm-server new-key --config rack.yaml} replaces its generated
 * TLS key (docs/configuration.md).
 */
@Command(name = "skvm-server", mixinStandardHelpOptions = true,
        description = "The SKVMOIP encoder server: captures every machine, serves viewers over HTTPS.",
        subcommands = {ServerMain.Serve.class, ServerMain.NewKey.class})
public final class ServerMain {

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server until stopped (Ctrl+C).")
    static final class Serve implements Callable<Integer> {

        @Option(names = "--config", required = true, paramLabel = "INVENTORY",
                description = "The inventory YAML (docs/configuration.md).")
        Path config;

        @Override
        public Integer call() throws Exception {
            Inventory inventory;
            try {
                inventory = InventoryLoader.load(config);
            } catch (ConfigException e) {
                System.err.println("skvm-server: " + e.getMessage());
                return 1;
            }
            try (KvmServer server = KvmServer.start(inventory)) {
                System.out.println("skvm-server: serving " + inventory.machines().size() + " machines at "
                        + server.url());
                System.out.println("skvm-server: public key SHA-256 " + server.certificate().sha256Fingerprint());
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "shutdown"));
                stopped.await();
            } catch (ConfigException e) {
                System.err.println("skvm-server: " + e.getMessage());
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "new-key", mixinStandardHelpOptions = true,
            description = {"Replace the generated certificate's key with a new one (a suspected leak, a copied data"
                    + " directory). Every client that trusted the old key refuses the server until its user trusts"
                    + " the new fingerprint. Renewals never need this: they keep the key.",
                    "Stop the server first; it uses the new key from its next start."})
    static final class NewKey implements Callable<Integer> {

        @Option(names = "--config", required = true, paramLabel = "INVENTORY",
                description = "The inventory YAML (docs/configuration.md).")
        Path config;

        @Override
        public Integer call() throws Exception {
            try {
                ServerCertificate replaced = ServerCertificate.replaceKey(InventoryLoader.load(config).server(),
                        Clock.systemUTC());
                System.out.println("skvm-server: new key, public key SHA-256 " + replaced.sha256Fingerprint());
                System.out.println("skvm-server: give this fingerprint to your users: their clients refuse the"
                        + " server until they trust it anew");
                return 0;
            } catch (ConfigException e) {
                System.err.println("skvm-server: " + e.getMessage());
                return 1;
            }
        }
    }

    public static void main(String[] args) {
        CommandLine users = UsersCommand.commandLine(new UsersCommand());
        CommandLine main = new CommandLine(new ServerMain()).addSubcommand("users", users);
        // The users command's own handler turns refusals into one line and exit code 1.
        main.setExecutionExceptionHandler(users.getExecutionExceptionHandler());
        System.exit(main.execute(args));
    }
}
