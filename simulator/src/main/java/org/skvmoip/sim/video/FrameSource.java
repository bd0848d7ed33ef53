package org.skvmoip.sim.video;

import java.awt.image.BufferedImage;

/** Something with a screen to capture: the virtual target machine. */
public interface FrameSource {

    /** The screen now, as a new RGB image the caller owns. */
    BufferedImage snapshotImage();

    /** Advances whenever what the screen shows changes; equal values mean identical frames. */
    long frameCounter();
}
