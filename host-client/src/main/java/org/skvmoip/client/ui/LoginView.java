package org.skvmoip.client.ui;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;

import org.skvmoip.client.api.ClientException;
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
 * the first time is shown with its certificate's fingerprint before anything is sent to it. When
 * the server says the password was right and the user's second factor is wanted, a code field
 * appears and the password stays, so only the code is typed.
 */
final class LoginView extends VBox {

    private final TextField server = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label codeLabel = new Label("Code");
    private final TextField code = new TextField();
    private final Button connect = new Button("Connect");
    private final Label message = new Label();
    private final Function<ServerAddress, ServerConnection> connections;
    private final Consumer<ServerConnection> loggedIn;
    /** The server confirmed the password in the field (it asked for the code): a refusal now is the code's. */
    private boolean passwordConfirmed;

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
        code.setId("otp");
        code.setPromptText("6 digits, or a recovery code");
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
        form.addRow(3, codeLabel, code);
        showCode(false);
        server.setPrefColumnCount(28);
        Label title = new Label("SKVMOIP");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        getChildren().addAll(title, form, connect, message);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(32));
        connect.setOnAction(event -> connect());
        // Another user, server or password has not been confirmed by the server.
        server.textProperty().addListener((property, was, now) -> forgetConfirmation());
        user.textProperty().addListener((property, was, now) -> forgetConfirmation());
        password.textProperty().addListener((property, was, now) -> passwordConfirmed = false);
    }

    void fill(String serverText, String userName) {
        if (serverText != null) {
            server.setText(serverText);
        }
        if (userName != null) {
            user.setText(userName);
        }
    }

    /** Shows why the user is back here (a session that ended) above an empty password field. */
    void ended(String why) {
        password.clear();
        code.clear();
        showCode(false);
        message.setText(why);
        password.requestFocus();
    }

    /**
     * Logs in with the form's values and {@code password} (given at start-up), which the field
     * keeps like a typed one, for when the server asks for the second factor's code.
     */
    void connectWith(char[] given) {
        password.setText(new String(given));
        connect();
    }

    /** Logs in with the form's values, {@code secret} as the password (then cleared). */
    private void connect(char[] secret) {
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
        String typedCode = code.isVisible() ? code.getText().strip() : "";
        if (code.isVisible() && typedCode.isEmpty()) {
            Arrays.fill(secret, '\0');
            message.setText("enter the code from your authenticator app (or a recovery code)");
            code.requestFocus();
            return;
        }
        char[] otp = typedCode.isEmpty() ? null : typedCode.toCharArray();
        boolean codeAfterConfirmedPassword = otp != null && passwordConfirmed;
        ServerConnection connection = connections.apply(address);
        connect.setDisable(true);
        message.setText("connecting to " + address + "...");
        Background.call(() -> {
            try {
                return connection.login(name, secret, otp);
            } finally {
                Arrays.fill(secret, '\0');
                if (otp != null) {
                    Arrays.fill(otp, '\0');
                }
            }
        }, session -> {
            connect.setDisable(false);
            message.setText("");
            password.clear();
            code.clear();
            showCode(false);
            passwordConfirmed = false;
            loggedIn.accept(connection);
        }, failure -> {
            connect.setDisable(false);
            refused(failure, name, codeAfterConfirmedPassword);
        });
    }

    /** Says what was wrong, and keeps what was right in the form. */
    private void refused(Throwable failure, String name, boolean codeAfterConfirmedPassword) {
        if (!(failure instanceof ClientException refusal) || refusal.kind() != ClientException.Kind.HTTP) {
            message.setText(failure.getMessage());
            return;
        }
        if (refusal.secondFactorRequired()) {
            passwordConfirmed = true;
            showCode(true);
            code.clear();
            code.requestFocus();
            message.setText(name + " has a second factor: enter the code from your authenticator app"
                    + " (or a recovery code)");
        } else if (refusal.status() == 401 && codeAfterConfirmedPassword) {
            // The server confirmed this password a moment ago: the code is what it refused.
            code.clear();
            code.requestFocus();
            message.setText(refusal.getMessage() + ": enter the code your authenticator app shows now, or a"
                    + " recovery code you have not used");
        } else if (refusal.status() == 401) {
            password.clear();
            password.requestFocus();
            message.setText(refusal.getMessage());
        } else if (refusal.status() == 429) {
            // The password may be right: it stays for when the wait is over.
            message.setText(refusal.getMessage() + refusal.retryAfter().filter(wait -> !refusal.getMessage()
                    .contains("try again in")).map(wait -> "; try again in " + wait.toSeconds() + " s").orElse(""));
        } else {
            message.setText(refusal.getMessage());
        }
    }

    private void connect() {
        char[] secret = password.getText().toCharArray();
        connect(secret);
    }

    private void showCode(boolean shown) {
        codeLabel.setVisible(shown);
        codeLabel.setManaged(shown);
        code.setVisible(shown);
        code.setManaged(shown);
    }

    private void forgetConfirmation() {
        passwordConfirmed = false;
        showCode(false);
    }

    String message() {
        return message.getText();
    }
}
