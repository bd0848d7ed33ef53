package org.skvmoip.sim.probe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads and links classes without initializing them, so that a measurement of start-up code
 * counts what static initializers and constructors allocate but not what class loading does
 * (reading class files, mirrors, strings): the device has its classes in flash, not on the heap.
 */
final class Preloader {

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
        if (!unloadable.isEmpty()) {
            System.err.println("allocation probe: could not preload " + unloadable
                    + "; their loading may be counted");
        }
    }
}
