package org.skvmoip.server.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one user may do on which machine, with their grants resolved against the inventory's
 * groups at the time of the request (a group edited in the inventory takes effect at the next
 * start, as every inventory change does).
 */
public final class Rights {

    /** The machines list's "access": the caller may send input and power to it. */
    public static final String CONTROL = "control";
    /** The machines list's "access": the caller may watch it only. */
    public static final String VIEW = "view";

    /** No user: a public route, or the metrics scraper. */
    public static final Rights NONE = new Rights(null, false, Set.of());

    private final Role role;
    private final boolean everyMachine;
    private final Set<String> machines;

    private Rights(Role role, boolean everyMachine, Set<String> machines) {
        this.role = role;
        this.everyMachine = everyMachine;
        this.machines = machines;
    }

    /** @param groups the inventory's groups by name; a grant of a group it lacks grants nothing */
    public static Rights of(Account account, Map<String, List<String>> groups) {
        boolean every = account.role() == Role.ADMIN;
        Set<String> machines = new HashSet<>();
        for (String grant : account.grants()) {
            if (Grant.EVERY_MACHINE.equals(grant)) {
                every = true;
            } else if (Grant.group(grant).isPresent()) {
                machines.addAll(groups.getOrDefault(Grant.group(grant).get(), List.of()));
            } else {
                machines.add(grant);
            }
        }
        return new Rights(account.role(), every, Set.copyOf(machines));
    }

    /** Empty for no user. */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** The machine is granted: the user may know it exists. */
    public boolean sees(String machine) {
        return role != null && (everyMachine || machines.contains(machine));
    }

    /** Every machine is granted, also those added to the inventory later. */
    public boolean seesEveryMachine() {
        return role != null && everyMachine;
    }

    public boolean controls(String machine) {
        return sees(machine) && role != Role.VIEWER;
    }

    public boolean administers() {
        return role == Role.ADMIN;
    }

    /** {@link #CONTROL}, {@link #VIEW}, or empty for a machine not granted. */
    public Optional<String> access(String machine) {
        return controls(machine) ? Optional.of(CONTROL) : sees(machine) ? Optional.of(VIEW) : Optional.empty();
    }
}
