package org.skvmoip.sim.probe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads and links classes without initializing them, so that a measurement of start-up code
 * counts what static initializers and constructors allocate but not what class loading does
 * (reading class files, mirrors, strings): the device has its classes in flash, not on the heap.
 * The simulator's own classes are initialized as well: they stand for hardware.
 */
final class Preloader {

    private static final String SIMULATED_HARDWARE = "org.skvmoip.sim.";
    private static final String SCENARIOS = "org.skvmoip.sim.scenario.";

    private Preloader() {
    }

    static void loadAndLink(Class<?> scenario, List<String> anchorClassNames) throws ClassNotFoundException {
        ClassLoader loader = scenario.getClassLoader();
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> member : scenario.getNestMembers()) {
            names.add(member.getName());
        }
        for (String anchor : anchorClassNames) {
            for (ClassFiles.Entry entry : ClassFiles.in(ClassFiles.codeSourceOf(Class.forName(anchor, false, loader)))) {
                names.add(entry.className());
            }
        }
        List<String> unloadable = new ArrayList<>();
        for (String name : names) {
            try {
                // getDeclaredMethods links (verifies) the class; neither call runs its static initializer.
                Class.forName(name, false, loader).getDeclaredMethods();
            } catch (ClassNotFoundException | LinkageError e) {
                unloadable.add(name + " (" + e + ")");
            }
        }
        // The simulated hardware (the W5500 model, the board, the USB port) is not firmware RAM:
        // its classes are initialized too, so that their static tables, built on the firmware's
        // thread at its first SPI frame, are not counted as the firmware's.
        for (ClassFiles.Entry entry : ClassFiles.in(ClassFiles.codeSourceOf(Preloader.class))) {
            String name = entry.className();
            if (name.startsWith(SIMULATED_HARDWARE) && !name.startsWith(SCENARIOS) && !names.contains(name)) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    unloadable.add(name + " (" + e + ")");
                }
            }
        }
        if (!unloadable.isEmpty()) {
            System.err.println("allocation probe: could not preload " + unloadable
                    + "; their loading may be counted");
        }
    }
}
