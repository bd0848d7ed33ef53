package org.skvmoip.client.cli;

import java.util.ArrayList;
import java.util.List;

import org.skvmoip.client.api.MachineState;

/** The machines as a table for people: aligned columns, "-" where a machine has no such thing. */
final class MachineTable {

    private static final String[] HEADER = {"NAME", "ONLINE", "POWER", "HDD", "VIEWERS", "CONTROLLER", "ACCESS"};

    private MachineTable() {
    }

    static String format(List<MachineState> machines) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MachineState m : machines) {
            rows.add(new String[] {
                m.name(),
                m.module() ? (m.online() ? "yes" : "no") : "-",
                m.module() ? m.power().wire() : "-",
                m.module() && m.online() ? m.hddActivity() + "%" : "-",
                Integer.toString(m.viewers()),
                m.controller() == null ? "-" : m.controller(),
                m.access().wire()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }
}
