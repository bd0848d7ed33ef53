package org.skvmoip.client.api;

/** Which picture a video socket carries. */
public enum VideoMode {
    /** The whole picture. */
    FULL,
    /** A small, low-rate picture for a wall of machines. */
    THUMBNAIL
}
