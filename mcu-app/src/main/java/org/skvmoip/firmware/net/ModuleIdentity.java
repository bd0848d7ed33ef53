package org.skvmoip.firmware.net;

import org.skvmoip.hal.UniqueId;

/**
 * Who this module is, from the MCU's 96-bit unique id: a MAC address and a printable module id.
 *
 * <p>The MAC is locally administered and unicast (IEEE 802-2014 §8.2: first octet bit 1 set,
 * bit 0 clear), as no OUI is bought for it. Its other 46 bits come from a 64-bit FNV-1a hash of
 * all 12 id bytes: the STM32 id is a wafer position, lot and wafer number, so truncating it
 * would give neighbouring chips nearly equal MACs and chips of two lots the same ones.
 */
public final class ModuleIdentity {

    /** Characters of {@link #moduleId()}: the 12 id bytes in hex. */
    public static final int MODULE_ID_CHARS = UniqueId.LENGTH * 2;
    /** "skvmoip-" and the MAC's last three octets in hex. */
    public static final int DEFAULT_NAME_BYTES = 14;

    private static final long FNV64_OFFSET_BASIS = 0xCBF29CE484222325L;
    private static final long FNV64_PRIME = 0x100000001B3L;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    private static final byte[] NAME_PREFIX = {'s', 'k', 'v', 'm', 'o', 'i', 'p', '-'};

    private final byte[] uid = new byte[UniqueId.LENGTH];
    private final byte[] mac = new byte[6];
    private final byte[] moduleIdAscii = new byte[MODULE_ID_CHARS];
    private final String moduleId;

    public ModuleIdentity(UniqueId source) {
        source.read(uid, 0);
        deriveMac(uid, 0, mac, 0);
        hex(uid, 0, UniqueId.LENGTH, moduleIdAscii, 0);
        char[] chars = new char[MODULE_ID_CHARS];
        for (int i = 0; i < MODULE_ID_CHARS; i++) {
            chars[i] = (char) moduleIdAscii[i];
        }
        moduleId = new String(chars);
    }

    /** The MAC for a 12-byte unique id (see the class comment). */
    public static void deriveMac(byte[] uid, int uidOff, byte[] dst, int dstOff) {
        long h = FNV64_OFFSET_BASIS;
        for (int i = 0; i < UniqueId.LENGTH; i++) {
            h = (h ^ (uid[uidOff + i] & 0xFF)) * FNV64_PRIME;
        }
        dst[dstOff] = (byte) ((h >>> 40) & 0xFC | 0x02);
        for (int i = 1; i < 6; i++) {
            dst[dstOff + i] = (byte) (h >>> (40 - 8 * i));
        }
    }

    public void mac(byte[] dst, int off) {
        System.arraycopy(mac, 0, dst, off, 6);
    }

    /** Copies the MAC into {@code config}. */
    public void applyTo(NetworkConfig config) {
        mac(config.mac, 0);
    }

    public void uniqueId(byte[] dst, int off) {
        System.arraycopy(uid, 0, dst, off, UniqueId.LENGTH);
    }

    /** 24 upper-case hex characters, built once at construction. */
    public String moduleId() {
        return moduleId;
    }

    /** The {@link #moduleId()} as ASCII bytes, for packets (no allocation). */
    public void moduleIdAscii(byte[] dst, int off) {
        System.arraycopy(moduleIdAscii, 0, dst, off, MODULE_ID_CHARS);
    }

    /** Writes the name a module has before anyone names it, e.g. "skvmoip-3FA2C1" ({@link #DEFAULT_NAME_BYTES}). */
    public void defaultName(byte[] dst, int off) {
        System.arraycopy(NAME_PREFIX, 0, dst, off, NAME_PREFIX.length);
        hex(mac, 3, 3, dst, off + NAME_PREFIX.length);
    }

    private static void hex(byte[] src, int off, int len, byte[] dst, int dstOff) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + 2 * i] = HEX[(src[off + i] >>> 4) & 0xF];
            dst[dstOff + 2 * i + 1] = HEX[src[off + i] & 0xF];
        }
    }
}
