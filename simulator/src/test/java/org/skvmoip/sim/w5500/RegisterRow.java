package org.skvmoip.sim.w5500;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One row of a golden register table under src/test/resources (see the files' header comments). */
record RegisterRow(String name, int offset, int bytes, byte[] reset, String access, int mask) {

    static List<RegisterRow> load(String resource) {
        InputStream in = RegisterRow.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("golden table " + resource + " is missing from the test resources");
        }
        List<RegisterRow> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(parse(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static RegisterRow parse(String line) {
        String[] f = line.split(",");
        if (f.length != 6) {
            throw new IllegalArgumentException("golden table row needs 6 fields, has " + f.length + ": " + line);
        }
        int bytes = Integer.parseInt(f[2]);
        byte[] reset = new byte[bytes];
        if (f[3].length() != 2 * bytes) {
            throw new IllegalArgumentException("reset value of " + f[0] + " has " + f[3].length() / 2 + " bytes, not " + bytes);
        }
        for (int i = 0; i < bytes; i++) {
            reset[i] = (byte) Integer.parseInt(f[3].substring(2 * i, 2 * i + 2), 16);
        }
        return new RegisterRow(f[0], Integer.decode(f[1]), bytes, reset, f[4], Integer.parseInt(f[5], 16));
    }

    @Override
    public String toString() {
        return name + "@0x" + String.format("%04X", offset);
    }
}
