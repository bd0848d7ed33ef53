package org.skvmoip.client.ui;

import org.skvmoip.client.rack.SharedRack;

/**
 * The GUI tests' own rack, apart from the API tests' rack because these tests turn machines off
 * and hold their keyboards.
 */
public final class GuiRack extends SharedRack {

    public GuiRack() {
        super("gui-rack", "");
    }
}
