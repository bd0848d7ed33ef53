package org.skvmoip.client.ui;

import org.skvmoip.client.trust.FirstUseDecision;

import javafx.stage.Window;

/** The desktop client's answers to the trust package's questions. */
public final class TrustDialogs {

    private TrustDialogs() {
    }

    /** Asks the user about a server met for the first time, showing its fingerprint, over {@code owner}. */
    public static FirstUseDecision firstUse(Window owner) {
        return new TrustDialog(owner);
    }
}
