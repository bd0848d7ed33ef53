package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Link loss, chip resets and a stalled peer, as the firmware must survive them. */
@Timeout(20)
class FaultInjectionTest {

    private static final int PHYCFGR = 0x002E;
    private static final int RTR = 0x0019;
    private static final int RCR = 0x001B;
    private static final int SHAR = 0x0009;

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    private Socket established(int socket) throws IOException {
        spi.openTcp(socket, 5000);
        spi.command(socket, Sn_CR_LISTEN);
        Socket peer = new Socket(InetAddress.getLoopbackAddress(), model.hostPort(socket));
        peer.setSoTimeout(5_000);
        spi.awaitStatus(socket, SOCK_ESTABLISHED);
        return peer;
    }

    private void assertFreshChip() {
        assertThat(spi.read(RawSpi.COMMON, SHAR, 6)).containsOnly(0);
        assertThat(spi.read16(RawSpi.COMMON, RTR)).isEqualTo(0x07D0);
        assertThat(spi.status(0)).isEqualTo(SOCK_CLOSED);
        assertThat(spi.read8(RawSpi.socketRegisters(0), Sn_MR)).isZero();
        assertThat(spi.interrupts(0)).isZero();
        assertThat(spi.txFree(0)).isEqualTo(2048);
        assertThat(model.hostPort(0)).isEqualTo(-1);
    }

    @Test
    void linkDownClearsLnkAndLinkUpSetsIt() {
        assertThat(spi.read8(RawSpi.COMMON, PHYCFGR)).isEqualTo(0xBF);

        model.setLinkUp(false);
        assertThat(spi.read8(RawSpi.COMMON, PHYCFGR) & 0x01).isZero();

        model.setLinkUp(true);
        assertThat(spi.read8(RawSpi.COMMON, PHYCFGR)).isEqualTo(0xBF);
    }

