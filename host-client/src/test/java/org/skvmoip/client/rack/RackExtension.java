package org.skvmoip.client.rack;

/**
 * The API and CLI tests' rack: two simulated machines and a video-only machine
 * ({@code lab-screen}). Tests that power a machine on leave it on; power on is
 * idempotent.
 *
 * <p>The server throttles an address after three failed logins, and every test logs in from
 * 127.0.0.1: tests against this rack fail at most one login each, and throttling is tested on
 * a server of its own.
 */
public final class RackExtension extends SharedRack {

    public static final String VIDEO_ONLY = "lab-screen";

    public RackExtension() {
        super("client-rack", "  - name: " + VIDEO_ONLY + "\n    source: \"testsrc2=size=320x240:rate=10\"\n"
                + "    input-format: lavfi\n    fps: 10\n");
    }
}
