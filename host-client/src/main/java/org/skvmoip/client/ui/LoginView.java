package org.skvmoip.client.ui;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;

import org.skvmoip.client.api.ServerAddress;
import org.skvmoip.client.api.ServerConnection;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Server address, user name and password; Connect logs in in the background. A server met for
 * the first time is shown with its certificate's fingerprint before anything is sent to it.
 */
final class LoginView extends VBox {

    private final TextField server = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button connect = new Button("Connect");
    private final Label message = new Label();
    private final Function<ServerAddress, ServerConnection> connections;
    private final Consumer<ServerConnection> loggedIn;

    /**
     * @param connections makes the connection for an address (with the app's trust)
     * @param loggedIn    receives the logged-in connection, on the JavaFX thread
     */
    LoginView(Function<ServerAddress, ServerConnection> connections, Consumer<ServerConnection> loggedIn) {
        super(12);
        this.connections = connections;
        this.loggedIn = loggedIn;
        server.setId("server");
        server.setPromptText("https://kvm.example:8443");
        user.setId("user");
        password.setId("password");
        connect.setId("connect");
        connect.setDefaultButton(true);
        message.setId("login-message");
        message.setWrapText(true);
        message.setMaxWidth(420);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Server"), server);
        form.addRow(1, new Label("User"), user);
        form.addRow(2, new Label("Password"), password);
        server.setPrefColumnCount(28);
        Label title = new Label("SKVMOIP");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        getChildren().addAll(title, form, connect, message);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(32));
        connect.setOnAction(event -> connect());
    }

    void fill(String serverText, String userName) {
        if (serverText != null) {
            server.setText(serverText);
        }
        if (userName != null) {
            user.setText(userName);
        }
    }

    /** Logs in with the form's values, {@code secret} as the password (then cleared). */
    void connect(char[] secret) {
        ServerAddress address;
        try {
            address = ServerAddress.parse(server.getText());
        } catch (IllegalArgumentException e) {
            Arrays.fill(secret, '\0');
            message.setText(e.getMessage());
            return;
        }
        String name = user.getText().strip();
        if (name.isEmpty()) {
            Arrays.fill(secret, '\0');
            message.setText("enter your user name");
            return;
        }
        ServerConnection connection = connections.apply(address);
        connect.setDisable(true);
        message.setText("connecting to " + address + "...");
        Background.call(() -> {
            try {
                return connection.login(name, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, session -> {
            connect.setDisable(false);
            message.setText("");
            loggedIn.accept(connection);
        }, failure -> {
            connect.setDisable(false);
            message.setText(failure.getMessage());
        });
    }

    private void connect() {
        char[] secret = password.getText().toCharArray();
        password.clear();
        connect(secret);
    }

    String message() {
        return message.getText();
    }
}
