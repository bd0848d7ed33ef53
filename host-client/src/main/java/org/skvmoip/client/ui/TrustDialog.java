package org.skvmoip.client.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.skvmoip.client.trust.FirstUseDecision;
import org.skvmoip.client.trust.UnknownServer;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks the user whether to trust a server met for the first time, showing its certificate's
 * fingerprint to compare with the one the server printed when it started. Called on the
 * background thread of the refused connection; the dialog runs on the JavaFX thread.
 */
final class TrustDialog implements FirstUseDecision {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    private final Window owner;

    TrustDialog(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean trust(UnknownServer server) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(ask(server)));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private boolean ask(UnknownServer server) {
        ButtonType trust = new ButtonType("Trust this server", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, trust, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("New server");
        alert.setHeaderText("First connection to " + server.hostPort());
        TextArea fingerprint = new TextArea(server.fingerprint());
        fingerprint.setId("fingerprint");
        fingerprint.setEditable(false);
        fingerprint.setWrapText(true);
        fingerprint.setPrefRowCount(2);
        Label explanation = new Label("Compare this SHA-256 fingerprint with the one the server printed when it"
                + " started (or that its administrator gave you). Trust it only if they match: the client then"
                + " remembers it in " + server.knownServersFile() + " and refuses any other certificate for this"
                + " server.\n\nCertificate: " + server.subject() + ", valid until " + DATE.format(server.notAfter()));
        explanation.setWrapText(true);
        alert.getDialogPane().setContent(new VBox(8, fingerprint, explanation));
        alert.getDialogPane().setId("trust-dialog");
        ((Button) alert.getDialogPane().lookupButton(trust)).setId("trust-accept");
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setId("trust-refuse");
        return alert.showAndWait().filter(trust::equals).isPresent();
    }
}
