package org.skvmoip.server.metrics;

/** The escaping and number rules of the Prometheus text format 0.0.4. */
final class Exposition {

    private Exposition() {
    }

    /** In HELP text a backslash and a line break are escaped; quotes are not. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** In a label value a backslash, a double quote and a line break are escaped. */
    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Whole numbers without ".0" (counts read as counts); NaN and infinities as Go's ParseFloat spells them. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
