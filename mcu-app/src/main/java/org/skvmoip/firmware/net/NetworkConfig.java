package org.skvmoip.firmware.net;

/**
 * The module's own addresses on the LAN. Arrays are owned by this object and filled in place,
 * so changing the configuration allocates nothing.
 */
public final class NetworkConfig {

    public final byte[] mac = new byte[6];
    public final byte[] ip = new byte[4];
    public final byte[] subnet = new byte[4];
    public final byte[] gateway = new byte[4];

    public void setIp(int a, int b, int c, int d) {
        set(ip, a, b, c, d);
    }

    public void setSubnet(int a, int b, int c, int d) {
        set(subnet, a, b, c, d);
    }

    public void setGateway(int a, int b, int c, int d) {
        set(gateway, a, b, c, d);
    }

    private static void set(byte[] target, int a, int b, int c, int d) {
        target[0] = (byte) a;
        target[1] = (byte) b;
        target[2] = (byte) c;
        target[3] = (byte) d;
    }
}
