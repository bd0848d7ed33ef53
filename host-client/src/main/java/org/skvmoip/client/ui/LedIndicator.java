package org.skvmoip.client.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** A front-panel LED as a coloured dot with its name: lit or dark. */
final class LedIndicator extends HBox {

    private final Circle dot = new Circle(5);
    private final Color lit;
    private final Label label;
    private final String name;
    private boolean on;

    private LedIndicator(String id, String name, Color lit) {
        super(4);
        this.name = name;
        this.lit = lit;
        this.label = new Label(name);
        setId(id);
        setAlignment(Pos.CENTER_LEFT);
        dot.setStroke(Color.gray(0.3));
        getChildren().addAll(dot, label);
        set(false, "unknown");
    }

    static LedIndicator power() {
        return new LedIndicator("power-led", "power", Color.LIMEGREEN);
    }

    static LedIndicator hdd() {
        return new LedIndicator("hdd-led", "HDD", Color.ORANGE);
    }

    /** For a dark background (the wall's tiles): the label in light grey, readable there. */
    LedIndicator onDark() {
        label.setStyle("-fx-text-fill: #dddddd;");
        return this;
    }

    /** @param detail shown as the tooltip-like suffix ("on", "12%") */
    void set(boolean lit, String detail) {
        this.on = lit;
        dot.setFill(lit ? this.lit : Color.gray(0.15));
        label.setText(name + " " + detail);
    }

    boolean isOn() {
        return on;
    }
}
