package org.skvmoip.client.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.skvmoip.client.api.ClientException;
import org.skvmoip.client.api.MachineState;
import org.skvmoip.client.api.Role;
import org.skvmoip.client.api.ServerAddress;
import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.api.Session;
import org.skvmoip.client.trust.ServerTrust;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop client: the login view, then the wall of machines in the main window, and a
 * window per opened machine. JavaFX application thread only.
 *
 * <p>When the session ends under it (logged out elsewhere, expired, ended by the per-user limit,
 * the account changed), every window stops its picture and controls and the main window goes
 * back to the login view saying why; once logged in again the machine windows that were open
 * come back.
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
    /** The machine windows to bring back after logging in again. */
    private final List<String> reopen = new ArrayList<>();
    private LoginView login;
    private WallView wall;
    private ServerConnection connection;
    private Session session;

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
        options.machine().ifPresent(reopen::add);
        if (options.password().isPresent() && options.server() != null && options.user() != null) {
            char[] secret = options.password().get();
            login.connectWith(secret);
            Arrays.fill(secret, '\0');
        }
    }

    private void loggedIn(ServerConnection loggedIn) {
        this.connection = loggedIn;
        loggedIn.onSessionEnded(why -> Platform.runLater(() -> sessionEnded(loggedIn, why)));
        Background.call(loggedIn::session, this::showWall, failure -> {
            if (failure instanceof ClientException refused && refused.status() == 404) {
                // A server from before GET /api/session: it had no roles, every user controlled everything.
                showWall(new Session(loggedIn.token().orElse(""), "", Role.OPERATOR, Instant.now(), false));
            } else if (loggedIn == connection) {
                login.ended(failure.getMessage());
            }
        });
    }

    private void showWall(Session current) {
        if (connection == null || !connection.token().orElse("").equals(current.token())) {
            return; // ended (or replaced) meanwhile
        }
        this.session = current;
        ServerAddress address = connection.address();
        wall = new WallView(connection, this::open);
        main.setTitle("SKVMOIP - " + address + " (" + (current.user().isEmpty() ? "" : current.user() + ", ")
                + current.role().wire() + ")");
        main.getScene().setRoot(wall);
        wall.start();
        List<String> again = new ArrayList<>(reopen);
        reopen.clear();
        for (String machine : again) {
            MachineWindow old = windows.remove(machine);
            MachineWindow opened = open(machine);
            if (old != null) {
                opened.placeLike(old);
                old.stage().close();
            }
        }
    }

    /**
     * The session ended: stop everything that used it, keep the windows (black, their controls
     * greyed, the reason on their status lines) and ask for the password again.
     */
    private void sessionEnded(ServerConnection ended, String why) {
        if (ended != connection) {
            return;
        }
        connection = null;
        session = null;
        for (MachineWindow window : windows.values()) {
            window.end("session ended: " + why);
            reopen.add(window.machine());
        }
        if (wall != null) {
            wall.close();
            wall = null;
        }
        main.setTitle("SKVMOIP - session ended");
        login.ended("Your session ended: " + why + ". Log in again"
                + (reopen.isEmpty() ? "." : "; the machine windows come back."));
        main.getScene().setRoot(login);
        main.toFront();
    }

    /** Opens a machine's window, or brings it to the front when it is open. */
    public MachineWindow open(String machine) {
        MachineWindow open = windows.get(machine);
        if (open != null) {
            open.stage().toFront();
            return open;
        }
        MachineWindow window = new MachineWindow(connection, machine, options.decoder(), controls(machine));
        windows.put(machine, window);
        window.stage().setOnHiding(event -> windows.remove(machine, window));
        window.show();
        return window;
    }

    /** The role says whether the user may control any machine; the wall's state, this one. */
    private boolean controls(String machine) {
        if (session == null || !session.role().controls()) {
            return false;
        }
        MachineTile tile = wall == null ? null : wall.tile(machine);
        return tile == null || tile.access() == MachineState.Access.CONTROL;
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

    /** The session the app shows, or empty while logged out (before login, or after it ended). */
    Optional<Session> session() {
        return Optional.ofNullable(session);
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
