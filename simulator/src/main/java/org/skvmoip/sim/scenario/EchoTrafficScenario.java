package org.skvmoip.sim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.ModuleMain;
import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.config.ConfigStorage;
import org.skvmoip.firmware.config.ModuleSettings;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.probe.AllocationScenario;
import org.skvmoip.sim.w5500.HostNetwork;

/**
 * The firmware main loop under steady TCP and UDP echo traffic, one iteration per
 * {@link #runOnce()}, driven on the calling thread (the one the allocation probe measures).
 * Host clients on their own threads keep data flowing through the W5500 driver's send and
 * receive paths the whole time. The echo diagnostic is switched on in the settings page for it.
 */
public final class EchoTrafficScenario implements AllocationScenario {

    private static final int CHUNK = 1024;
    private static final long SETUP_TIMEOUT_MILLIS = 10_000;

    private SimBoard board;
    private Firmware firmware;
    private Socket tcp;
    private DatagramSocket udp;
    private Thread tcpTraffic;
    private Thread udpTraffic;
    private volatile boolean running = true;
    private volatile long echoedBytes;
    private volatile long echoedDatagrams;
    private long echoedBytesAtStart;
    private long echoedDatagramsAtStart;

    @Override
    public void setUp() throws Exception {
        board = new SimBoard(HostNetwork.loopback(-1));
        ModuleSettings settings = new ModuleSettings();
        settings.setDefaults();
        settings.echoDiagnostic = true;
        new ConfigStorage(board.simConfigStore()).save(settings);
        firmware = ModuleMain.powerUp(board);
        if (!firmware.start()) {
            throw new IllegalStateException("the simulated W5500 did not answer");
        }
        long deadline = System.currentTimeMillis() + SETUP_TIMEOUT_MILLIS;
        while (port(SocketPlan.ECHO_TCP) < 0 || port(SocketPlan.ECHO_UDP) < 0) {
            firmware.runOnce();
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("echo service sockets did not open");
            }
        }
        tcp = new Socket();
        tcp.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(SocketPlan.ECHO_TCP)));
        udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        udp.setSoTimeout(50);
        tcpTraffic = daemon("tcp-traffic", this::pumpTcp);
        udpTraffic = daemon("udp-traffic", this::pumpUdp);
        // Run the loop until data is flowing both ways (greeting sent, echoes returning).
        while (echoedBytes < 4 * CHUNK || echoedDatagrams < 4) {
            firmware.runOnce();
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no echo traffic after setup: tcp=" + echoedBytes + " udp=" + echoedDatagrams);
            }
        }
        echoedBytesAtStart = echoedBytes;
        echoedDatagramsAtStart = echoedDatagrams;
    }

    @Override
    public void runOnce() {
        firmware.runOnce();
    }

    @Override
    public void tearDown() throws Exception {
        long tcpDuring = echoedBytes - echoedBytesAtStart;
        long udpDuring = echoedDatagrams - echoedDatagramsAtStart;
        running = false;
        tcp.close();
        udp.close();
        tcpTraffic.join(2_000);
        udpTraffic.join(2_000);
        board.close();
        if (tcpDuring == 0 || udpDuring == 0) {
            throw new IllegalStateException("traffic stopped while measuring: tcp bytes=" + tcpDuring
                    + " datagrams=" + udpDuring + "; the measurement would not cover send/recv");
        }
    }

    private int port(int socket) {
        return board.w5500().hostPort(socket);
    }

    private void pumpTcp() {
        byte[] out = new byte[CHUNK];
        byte[] in = new byte[CHUNK];
        try {
            OutputStream output = tcp.getOutputStream();
            InputStream input = tcp.getInputStream();
            while (running) {
                // Read back exactly what was written, so at most one chunk is ever in flight.
                output.write(out);
                int read = input.readNBytes(in, 0, CHUNK);
                if (read < CHUNK) {
                    return;
                }
                echoedBytes += read;
            }
        } catch (IOException closing) {
            // tearDown closed the socket.
        }
    }

    private void pumpUdp() {
        byte[] message = new byte[64];
        DatagramPacket reply = new DatagramPacket(new byte[256], 256);
        while (running) {
            try {
                udp.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(),
                        port(SocketPlan.ECHO_UDP)));
                udp.receive(reply);
                echoedDatagrams++;
            } catch (IOException lostOrClosing) {
                // A timeout: send the next one.
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
