package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The settings flash and the unique id, read and written as RM0368 §3.5 and §24.1 ask. */
class FlashDriverTest {

    private static final long FLASH_CR = 0x40023C10L;
    private static final long PSIZE_X32 = 2L << 8;
    private static final long PG = 1;

    private static boolean inFlashArray(long address) {
        return address >= 0x08000000L && address < 0x08040000L;
    }

    @Test
    void settingsAreProgrammedAsWholeWordsWithX32Parallelism() throws Exception {
        BspHarness.Run run = BspHarness.run("flash");

        long cr = 0;
        int words = 0;
        for (BspHarness.Access a : run.accesses()) {
            if (a.write() && a.address() == FLASH_CR) {
                cr = a.value();
            }
            if (a.write() && inFlashArray(a.address())) {
                assertThat(cr & (3L << 8)).as("PSIZE when writing 0x%08X", a.address()).isEqualTo(PSIZE_X32);
                assertThat(cr & PG).isEqualTo(PG);
                assertThat(a.address() % 4).isZero();
                words++;
            }
        }
        assertThat(words).as("10 bytes are 3 words, not 10 byte writes").isEqualTo(3);
        assertThat(run.starting("PROGRAMMED")).containsExactly("PROGRAMMED 1");
    }

    @Test
    void whatWasProgrammedReadsBackByteForByteAndTheLastWordIsPaddedWithTheErasedValue() throws Exception {
        BspHarness.Run run = BspHarness.run("flash");

        // 10 bytes 1..10 at 0x08008000; read back 10 bytes from 0x08008001 into offset 2.
        assertThat(run.starting("READ")).containsExactly("READ 0 0 2 3 4 5 6 7 8 9 10 -1");
        for (BspHarness.Access a : run.accesses()) {
            if (!a.write() && inFlashArray(a.address())) {
                assertThat(a.address() % 4).as("reads are whole words").isZero();
            }
        }
    }

    @Test
    void anUnalignedProgrammingAddressIsRefusedWithoutWriting() throws Exception {
        assertThat(BspHarness.run("flash").starting("UNALIGNED")).containsExactly("UNALIGNED 0");
    }

    @Test
    void theUniqueIdIsThreeWordReadsLowestByteFirst() throws Exception {
        BspHarness.Run run = BspHarness.run("uid");

        assertThat(run.starting("UID")).containsExactly("UID 85 0 1 2 3 4 5 6 7 8 9 10 11");
        List<Long> reads = run.accesses().stream().filter(a -> !a.write()).map(BspHarness.Access::address).toList();
        assertThat(reads).containsExactly(0x1FFF7A10L, 0x1FFF7A14L, 0x1FFF7A18L);
    }
}
