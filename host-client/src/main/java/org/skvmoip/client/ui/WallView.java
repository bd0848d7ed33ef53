package org.skvmoip.client.ui;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.skvmoip.client.api.EventStream;
import org.skvmoip.client.api.MachineState;
import org.skvmoip.client.api.ServerConnection;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Every machine of the server: live thumbnails, online state and LEDs, kept current by the
 * events socket; a search field that shows only the machines whose name contains its text.
 */
final class WallView extends BorderPane {

    private final ServerConnection connection;
    private final Consumer<String> open;
    private final Map<String, MachineTile> tiles = new HashMap<>();
    private final FlowPane grid = new FlowPane(12, 12);
    private final TextField search = new TextField();
    private final Label status = new Label();
    private final ScheduledExecutorService scheduler;
    private final KeptOpen events;

    WallView(ServerConnection connection, Consumer<String> open) {
        this.connection = connection;
        this.open = open;
        search.setId("search");
        search.setPromptText("Search machines by name");
        search.textProperty().addListener((property, was, text) -> filter());
        status.setId("wall-status");
        HBox top = new HBox(12, search, status);
        HBox.setHgrow(search, Priority.NEVER);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));
        grid.setId("wall");
        grid.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setTop(top);
        setCenter(scroll);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "skvm-wall");
            thread.setDaemon(true);
            return thread;
        });
        this.events = new KeptOpen("status events", scheduler, this::openEvents,
                text -> Platform.runLater(() -> status.setText(text)));
    }

    void start() {
        Background.call(connection::machines, this::showAll, failure -> status.setText(failure.getMessage()));
        events.start();
    }

    private void showAll(List<MachineState> machines) {
        machines.stream().sorted(Comparator.comparing(MachineState::name)).forEach(this::update);
        status.setText(machines.size() + " machines");
    }

    private AutoCloseable openEvents(KeptOpen.Loss loss) throws org.skvmoip.client.api.ClientException {
        return connection.openEvents(new EventStream.Listener() {
            @Override
            public void onMachine(MachineState machine) {
                loss.connected();
                Platform.runLater(() -> update(machine));
            }

            @Override
            public void onClosed(int code, String reason) {
                loss.onClosed(code, reason);
            }

            @Override
            public void onFailure(Throwable error) {
                loss.onFailure(error);
            }
        });
    }

    private void update(MachineState machine) {
        MachineTile tile = tiles.get(machine.name());
        if (tile != null) {
            tile.update(machine);
            return;
        }
        MachineTile added = new MachineTile(connection, machine, () -> open.accept(machine.name()));
        tiles.put(machine.name(), added);
        grid.getChildren().add(added);
        grid.getChildren().sort(Comparator.comparing(node -> ((MachineTile) node).name()));
        added.managedProperty().bind(added.visibleProperty());
        added.setVisible(matches(machine.name()));
        added.watch(added.isVisible());
    }

    private void filter() {
        for (MachineTile tile : tiles.values()) {
            tile.setVisible(matches(tile.name()));
        }
    }

    private boolean matches(String name) {
        String text = search.getText().strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() || name.toLowerCase(Locale.ROOT).contains(text);
    }

    MachineTile tile(String name) {
        return tiles.get(name);
    }

    /** Stops every thumbnail and the events socket. */
    void close() {
        events.close();
        scheduler.shutdownNow();
        for (MachineTile tile : tiles.values()) {
            tile.watch(false);
        }
    }
}
