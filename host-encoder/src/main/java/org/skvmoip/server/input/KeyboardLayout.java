package org.skvmoip.server.input;

import java.util.List;

/** Turns text into the key strokes that type it on a target whose OS uses this layout. */
public interface KeyboardLayout {

    String name();

    /**
     * The strokes for {@code text}; a character the layout cannot type is an
     * IllegalArgumentException naming it and its position.
     */
    List<KeyStroke> strokes(String text);
}
