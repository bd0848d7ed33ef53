package org.skvmoip.firmware.config;

import java.util.Arrays;

/**
 * The module's persistent settings, as kept in the flash config page ({@link ConfigPage}).
 * Arrays are owned by this object and changed in place.
 */
public final class ModuleSettings {

    public static final int IP_MODE_STATIC = 0;
    public static final int IP_MODE_DHCP = 1;

    public static final int SECRET_BYTES = 32;
    public static final int NAME_MAX_BYTES = 32;

    /** 0 in the page means "the control protocol's default port". */
    public static final int CONTROL_PORT_DEFAULT = 0;

    /** Fallback and factory address: the usual home-router /24, a host number routers rarely hand out. */
    private static final byte[] DEFAULT_IP = {(byte) 192, (byte) 168, 1, (byte) 250};
    private static final byte[] DEFAULT_SUBNET = {(byte) 255, (byte) 255, (byte) 255, 0};
    private static final byte[] DEFAULT_GATEWAY = {(byte) 192, (byte) 168, 1, 1};

    public int ipMode;
    public final byte[] staticIp = new byte[4];
    public final byte[] staticSubnet = new byte[4];
    public final byte[] staticGateway = new byte[4];
    public int controlPort;

    /** Whether a server has adopted the module: then {@link #secret} is its per-module key. */
    public boolean adopted;
    public final byte[] secret = new byte[SECRET_BYTES];

    /** Printable ASCII (0x20-0x7E), {@link #nameLength} bytes used. */
    public final byte[] name = new byte[NAME_MAX_BYTES];
    public int nameLength;

    /**
     * Whether the echo service (RFC 862, TCP and UDP port 7) runs: a network diagnostic for
     * bring-up, off in the product so that a module never answers what it did not ask for.
     */
    public boolean echoDiagnostic;

    /**
     * Factory settings: DHCP, with 192.168.1.250/24 via 192.168.1.1 as the static and fallback
     * address, not adopted, no name, no echo diagnostic.
     */
    public void setDefaults() {
        ipMode = IP_MODE_DHCP;
        System.arraycopy(DEFAULT_IP, 0, staticIp, 0, 4);
        System.arraycopy(DEFAULT_SUBNET, 0, staticSubnet, 0, 4);
        System.arraycopy(DEFAULT_GATEWAY, 0, staticGateway, 0, 4);
        controlPort = CONTROL_PORT_DEFAULT;
        clearAdoption();
        Arrays.fill(name, (byte) 0);
        nameLength = 0;
        echoDiagnostic = false;
    }

    /** Forgets the server: the secret is zeroed, not just flagged unused. */
    public void clearAdoption() {
        adopted = false;
        Arrays.fill(secret, (byte) 0);
    }

    /**
     * Sets the name from {@code len} bytes; refuses (returns false, changes nothing) a name
     * longer than {@link #NAME_MAX_BYTES} or with bytes outside printable ASCII.
     */
    public boolean setName(byte[] src, int off, int len) {
        if (len < 0 || len > NAME_MAX_BYTES || !printable(src, off, len)) {
            return false;
        }
        Arrays.fill(name, (byte) 0);
        System.arraycopy(src, off, name, 0, len);
        nameLength = len;
        return true;
    }

    public void copyFrom(ModuleSettings other) {
        ipMode = other.ipMode;
        System.arraycopy(other.staticIp, 0, staticIp, 0, 4);
        System.arraycopy(other.staticSubnet, 0, staticSubnet, 0, 4);
        System.arraycopy(other.staticGateway, 0, staticGateway, 0, 4);
        controlPort = other.controlPort;
        adopted = other.adopted;
        System.arraycopy(other.secret, 0, secret, 0, SECRET_BYTES);
        System.arraycopy(other.name, 0, name, 0, NAME_MAX_BYTES);
        nameLength = other.nameLength;
        echoDiagnostic = other.echoDiagnostic;
    }

    static boolean printable(byte[] src, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (src[i] < 0x20 || src[i] > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
