package org.skvmoip.client.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.skvmoip.client.api.ServerAddress;
import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.trust.ServerTrust;

import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop client: the login view, then the wall of machines in the main window, and a
 * window per opened machine. JavaFX application thread only.
 */
public final class ClientApp {

    /**
     * How the app starts.
     *
     * @param server   the server address to fill in (or null)
     * @param user     the user name to fill in (or null)
     * @param password when present with server and user, log in at once (cleared after use)
     * @param machine  when present, open this machine once logged in
     * @param decoder  the video decoder choice (HardwareDecoding: auto, software, cuda...)
     */
    public record Options(String server, String user, Optional<char[]> password, Optional<String> machine,
            String decoder) {
    }

    /** Makes the trust for the app's connections; given the main window, for the first-use dialog. */
    @FunctionalInterface
    public interface TrustFactory {
        ServerTrust create(Stage owner);
    }

    private final Stage main;
    private final Options options;
    private final ServerTrust trust;
    private final Map<String, MachineWindow> windows = new LinkedHashMap<>();
    private LoginView login;
    private WallView wall;
    private ServerConnection connection;

    public ClientApp(Stage main, Options options, TrustFactory trust) {
        this.main = main;
        this.options = options;
        this.trust = trust.create(main);
    }

    /** Shows the login view; logs in at once when the options carry a password. */
    public void start() {
        login = new LoginView(address -> new ServerConnection(address, trust), this::loggedIn);
        login.fill(options.server(), options.user());
        main.setTitle("SKVMOIP");
        main.setScene(new Scene(login, 1120, 760));
        main.setOnHidden(event -> closeAll());
        main.show();
        if (options.password().isPresent() && options.server() != null && options.user() != null) {
            char[] secret = options.password().get();
            login.connect(Arrays.copyOf(secret, secret.length));
            Arrays.fill(secret, '\0');
        }
    }

    private void loggedIn(ServerConnection loggedIn) {
        this.connection = loggedIn;
        ServerAddress address = loggedIn.address();
        wall = new WallView(loggedIn, this::open);
        main.setTitle("SKVMOIP - " + address);
        main.getScene().setRoot(wall);
        wall.start();
        options.machine().ifPresent(this::open);
    }

    /** Opens a machine's window, or brings it to the front when it is open. */
    public MachineWindow open(String machine) {
        MachineWindow open = windows.get(machine);
        if (open != null) {
            open.stage().toFront();
            return open;
        }
        MachineWindow window = new MachineWindow(connection, machine, options.decoder());
        windows.put(machine, window);
        window.stage().setOnHiding(event -> windows.remove(machine));
        window.show();
        return window;
    }

    Optional<MachineWindow> window(String machine) {
        return Optional.ofNullable(windows.get(machine));
    }

    LoginView loginView() {
        return login;
    }

    WallView wall() {
        return wall;
    }

    public Stage mainWindow() {
        return main;
    }

    private void closeAll() {
        for (MachineWindow window : windows.values().toArray(new MachineWindow[0])) {
            window.stage().close();
        }
        if (wall != null) {
            wall.close();
        }
    }
}
