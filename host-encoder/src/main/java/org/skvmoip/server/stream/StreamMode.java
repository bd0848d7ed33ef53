package org.skvmoip.server.stream;

/** What a viewer wants of a machine's picture. */
public enum StreamMode {
    /** The configured mode (resolution, fps, bitrate): a machine's own view. */
    FULL,
    /** A small, low-rate picture for the wall of all machines. */
    THUMBNAIL
}
