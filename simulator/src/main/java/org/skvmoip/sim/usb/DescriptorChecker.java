package org.skvmoip.sim.usb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Structural checks of standard descriptors as a strict host makes them (USB 2.0 §9.6,
 * HID 1.11 §6.2.1): every descriptor's bLength and bDescriptorType, wTotalLength against what
 * arrived, interface and endpoint counts, and the HID descriptor's report length. Fails with a
 * {@link DescriptorException} that names the descriptor and offset.
 */
public final class DescriptorChecker {

    static final int DEVICE = 1;
    static final int CONFIGURATION = 2;
    static final int STRING = 3;
    static final int INTERFACE = 4;
    static final int ENDPOINT = 5;
    static final int HID = 0x21;
    static final int REPORT = 0x22;
    static final int CLASS_HID = 3;

    private DescriptorChecker() {
    }

    /** The device descriptor's fields a host uses; checks its 18 bytes. */
    public static int[] checkDevice(byte[] d) {
        expect(d.length == 18, "device descriptor is %d bytes, must be 18", d.length);
        expect(u8(d, 0) == 18 && u8(d, 1) == DEVICE, "device descriptor starts %02X %02X, must be 12 01", u8(d, 0),
                u8(d, 1));
        int ep0 = u8(d, 7);
        expect(ep0 == 8 || ep0 == 16 || ep0 == 32 || ep0 == 64, "bMaxPacketSize0 %d (full speed: 8, 16, 32 or 64)",
                ep0);
        expect(u8(d, 17) >= 1, "bNumConfigurations is 0");
        return new int[] {u16(d, 8), u16(d, 10), ep0};
    }

    /** Walks the full configuration descriptor; returns the interfaces with their HID report lengths. */
    public static List<int[]> checkConfiguration(byte[] c) {
        expect(c.length >= 9 && u8(c, 0) == 9 && u8(c, 1) == CONFIGURATION,
                "configuration descriptor must start with bLength 9, bDescriptorType 2");
        expect(u16(c, 2) == c.length, "wTotalLength %d but %d bytes came", u16(c, 2), c.length);
        expect((u8(c, 7) & 0x80) != 0, "bmAttributes bit 7 must be set (USB 2.0 §9.6.3)");
        int declaredInterfaces = u8(c, 4);
        List<int[]> interfaces = new ArrayList<>(); // number, subclass, protocol, reportLength, ep, maxPacket, interval
        int[] current = null;
        int endpointsLeft = 0;
        for (int at = 9; at < c.length;) {
            expect(at + 2 <= c.length, "descriptor at byte %d is cut off", at);
            int length = u8(c, at);
            int type = u8(c, at + 1);
            expect(length >= 2 && at + length <= c.length, "descriptor at byte %d has bLength %d, past the end (%d)",
                    at, length, c.length);
            switch (type) {
                case INTERFACE -> {
                    expect(length == 9, "interface descriptor at byte %d has bLength %d, must be 9", at, length);
                    expect(endpointsLeft == 0, "interface before byte %d lacks %d endpoint descriptor(s)", at,
                            endpointsLeft);
                    expect(u8(c, at + 5) == CLASS_HID, "interface %d is class %d, this host drives HID (3) only",
                            u8(c, at + 2), u8(c, at + 5));
                    expect(u8(c, at + 2) == interfaces.size(), "interface number %d at byte %d, expected %d",
                            u8(c, at + 2), at, interfaces.size());
                    current = new int[] {u8(c, at + 2), u8(c, at + 6), u8(c, at + 7), -1, -1, 0, 0};
                    interfaces.add(current);
                    endpointsLeft = u8(c, at + 4);
                }
                case HID -> {
                    expect(current != null && current[3] < 0, "HID descriptor at byte %d is not right after an"
                            + " interface", at);
                    int count = u8(c, at + 5);
                    expect(count >= 1 && length == 6 + 3 * count, "HID descriptor at byte %d: bLength %d for %d"
                            + " class descriptor(s)", at, length, count);
                    expect(u8(c, at + 6) == REPORT, "HID descriptor at byte %d names descriptor type 0x%02X first,"
                            + " must be the report descriptor 0x22", at, u8(c, at + 6));
                    current[3] = u16(c, at + 7);
                }
                case ENDPOINT -> {
                    expect(length == 7, "endpoint descriptor at byte %d has bLength %d, must be 7", at, length);
                    expect(current != null && endpointsLeft > 0, "endpoint descriptor at byte %d beyond its"
                            + " interface's bNumEndpoints", at);
                    int address = u8(c, at + 2);
                    expect((address & 0x80) != 0 && (u8(c, at + 3) & 3) == 3, "endpoint at byte %d must be"
                            + " interrupt IN", at);
                    int maxPacket = u16(c, at + 4);
                    int interval = u8(c, at + 6);
                    expect(maxPacket >= 1 && maxPacket <= 64, "interrupt endpoint 0x%02X wMaxPacketSize %d (full"
                            + " speed: 1..64)", address, maxPacket);
                    expect(interval >= 1, "interrupt endpoint 0x%02X has bInterval 0", address);
                    current[4] = address & 0x0F;
                    current[5] = maxPacket;
                    current[6] = interval;
                    endpointsLeft--;
                }
                default -> throw new DescriptorException("unexpected descriptor type 0x%02X at byte %d of the"
                        .formatted(type, at) + " configuration");
            }
            at += length;
        }
        expect(endpointsLeft == 0, "last interface lacks %d endpoint descriptor(s)", endpointsLeft);
        expect(interfaces.size() == declaredInterfaces, "bNumInterfaces %d but %d interface descriptors",
                declaredInterfaces, interfaces.size());
        for (int[] i : interfaces) {
            expect(i[3] >= 0, "HID interface %d has no HID descriptor", i[0]);
            expect(i[4] >= 0, "HID interface %d has no interrupt IN endpoint", i[0]);
        }
        return interfaces;
    }

    /** Checks a string descriptor and returns its text. */
    public static String checkString(byte[] s, int index) {
        expect(s.length >= 2 && u8(s, 0) == s.length && u8(s, 1) == STRING && s.length % 2 == 0,
                "string descriptor %d is malformed: %s", index, HexBytes.of(s));
        return new String(s, 2, s.length - 2, StandardCharsets.UTF_16LE);
    }

    static void expect(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new DescriptorException(String.format(format, args));
        }
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at) {
        return u8(b, at) | u8(b, at + 1) << 8;
    }
}
