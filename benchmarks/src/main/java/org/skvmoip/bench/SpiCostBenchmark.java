package org.skvmoip.bench;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;

import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.SpiFrame;
import org.skvmoip.firmware.w5500.W5500;
import org.skvmoip.firmware.w5500.W5500Socket;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.board.SystemClock;
import org.skvmoip.sim.w5500.HostNetwork;
import org.skvmoip.sim.w5500.SpiCounts;

/**
 * SPI bytes the driver spends on one send and one receive, counted by the W5500 model: the
 * module's bus cost per operation, whatever the host machine's speed.
 */
final class SpiCostBenchmark {

    record Cost(String operation, int payload, long bytes, long frames) {
        /** Bus time in microseconds at an SPI clock of {@code hz}: 8 clocks per byte. */
        double micros(double hz) {
            return bytes * 8 / hz * 1e6;
        }
    }

    static Cost[] measure() throws Exception {
        try (SimBoard board = new SimBoard(HostNetwork.loopback(-1))) {
            W5500 chip = new W5500(board.w5500Spi(), board.w5500Reset(), board.w5500Interrupt(), SystemClock.INSTANCE);
            if (!chip.start(SimulatedModule.defaultConfig(0))) {
                throw new IllegalStateException("model did not answer");
            }
            W5500Socket socket = chip.socket(0);
            socket.setBufferSizes(8, 8);
            check(socket.openTcp(7));
            check(socket.listen());
            try (Socket host = new Socket(InetAddress.getLoopbackAddress(), board.w5500().hostPort(0))) {
                while (socket.status() != SocketRegisters.SOCK_ESTABLISHED) {
                    Thread.sleep(1);
                }
                return new Cost[] {
                    send(board, chip, socket, host, 16), send(board, chip, socket, host, 1024),
                    recv(board, socket, host, 16), recv(board, socket, host, 1024),
                };
            }
        }
    }

    /** Median over 50 sends, each made after the previous one's SEND_OK (the steady state). */
    private static Cost send(SimBoard board, W5500 chip, W5500Socket socket, Socket host, int size) throws Exception {
        byte[] payload = new byte[size];
        long[] bytes = new long[50];
        long frames = 0;
        InputStream in = host.getInputStream();
        for (int i = 0; i < bytes.length; i++) {
            SpiCounts before = board.w5500().counters().snapshot();
            int sent = socket.send(payload, 0, size);
            SpiCounts cost = board.w5500().counters().snapshot().minus(before);
            if (sent != size) {
                throw new IllegalStateException("send queued " + sent + " of " + size);
            }
            bytes[i] = cost.bytes();
            frames = cost.frames();
            in.readNBytes(size);
            awaitSendOk(chip, socket);
        }
        return new Cost("send", size, median(bytes), frames);
    }

    /** Median over 50 receives of data already waiting in the chip. */
    private static Cost recv(SimBoard board, W5500Socket socket, Socket host, int size) throws Exception {
        byte[] payload = new byte[size];
        byte[] into = new byte[size];
        long[] bytes = new long[50];
        long frames = 0;
        for (int i = 0; i < bytes.length; i++) {
            host.getOutputStream().write(payload);
            while (socket.available() < size) {
                Thread.sleep(0, 100_000);
            }
            SpiCounts before = board.w5500().counters().snapshot();
            int read = socket.recv(into, 0, size);
            SpiCounts cost = board.w5500().counters().snapshot().minus(before);
            if (read != size) {
                throw new IllegalStateException("recv read " + read + " of " + size);
            }
            bytes[i] = cost.bytes();
            frames = cost.frames();
        }
        return new Cost("recv", size, median(bytes), frames);
    }

    /** Waits, outside the measurement, until the chip reports the last SEND done (without clearing it). */
    private static void awaitSendOk(W5500 chip, W5500Socket socket) throws InterruptedException {
        int block = SpiFrame.socketRegisterBlock(socket.number());
        while ((chip.bus().readByte(block, SocketRegisters.Sn_IR) & SocketRegisters.Sn_IR_SEND_OK) == 0) {
            Thread.sleep(0, 100_000);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void check(int result) {
        if (result < 0) {
            throw new IllegalStateException("socket call failed: " + result);
        }
    }
}
