package org.skvmoip.sim;

import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.net.NetworkConfig;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.w5500.HostNetwork;
import org.skvmoip.sim.w5500.W5500Model;

/**
 * One module on a desktop JVM: the real firmware running its main loop on its own thread,
 * against a simulated board whose W5500 is bridged to this host's loopback.
 */
public final class SimulatedModule implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final int index;
    private final SimBoard board;
    private final Firmware firmware;
    private final Thread thread;

    /**
     * @param index      the module's number in the rack; it picks the MAC and IP
     * @param portOffset host port = chip port + offset (negative: ephemeral ports)
     */
    public SimulatedModule(int index, int portOffset) {
        this.index = index;
        this.board = new SimBoard(HostNetwork.loopback(portOffset));
        this.firmware = new Firmware(board, defaultConfig(index));
        this.thread = new Thread(firmware::run, "module-" + index);
        thread.setDaemon(true);
    }

    /** A locally administered MAC and a 192.168.100.0/24 address per module. */
    public static NetworkConfig defaultConfig(int index) {
        NetworkConfig config = new NetworkConfig();
        byte[] mac = {0x02, 0x53, 0x4B, 0x56, (byte) (index >> 8), (byte) index};
        System.arraycopy(mac, 0, config.mac, 0, 6);
        config.setIp(192, 168, 100, 10 + index);
        config.setSubnet(255, 255, 255, 0);
        config.setGateway(192, 168, 100, 1);
        return config;
    }

    /** Starts the firmware and waits until its chip answers and its service sockets are open. */
    public SimulatedModule start() throws InterruptedException {
        thread.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (tcpPort() < 0 || udpPort() < 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("module " + index + " did not open its service sockets within "
                        + START_TIMEOUT_MILLIS + " ms (chip: " + W5500.describeState(firmware.chip().state()) + ")");
            }
            Thread.sleep(5);
        }
        return this;
    }

    /** The host port of the module's TCP service socket (the echo service today), or -1. */
    public int tcpPort() {
        return board.w5500().hostPort(SocketPlan.SERVICE_TCP);
    }

    /** The host port of the module's UDP service socket, or -1. */
    public int udpPort() {
        return board.w5500().hostPort(SocketPlan.SERVICE_UDP);
    }

    public int index() {
        return index;
    }

    public Firmware firmware() {
        return firmware;
    }

    public W5500Model w5500() {
        return board.w5500();
    }

    @Override
    public void close() throws InterruptedException {
        firmware.stop();
        thread.join(2_000);
        board.close();
    }
}
