package org.skvmoip.sim.w5500;

import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.util.function.IntSupplier;

/**
 * Raw SPI frames to a model, built from the datasheet's frame layout (§2.2) with literal numbers
 * so the tests do not inherit a mistake from the firmware's constants: address MSB first, then
 * control = BSB << 3 | RWB << 2 | OM, variable-length mode.
 */
final class RawSpi {

    static final int COMMON = 0;

    final W5500Model chip;

    RawSpi(W5500Model chip) {
        this.chip = chip;
    }

    static int socketRegisters(int n) {
        return 4 * n + 1;
    }

    static int txBuffer(int n) {
        return 4 * n + 2;
    }

    static int rxBuffer(int n) {
        return 4 * n + 3;
    }

    static int control(int block, boolean write, int om) {
        return block << 3 | (write ? 1 << 2 : 0) | om;
    }

    byte[] read(int block, int address, int length) {
        byte[] tx = new byte[3 + length];
        tx[0] = (byte) (address >>> 8);
        tx[1] = (byte) address;
        tx[2] = (byte) control(block, false, 0);
        byte[] rx = new byte[tx.length];
        chip.transfer(tx, 0, rx, 0, tx.length);
        byte[] data = new byte[length];
        System.arraycopy(rx, 3, data, 0, length);
        return data;
    }

    void write(int block, int address, byte... data) {
        byte[] tx = new byte[3 + data.length];
        tx[0] = (byte) (address >>> 8);
        tx[1] = (byte) address;
        tx[2] = (byte) control(block, true, 0);
        System.arraycopy(data, 0, tx, 3, data.length);
        chip.transfer(tx, 0, null, 0, tx.length);
    }

    int read8(int block, int address) {
        return read(block, address, 1)[0] & 0xFF;
    }

    int read16(int block, int address) {
        byte[] b = read(block, address, 2);
        return (b[0] & 0xFF) << 8 | (b[1] & 0xFF);
    }

    void write8(int block, int address, int value) {
        write(block, address, (byte) value);
    }

    void write16(int block, int address, int value) {
        write(block, address, (byte) (value >>> 8), (byte) value);
    }

    // --- socket conveniences, in the firmware constants' names ---

    void command(int socket, int command) {
        write8(socketRegisters(socket), Sn_CR, command);
    }

    int status(int socket) {
        return read8(socketRegisters(socket), Sn_SR);
    }

    int interrupts(int socket) {
        return read8(socketRegisters(socket), Sn_IR);
    }

    void clearInterrupts(int socket, int bits) {
        write8(socketRegisters(socket), Sn_IR, bits);
    }

    int txFree(int socket) {
        return read16(socketRegisters(socket), Sn_TX_FSR);
    }

    int rxReceived(int socket) {
        return read16(socketRegisters(socket), Sn_RX_RSR);
    }

    void openTcp(int socket, int port) {
        write8(socketRegisters(socket), Sn_MR, Sn_MR_TCP);
        write16(socketRegisters(socket), Sn_PORT, port);
        command(socket, Sn_CR_OPEN);
    }

    void openUdp(int socket, int port) {
        write8(socketRegisters(socket), Sn_MR, Sn_MR_UDP);
        write16(socketRegisters(socket), Sn_PORT, port);
        command(socket, Sn_CR_OPEN);
    }

    /** Writes {@code data} at Sn_TX_WR, advances it and issues SEND, as a driver does. */
    void send(int socket, byte[] data) {
        int wr = read16(socketRegisters(socket), Sn_TX_WR);
        write(txBuffer(socket), wr, data);
        write16(socketRegisters(socket), Sn_TX_WR, wr + data.length);
        command(socket, Sn_CR_SEND);
    }

    /** Reads {@code length} bytes at Sn_RX_RD, advances it and issues RECV. */
    byte[] receive(int socket, int length) {
        int rd = read16(socketRegisters(socket), Sn_RX_RD);
        byte[] data = read(rxBuffer(socket), rd, length);
        write16(socketRegisters(socket), Sn_RX_RD, rd + length);
        command(socket, Sn_CR_RECV);
        return data;
    }

    void awaitStatus(int socket, int status) {
        awaitStatus(socket, status, 5);
    }

    /** For states reached only after a long chip timer (keep-alive periods are 5 s units). */
    void awaitStatus(int socket, int status, int seconds) {
        await(seconds, () -> status(socket) == status ? 1 : 0, "socket " + socket + " status 0x" + Integer.toHexString(status),
                () -> "0x" + Integer.toHexString(status(socket)));
    }

    void awaitInterrupt(int socket, int bit) {
        await(() -> interrupts(socket) & bit, "socket " + socket + " Sn_IR bit 0x" + Integer.toHexString(bit),
                () -> "Sn_IR 0x" + Integer.toHexString(interrupts(socket)));
    }

    void awaitReceived(int socket, int atLeast) {
        await(() -> rxReceived(socket) >= atLeast ? 1 : 0, "socket " + socket + " Sn_RX_RSR >= " + atLeast,
                () -> "RSR " + rxReceived(socket));
    }

    /** Polls (tests only) until {@code condition} is non-zero; fails after 5 s (or {@code seconds}) saying what it saw. */
    static void await(IntSupplier condition, String what, java.util.function.Supplier<String> seen) {
        await(5, condition, what, seen);
    }

    static void await(int seconds, IntSupplier condition, String what, java.util.function.Supplier<String> seen) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (condition.getAsInt() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; saw " + seen.get());
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
