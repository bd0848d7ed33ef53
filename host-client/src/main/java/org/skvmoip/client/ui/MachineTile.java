package org.skvmoip.client.ui;

import org.skvmoip.client.api.MachineState;
import org.skvmoip.client.api.ServerConnection;
import org.skvmoip.client.video.HardwareDecoding;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One machine on the wall: a live thumbnail (the server's small, low-rate stream, decoded in
 * software), its name, online or offline, and the power and HDD LEDs. A click opens it. The
 * thumbnail streams only while the tile is shown, so a search that hides machines stops their
 * encoding on the server.
 */
final class MachineTile extends VBox {

    static final double WIDTH = 256;
    static final double HEIGHT = 192;

    private final ServerConnection connection;
    private final String name;
    private final Label online = new Label();
    private final LedIndicator powerLed = LedIndicator.power();
    private final LedIndicator hddLed = LedIndicator.hdd();
    private MachineState state;
    private MachineLink thumbnail;
    private VideoSurface surface;

    MachineTile(ServerConnection connection, MachineState state, Runnable open) {
        super(4);
        this.connection = connection;
        this.name = state.name();
        setId("tile-" + name);
        setPadding(new Insets(6));
        setStyle("-fx-background-color: #2b2b2b; -fx-background-radius: 6;");
        Label title = new Label(name);
        title.setStyle("-fx-text-fill: white; -fx-font-weight: bold;");
        online.setId("online-" + name);
        powerLed.setId("power-led-" + name);
        hddLed.setId("hdd-led-" + name);
        online.setStyle("-fx-text-fill: #dddddd;");
        powerLed.onDark();
        hddLed.onDark();
        HBox leds = new HBox(10, online, powerLed, hddLed);
        leds.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(placeholder(), title, leds);
        update(state);
        addEventHandler(MouseEvent.MOUSE_CLICKED, event -> open.run());
        visibleProperty().addListener((property, was, shown) -> watch(shown));
    }

    private VBox placeholder() {
        VBox box = new VBox();
        box.setPrefSize(WIDTH, HEIGHT);
        box.setMinSize(WIDTH, HEIGHT);
        box.setMaxSize(WIDTH, HEIGHT);
        box.setStyle("-fx-background-color: black;");
        return box;
    }

    String name() {
        return name;
    }

    /** Replaces what the tile shows with the machine's state now. */
    void update(MachineState state) {
        this.state = state;
        online.setText((!state.module() ? "video only" : state.online() ? "online" : "offline")
                + (state.access() == MachineState.Access.VIEW ? ", view only" : ""));
        powerLed.set(state.power() == MachineState.Power.ON, state.power().wire());
        hddLed.set(state.hdd(), state.hddActivity() + "%");
    }

    /** What the user may do with the machine, as the server said last. */
    MachineState.Access access() {
        return state.access();
    }

    boolean powerLedOn() {
        return powerLed.isOn();
    }

    /** Starts or stops the thumbnail stream. */
    void watch(boolean on) {
        if (on && thumbnail == null) {
            thumbnail = new MachineLink(connection, name, MachineLink.Use.THUMBNAIL, HardwareDecoding.SOFTWARE, new MachineLink.Listener() {
            });
            surface = new VideoSurface(thumbnail.decoder());
            surface.setPrefSize(WIDTH, HEIGHT);
            surface.setMinSize(WIDTH, HEIGHT);
            surface.setMaxSize(WIDTH, HEIGHT);
            surface.setMouseTransparent(true);
            getChildren().set(0, surface);
            surface.start();
            thumbnail.start();
        } else if (!on && thumbnail != null) {
            surface.stop();
            thumbnail.close();
            thumbnail = null;
            getChildren().set(0, placeholder());
        }
    }

    /** Whether a thumbnail picture has arrived. */
    boolean hasPicture() {
        return surface != null && surface.image().image() != null;
    }
}
