package org.skvmoip.sim.usb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Java board's device side of the cable, token by token, with its firmware side driven by
 * hand as the C side would answer: packets, data toggles (USB 2.0 §8.6), zero-length packets
 * (§5.5.3), the address change after SET_ADDRESS (§9.4.6).
 */
class UsbCableTest {

    private static final byte[] GET_DEVICE_DESCRIPTOR = HexBytes.parse("80 06 00 01 00 00 FF 00");
    private static final byte[] SET_REPORT_ONE_BYTE = HexBytes.parse("21 09 00 02 00 00 01 00");

    private final SimUsbDevice device = new SimUsbDevice();
    private final UsbPacket packet = new UsbPacket();
    private final byte[] setup = new byte[8];

    @Test
    void givenAnAnswerOf64BytesOfA255ByteRequestWhenReadThenItEndsWithAZeroLengthPacket() {
        device.setup(0, 0, GET_DEVICE_DESCRIPTOR);
        assertThat(device.in(0, 0, packet)).as("the firmware has not answered yet").isEqualTo(UsbReply.NAK);
        device.pollSetup(setup);
        device.controlIn(new byte[64], 0, 64);

        assertThat(inPacket()).isEqualTo("DATA1 64");
        assertThat(inPacket()).isEqualTo("DATA0 0");
        assertThat(device.in(0, 0, packet)).isEqualTo(UsbReply.NAK);
        packet.set(setup, 0, 0, true);
        assertThat(device.out(0, 0, packet)).as("status stage").isEqualTo(UsbReply.ACK);
    }

    @Test
    void givenAnAnswerOf84BytesWhenReadThenItComesAsTwoPacketsWithAlternatingToggles() {
        device.setup(0, 0, GET_DEVICE_DESCRIPTOR);
        device.pollSetup(setup);
        device.controlIn(new byte[84], 0, 84);

        assertThat(inPacket()).isEqualTo("DATA1 64");
        assertThat(inPacket()).isEqualTo("DATA0 20");
        assertThat(device.in(0, 0, packet)).isEqualTo(UsbReply.NAK);
    }

    @Test
    void givenSetAddressWhenTheStatusStageIsDoneThenTheDeviceAnswersOnlyTheNewAddress() {
        device.setup(0, 0, HexBytes.parse("00 05 07 00 00 00 00 00"));
        device.pollSetup(setup);
        device.setAddress(7);
        device.controlAck();

        assertThat(device.in(7, 0, packet)).as("before the status stage").isEqualTo(UsbReply.NONE);
        assertThat(inPacket()).isEqualTo("DATA1 0");
        assertThat(device.setup(0, 0, GET_DEVICE_DESCRIPTOR)).isEqualTo(UsbReply.NONE);
        assertThat(device.setup(7, 0, GET_DEVICE_DESCRIPTOR)).isEqualTo(UsbReply.ACK);
    }

    @Test
    void givenAnOutDataStageSentTwiceWithTheSameToggleWhenReadThenTheRepeatIsDropped() {
        device.setup(0, 0, SET_REPORT_ONE_BYTE);
        device.pollSetup(setup);
        byte[] data = new byte[8];
        assertThat(device.controlOut(data, 0, 8)).as("before the data stage").isEqualTo(-1);

        packet.set(new byte[] {2}, 0, 1, true);
        assertThat(device.out(0, 0, packet)).isEqualTo(UsbReply.ACK);
        packet.set(new byte[] {3}, 0, 1, true);
        assertThat(device.out(0, 0, packet)).isEqualTo(UsbReply.ACK);

        assertThat(device.controlOut(data, 0, 8)).isEqualTo(1);
        assertThat(data[0]).isEqualTo((byte) 2);
    }

    @Test
    void givenAStalledRequestWhenTheHostGoesOnThenEveryStageStallsUntilTheNextSetup() {
        device.setup(0, 0, GET_DEVICE_DESCRIPTOR);
        device.pollSetup(setup);
        device.controlStall();

        assertThat(device.in(0, 0, packet)).isEqualTo(UsbReply.STALL);
        assertThat(device.out(0, 0, packet)).isEqualTo(UsbReply.STALL);
        assertThat(device.setup(0, 0, GET_DEVICE_DESCRIPTOR)).isEqualTo(UsbReply.ACK);
        assertThat(device.in(0, 0, packet)).isEqualTo(UsbReply.NAK);
    }

    @Test
    void givenAnInterruptEndpointWhenReportsAreTakenThenTogglesAlternateFromData0AndAnEmptyOneNaks() {
        device.openInterruptIn(1, 8);
        assertThat(device.in(0, 1, packet)).isEqualTo(UsbReply.NAK);

        device.send(1, new byte[8], 0, 8);
        String first = inPacket(1);
        device.send(1, new byte[8], 0, 8);
        String second = inPacket(1);

        assertThat(first).isEqualTo("DATA0 8");
        assertThat(second).isEqualTo("DATA1 8");
    }

    @Test
    void givenARepeatedInterruptPacketWhenTheHostPollsThenItIsNotReportedTwice() {
        UsbHostController host = new UsbHostController(new RepeatingPort(device), null);
        device.openInterruptIn(1, 8);
        device.send(1, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, 0, 8);

        int first = host.interruptIn(1, packet);
        int repeat = host.interruptIn(1, packet);

        assertThat(first).isEqualTo(8);
        assertThat(repeat).as("the same packet again: the host's ACK was lost").isEqualTo(-1);
    }

    private String inPacket() {
        return inPacket(0);
    }

    private String inPacket(int endpoint) {
        assertThat(device.in(0, endpoint, packet)).isEqualTo(UsbReply.DATA);
        return (packet.data1 ? "DATA1 " : "DATA0 ") + packet.length;
    }

    /** A cable that loses the host's ACK once: the device's last IN packet comes again. */
    private static final class RepeatingPort implements UsbDevicePort {
        private final UsbDevicePort device;
        private final UsbPacket last = new UsbPacket();
        private boolean repeat;

        RepeatingPort(UsbDevicePort device) {
            this.device = device;
        }

        @Override
        public UsbReply in(int address, int endpoint, UsbPacket into) {
            if (repeat) {
                into.set(last.bytes, 0, last.length, last.data1);
                return UsbReply.DATA;
            }
            UsbReply reply = device.in(address, endpoint, into);
            last.set(into.bytes, 0, into.length, into.data1);
            repeat = reply == UsbReply.DATA;
            return reply;
        }

        @Override
        public void busReset() {
            device.busReset();
        }

        @Override
        public void suspend() {
            device.suspend();
        }

        @Override
        public void resume() {
            device.resume();
        }

        @Override
        public void startOfFrame(int frameNumber) {
            device.startOfFrame(frameNumber);
        }

        @Override
        public UsbReply setup(int address, int endpoint, byte[] setup8) {
            return device.setup(address, endpoint, setup8);
        }

        @Override
        public UsbReply out(int address, int endpoint, UsbPacket packet) {
            return device.out(address, endpoint, packet);
        }

        @Override
        public long changes() {
            return device.changes();
        }

        @Override
        public void awaitChange(long seen, long timeoutNanos) throws InterruptedException {
            device.awaitChange(seen, timeoutNanos);
        }
    }
}
