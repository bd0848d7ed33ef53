package org.skvmoip.client.ui;

import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.robot.Robot;

/**
 * The mouse over the video, sent to the target. Absolute mode (the default): the pointer's place
 * on the picture becomes the target's pointer position (0..32767 each way), so the two pointers
 * coincide and nothing drifts. Relative mode, for BIOSes and OSes without an absolute pointer:
 * a click on the video captures the pointer (hidden, held at the view's centre by warping it
 * back after each move) and each move is sent as a motion; Ctrl+Alt+Shift+Esc or focus loss
 * releases it.
 */
final class PointerInput {

    /** Where mouse input goes. */
    interface Target {
        void absolute(int buttons, int x, int y, int wheel, int hwheel);

        void relative(int buttons, int dx, int dy, int wheel, int hwheel);
    }

    private final VideoSurface surface;
    private final Target target;
    private Robot robot;
    private boolean relativeMode;
    private boolean captured;
    private Point2D centre;
    private double wheelRemainder;
    private double panRemainder;
    private int lastX;
    private int lastY;
    private int lastButtons;
    private Runnable captureChanged = () -> { };

    PointerInput(VideoSurface surface, Target target) {
        this.surface = surface;
        this.target = target;
        surface.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        surface.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moved);
        surface.addEventHandler(MouseEvent.MOUSE_PRESSED, this::button);
        surface.addEventHandler(MouseEvent.MOUSE_RELEASED, this::button);
        surface.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        surface.focusedProperty().addListener((property, was, focused) -> {
            if (!focused) {
                release();
            }
        });
    }

    /** Called when the capture starts or ends (the window shows how to leave it). */
    void onCaptureChanged(Runnable listener) {
        this.captureChanged = listener;
    }

    void setRelative(boolean relative) {
        release();
        relativeMode = relative;
    }

    boolean isRelative() {
        return relativeMode;
    }

    boolean isCaptured() {
        return captured;
    }

    /** Ends pointer capture: the cursor shows and is free again. */
    void release() {
        if (captured) {
            captured = false;
            lastButtons = 0;
            surface.setCursor(Cursor.DEFAULT);
            target.relative(0, 0, 0, 0, 0);
            captureChanged.run();
        }
    }

    private void capture() {
        if (robot == null) {
            robot = new Robot();
        }
        captured = true;
        surface.setCursor(Cursor.NONE);
        centre = surface.localToScreen(surface.getWidth() / 2, surface.getHeight() / 2);
        robot.mouseMove(centre);
        captureChanged.run();
    }

    private void moved(MouseEvent event) {
        event.consume();
        if (relativeMode) {
            if (captured) {
                sendMotion(event);
            }
            return;
        }
        sendAbsolute(event);
    }

    private void button(MouseEvent event) {
        event.consume();
        surface.requestFocus();
        if (relativeMode) {
            if (!captured) {
                // The click that captures the pointer is the client's, not the target's.
                if (event.getEventType() == MouseEvent.MOUSE_PRESSED) {
                    capture();
                }
                return;
            }
            lastButtons = buttons(event);
            target.relative(lastButtons, 0, 0, 0, 0);
            return;
        }
        sendAbsolute(event);
    }

    private void scrolled(ScrollEvent event) {
        event.consume();
        // Notches: JavaFX scales a wheel notch by the multiplier; smooth scrolling gives fractions, kept for later.
        wheelRemainder += event.getMultiplierY() == 0 ? 0 : event.getDeltaY() / event.getMultiplierY();
        panRemainder += event.getMultiplierX() == 0 ? 0 : event.getDeltaX() / event.getMultiplierX();
        int wheel = notches(wheelRemainder);
        int left = notches(panRemainder);
        if (wheel == 0 && left == 0) {
            return;
        }
        wheelRemainder -= wheel;
        panRemainder -= left;
        // HID: wheel positive away from the user, as JavaFX's deltaY; pan positive to the right,
        // where JavaFX's positive deltaX scrolls left.
        int pan = -left;
        if (!relativeMode) {
            target.absolute(lastButtons, lastX, lastY, wheel, pan);
        } else if (captured) {
            target.relative(lastButtons, 0, 0, wheel, pan);
        }
    }

    private static int notches(double amount) {
        return (int) Math.max(-127, Math.min(127, amount < 0 ? Math.ceil(amount) : Math.floor(amount)));
    }

    private void sendAbsolute(MouseEvent event) {
        PictureArea area = surface.pictureArea();
        if (area.isEmpty()) {
            return;
        }
        lastX = area.absoluteX(event.getX());
        lastY = area.absoluteY(event.getY());
        lastButtons = buttons(event);
        target.absolute(lastButtons, lastX, lastY, 0, 0);
    }

    private void sendMotion(MouseEvent event) {
        int dx = (int) Math.round(event.getScreenX() - centre.getX());
        int dy = (int) Math.round(event.getScreenY() - centre.getY());
        if (dx == 0 && dy == 0) {
            return; // the event of our own warp back to the centre
        }
        lastButtons = buttons(event);
        target.relative(lastButtons, clamp(dx), clamp(dy), 0, 0);
        robot.mouseMove(centre);
    }

    private static int clamp(int delta) {
        return Math.max(-32768, Math.min(32767, delta));
    }

    private static int buttons(MouseEvent event) {
        return (event.isPrimaryButtonDown() ? 1 : 0) | (event.isSecondaryButtonDown() ? 2 : 0)
                | (event.isMiddleButtonDown() ? 4 : 0) | (event.isBackButtonDown() ? 8 : 0)
                | (event.isForwardButtonDown() ? 16 : 0);
    }

}
