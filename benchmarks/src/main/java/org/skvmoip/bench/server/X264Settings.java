package org.skvmoip.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings x264 writes into its first access unit (an unregistered user data SEI:
 * "x264 - core 164 r3095 ... - options: cabac=1 ref=1 ..."), read back to compare two encoders'
 * set-ups option by option.
 *
 * @param core    "core 164 r3095 baee400": x264's version
 * @param options each option as written, in order
 */
record X264Settings(String core, Map<String, String> options) {

    private static final byte[] MARK = "x264 - core ".getBytes(StandardCharsets.US_ASCII);
    private static final String OPTIONS = " - options: ";

    /** The settings in {@code stream}, or none when it holds no x264 SEI. */
    static Optional<X264Settings> find(byte[] stream) {
        int start = indexOf(stream, MARK);
        if (start < 0) {
            return Optional.empty();
        }
        int end = start;
        while (end < stream.length && stream[end] != 0) {
            end++;
        }
        String text = new String(stream, start, end - start, StandardCharsets.US_ASCII);
        int options = text.indexOf(OPTIONS);
        String core = text.substring("x264 - ".length(), text.indexOf(" - ", "x264 - ".length()));
        Map<String, String> parsed = new LinkedHashMap<>();
        if (options >= 0) {
            for (String option : text.substring(options + OPTIONS.length()).trim().split(" ")) {
                int equals = option.indexOf('=');
                parsed.put(equals < 0 ? option : option.substring(0, equals), equals < 0 ? "" : option.substring(equals + 1));
            }
        }
        return Optional.of(new X264Settings(core, parsed));
    }

    /** "name: ours vs theirs" for every option that differs; empty when they are the same. */
    List<String> differences(X264Settings other) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String theirs = other.options.get(option.getKey());
            if (!option.getValue().equals(theirs)) {
                differences.add(option.getKey() + " " + option.getValue() + " vs " + theirs);
            }
        }
        for (String name : other.options.keySet()) {
            if (!options.containsKey(name)) {
                differences.add(name + " missing vs " + other.options.get(name));
            }
        }
        return differences;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