    @Test
    void linkDownHoldsIncomingDataUntilItComesBack() throws Exception {
        try (Socket peer = established(0)) {
            model.setLinkUp(false);
            peer.getOutputStream().write(new byte[] {1, 2, 3});
            Thread.sleep(100);
            assertThat(spi.rxReceived(0)).isZero();

            model.setLinkUp(true);

            spi.awaitReceived(0, 3);
            assertThat(spi.receive(0, 3)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void heldTransmitKeepsTheTxBufferFull() throws IOException {
        try (Socket peer = established(0)) {
            model.holdTransmit(0, true);

            spi.send(0, new byte[2048]);

            assertThat(spi.txFree(0)).isZero();
            assertThat(spi.interrupts(0) & Sn_IR_SEND_OK).isZero();
            model.holdTransmit(0, false);
            assertThat(peer.getInputStream().readNBytes(2048)).hasSize(2048);
            spi.awaitInterrupt(0, Sn_IR_SEND_OK);
        }
    }

    @Test
    void chipResetRestoresResetValuesAndAbortsHostConnections() throws IOException {
        try (Socket peer = established(0)) {
            spi.write(RawSpi.COMMON, SHAR, new byte[] {2, 0, 0, 0, 0, 1});
            spi.write16(RawSpi.COMMON, RTR, 1234);

            model.chipReset();

            assertFreshChip();
            assertThatThrownBy(() -> peer.getInputStream().read()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void softwareResetThroughMrRstDoesTheSameAndSelfClears() throws IOException {
        try (Socket peer = established(0)) {
            spi.write(RawSpi.COMMON, SHAR, new byte[] {2, 0, 0, 0, 0, 1});

            spi.write8(RawSpi.COMMON, 0x0000, 0x80);

            assertThat(spi.read8(RawSpi.COMMON, 0x0000)).isZero();
            assertFreshChip();
            assertThatThrownBy(() -> peer.getInputStream().read()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void rstnLowHoldsTheChipInResetAndSilencesSpi() throws IOException {
        try (Socket peer = established(0)) {
            spi.write(RawSpi.COMMON, SHAR, new byte[] {2, 0, 0, 0, 0, 1});

            model.resetPin().low();

            assertThat(model.resetPin().isHigh()).isFalse();
            byte[] tx = {0x00, 0x39, 0x00, 0x00};
            byte[] rx = {9, 9, 9, 9};
            model.transfer(tx, 0, rx, 0, 4);
            assertThat(rx).as("MISO in reset").containsOnly(0);
            spi.write8(RawSpi.COMMON, 0x0018, 0xFF);
            assertThatThrownBy(() -> peer.getInputStream().read()).isInstanceOf(IOException.class);

            model.resetPin().high();

            assertThat(spi.read8(RawSpi.COMMON, 0x0039)).isEqualTo(0x04);
            assertThat(spi.read8(RawSpi.COMMON, 0x0018)).as("write in reset was ignored").isZero();
            assertFreshChip();
        }
    }

    @Test
    void phyResetBitHeldLowTakesTheLinkDown() {
        spi.write8(RawSpi.COMMON, PHYCFGR, 0x38);
        assertThat(spi.read8(RawSpi.COMMON, PHYCFGR) & 0x01).isZero();

        spi.write8(RawSpi.COMMON, PHYCFGR, 0xB8);
        assertThat(spi.read8(RawSpi.COMMON, PHYCFGR)).isEqualTo(0xBF);
    }

    @Test
    void phyHeldInResetStopsTrafficBothWays() throws Exception {
        // §4.1 PHYCFGR: RST = 0 resets the PHY until the host writes 1 again; nothing passes meanwhile
        try (Socket peer = established(0)) {
            spi.write16(RawSpi.COMMON, RTR, 100); // TCP_TO 10 + 20 ms
            spi.write8(RawSpi.COMMON, RCR, 1);
            spi.write8(RawSpi.COMMON, PHYCFGR, 0x38);
            peer.getOutputStream().write(new byte[] {1, 2, 3});

            spi.send(0, new byte[] {42});

            spi.awaitStatus(0, SOCK_CLOSED);
            assertThat(spi.interrupts(0) & Sn_IR_TIMEOUT).as("the SEND was never acknowledged").isEqualTo(Sn_IR_TIMEOUT);
            assertThat(spi.rxReceived(0)).as("nothing came in").isZero();
        }
    }

    @Test
    void phyPowerDownHoldsIncomingDataUntilItIsPoweredUp() throws Exception {
        try (Socket peer = established(0)) {
            spi.write8(RawSpi.COMMON, PHYCFGR, 0xF0); // OPMD 1, OPMDC 110: power down
            assertThat(spi.read8(RawSpi.COMMON, PHYCFGR) & 0x01).as("LNK").isZero();
            peer.getOutputStream().write(new byte[] {1, 2, 3});
            Thread.sleep(100);
            assertThat(spi.rxReceived(0)).isZero();

            spi.write8(RawSpi.COMMON, PHYCFGR, 0xF8); // OPMDC 111: all capable again

            spi.awaitReceived(0, 3);
            assertThat(spi.receive(0, 3)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void disconWithTheCableOutTimesOutWithoutTheFinReachingThePeer() throws IOException {
        try (Socket peer = established(0)) {
            spi.write16(RawSpi.COMMON, RTR, 100); // TCP_TO 10 + 20 ms
            spi.write8(RawSpi.COMMON, RCR, 1);
            model.setLinkUp(false);

            spi.command(0, Sn_CR_DISCON);

            spi.awaitStatus(0, SOCK_CLOSED);
            assertThat(spi.interrupts(0) & Sn_IR_TIMEOUT).isEqualTo(Sn_IR_TIMEOUT);
            // the FIN never left: the host connection ends in a reset, not in an orderly EOF
            assertThatThrownBy(() -> peer.getInputStream().read()).isInstanceOf(IOException.class);
        }
    }
}
