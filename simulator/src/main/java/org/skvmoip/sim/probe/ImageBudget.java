package org.skvmoip.sim.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole device image against the STM32F401CC (docs/footprint.md): every part's flash and
 * RAM, each measured in this build or cited with its source, summed against what the part has,
 * with the 15% headroom DESIGN.md asks of both.
 *
 * <p>Flash is 256 KB less the two 16 KB settings sectors (2-3), and the settings split it: the
 * linker script's BOOT region is sectors 0-1 (32 KB, before them), its FLASH region sectors 4-5
 * (192 KB, after them). Each region must hold what the linker puts there; the headroom is
 * reckoned on the 224 KB together.
 */
public record ImageBudget(List<Part> parts) {

    public static final long PART_FLASH_BYTES = 256 * 1024;
    public static final long SETTINGS_BYTES = 2 * 16 * 1024;
    public static final long BOOT_REGION_BYTES = 32 * 1024;
    public static final long FLASH_REGION_BYTES = 192 * 1024;
    public static final long RAM_BYTES = 64 * 1024;
    /** DESIGN.md: at least 15% of flash (less the settings) and of RAM left free. */
    public static final double HEADROOM = 0.15;

    /**
     * One part of the image.
     *
     * @param boot   bytes in the BOOT flash region (sectors 0-1)
     * @param flash  bytes in the FLASH region (sectors 4-5), including {@code .data}'s initial values
     * @param ram    bytes of RAM
     * @param source how the figures were obtained: measured by what, or cited from where
     */
    public record Part(String name, long boot, long flash, long ram, String source) {
        public long flashTotal() {
            return boot + flash;
        }
    }

    public ImageBudget {
        parts = List.copyOf(parts);
    }

    public ImageBudget with(Part part) {
        List<Part> all = new ArrayList<>(parts);
        all.add(part);
        return new ImageBudget(all);
    }

    public long bootUsed() {
        return parts.stream().mapToLong(Part::boot).sum();
    }

    public long flashRegionUsed() {
        return parts.stream().mapToLong(Part::flash).sum();
    }

    public long flashUsed() {
        return bootUsed() + flashRegionUsed();
    }

    public long ramUsed() {
        return parts.stream().mapToLong(Part::ram).sum();
    }

    /** The most flash the image may take: 85% of the 224 KB outside the settings sectors. */
    public static long flashLimit() {
        return (long) ((PART_FLASH_BYTES - SETTINGS_BYTES) * (1 - HEADROOM));
    }

    /** The most RAM the image may take: 85% of 64 KB. */
    public static long ramLimit() {
        return (long) (RAM_BYTES * (1 - HEADROOM));
    }

    /** One line per limit exceeded, saying by how much; empty when the image fits. */
    public List<String> overBudget() {
        List<String> over = new ArrayList<>();
        over(over, "flash", flashUsed(), flashLimit(), "85% of 224 KB (256 KB less the settings sectors)");
        over(over, "RAM", ramUsed(), ramLimit(), "85% of 64 KB");
        over(over, "the BOOT region (sectors 0-1)", bootUsed(), BOOT_REGION_BYTES, "32 KB");
        over(over, "the FLASH region (sectors 4-5)", flashRegionUsed(), FLASH_REGION_BYTES, "192 KB");
        return over;
    }

    private static void over(List<String> over, String what, long used, long limit, String limitText) {
        if (used > limit) {
            over.add(what + ": " + bytes(used) + " used, over " + bytes(limit) + " (" + limitText + ") by "
                    + bytes(used - limit));
        }
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("| part | flash: boot (sectors 0-1) | flash: main (sectors 4-5) | RAM | source |\n")
                .append("| --- | ---: | ---: | ---: | --- |\n");
        for (Part p : parts) {
            md.append("| ").append(p.name()).append(" | ").append(number(p.boot())).append(" | ")
                    .append(number(p.flash())).append(" | ").append(number(p.ram())).append(" | ").append(p.source())
                    .append(" |\n");
        }
        md.append("| **total** | ").append(number(bootUsed())).append(" | ").append(number(flashRegionUsed()))
                .append(" | ").append(number(ramUsed())).append(" | |\n\n");
        md.append("| limit | used | available | share | free |\n| --- | ---: | ---: | ---: | ---: |\n");
        row(md, "flash, both regions (256 KB less the 32 KB settings sectors)", flashUsed(),
                PART_FLASH_BYTES - SETTINGS_BYTES);
        row(md, "flash: boot region, sectors 0-1", bootUsed(), BOOT_REGION_BYTES);
        row(md, "flash: main region, sectors 4-5", flashRegionUsed(), FLASH_REGION_BYTES);
        row(md, "RAM", ramUsed(), RAM_BYTES);
        md.append("\nHeadroom required: ").append(Math.round(HEADROOM * 100)).append("% of flash and of RAM free: at most ")
                .append(bytes(flashLimit())).append(" of flash and ").append(bytes(ramLimit())).append(" of RAM used.");
        List<String> over = overBudget();
        md.append(over.isEmpty() ? " **The image fits.**\n" : " **Over budget:** " + String.join("; ", over) + "\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String what, long used, long available) {
        md.append("| ").append(what).append(" | ").append(bytes(used)).append(" | ").append(bytes(available))
                .append(" | ").append(String.format(Locale.ROOT, "%.1f%%", 100.0 * used / available)).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f%%", 100.0 - 100.0 * used / available)).append(" |\n");
    }

    static String bytes(long n) {
        return number(n) + " B";
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
