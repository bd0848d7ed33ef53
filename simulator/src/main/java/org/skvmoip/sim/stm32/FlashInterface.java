package org.skvmoip.sim.stm32;

/**
 * The embedded flash interface (RM0368 §3.8) and the F401CC's 256 KB array behind it (§3.3,
 * table 5: sectors of 16, 16, 16, 16, 64 and 128 KB from 0x08000000). FLASH_CR opens with the
 * KEYR sequence (a wrong key locks it until reset, with a bus error); programming writes the
 * array with PG set and the parallelism PSIZE matching the 32-bit access, and can only clear
 * bits; a sector erase (SER, SNB, STRT) sets the sector to 0xFF. Errors as FLASH_SR reports
 * them: PGSERR (array written without PG, or an erase of no sector), PGPERR (PSIZE not x32),
 * WRPERR (write while locked). Operations complete at once, so BSY reads 0; EOP is set only
 * with EOPIE, as the part does. OPTCR is kept but changes nothing. The array is kept across
 * resets: it holds the board's settings slots (sectors 2 and 3).
 */
public final class FlashInterface implements Peripheral {

    // Register offsets (RM0368 §3.9.7, register map)
    static final int ACR = 0x00;
    static final int KEYR = 0x04;
    static final int OPTKEYR = 0x08;
    static final int SR = 0x0C;
    static final int CR = 0x10;
    static final int OPTCR = 0x14;
    static final int SIZE = 0x400;

    static final int KEY1 = 0x4567_0123;
    static final int KEY2 = 0xCDEF_89AB;

    // SR
    static final int SR_EOP = 1 << 0;
    static final int SR_OPERR = 1 << 1;
    static final int SR_WRPERR = 1 << 4;
    static final int SR_PGAERR = 1 << 5;
    static final int SR_PGPERR = 1 << 6;
    static final int SR_PGSERR = 1 << 7;
    static final int SR_BSY = 1 << 16;
    // CR
    static final int CR_PG = 1 << 0;
    static final int CR_SER = 1 << 1;
    static final int CR_MER = 1 << 2;
    static final int CR_SNB_SHIFT = 3;
    static final int CR_PSIZE_SHIFT = 8;
    static final int PSIZE_X32 = 2;
    static final int CR_STRT = 1 << 16;
    static final int CR_EOPIE = 1 << 24;
    static final int CR_LOCK = 1 << 31;

    public static final int ARRAY_BYTES = 256 * 1024;
    /** Sector start offsets in the array, and the end. */
    private static final int[] SECTOR_STARTS = {0, 0x4000, 0x8000, 0xC000, 0x10000, 0x20000, 0x40000};

    private final int[] array;
    private final java.util.function.IntConsumer latencyCheck;
    private int acr;
    private int sr;
    private int cr;
    private int optcr;
    private int keysSeen;
    private boolean lockedOut;

    /**
     * @param array        the flash words, kept by the board across resets
     * @param latencyCheck refuses a latency too low for the running HCLK (RCC's clock tree)
     */
    FlashInterface(int[] array, java.util.function.IntConsumer latencyCheck) {
        this.array = array;
        this.latencyCheck = latencyCheck;
        reset();
    }

    static int[] erasedArray() {
        int[] words = new int[ARRAY_BYTES / 4];
        java.util.Arrays.fill(words, -1);
        return words;
    }

    void reset() {
        acr = 0;
        sr = 0;
        cr = CR_LOCK;
        optcr = 0x0FFF_AAED;
        keysSeen = 0;
        lockedOut = false;
    }

    /** FLASH_ACR.LATENCY: wait states of the array. */
    int latency() {
        return acr & 0xF;
    }

    /** The flash array as the bus sees it at 0x08000000. */
    Peripheral array() {
        return new Peripheral() {
            @Override
            public int read(int offset) {
                return array[offset / 4];
            }

            @Override
            public void write(int offset, int value) {
                program(offset, value);
            }
        };
    }

    private void program(int offset, int value) {
        if ((cr & CR_LOCK) != 0) {
            sr |= SR_WRPERR;
            return;
        }
        if ((cr & CR_PG) == 0 || (cr & (CR_SER | CR_MER)) != 0) {
            sr |= SR_PGSERR;
            return;
        }
        if (((cr >>> CR_PSIZE_SHIFT) & 3) != PSIZE_X32) {
            sr |= SR_PGPERR; // a 32-bit write with another parallelism (RM0368 §3.6.3)
            return;
        }
        array[offset / 4] &= value; // programming only clears bits; erasing sets them
        finished();
    }

    private void finished() {
        if ((cr & CR_EOPIE) != 0) {
            sr |= SR_EOP;
        }
    }

    @Override
    public int read(int offset) {
        switch (offset) {
            case ACR:
                return acr;
            case SR:
                return sr;
            case CR:
                return cr;
            case OPTCR:
                return optcr;
            default:
                return 0; // KEYR and OPTKEYR are write-only
        }
    }

    @Override
    public void write(int offset, int value) {
        switch (offset) {
            case ACR:
                latencyCheck.accept(value & 0xF);
                acr = value & 0x1F0F;
                break;
            case KEYR:
                unlock(value);
                break;
            case SR:
                sr &= ~(value & (SR_EOP | SR_OPERR | SR_WRPERR | SR_PGAERR | SR_PGPERR | SR_PGSERR));
                break;
            case CR:
                writeCr(value);
                break;
            case OPTCR:
                optcr = value; // option bytes are not modelled: kept, never applied
                break;
            default:
                break;
        }
    }

    private void unlock(int key) {
        if (lockedOut || (cr & CR_LOCK) == 0) {
            String state = lockedOut ? "locked out by a wrong key" : "already unlocked";
            lockedOut = true;
            throw new BusFault("FLASH_KEYR written while " + state
                    + ": RM0368 §3.5.1 answers with a bus error and locks FLASH_CR until reset");
        }
        int expected = keysSeen == 0 ? KEY1 : KEY2;
        if (key != expected) {
            lockedOut = true;
            throw new BusFault(String.format("FLASH_KEYR: 0x%08X where the unlock sequence wants 0x%08X (RM0368 §3.5.1); "
                    + "FLASH_CR stays locked until reset", key, expected));
        }
        keysSeen++;
        if (keysSeen == 2) {
            cr &= ~CR_LOCK;
            keysSeen = 0;
        }
    }

    private void writeCr(int value) {
        if ((cr & CR_LOCK) != 0) {
            return; // locked: ignored, as the part does
        }
        cr = value & (CR_PG | CR_SER | CR_MER | 0xF << CR_SNB_SHIFT | 3 << CR_PSIZE_SHIFT | CR_EOPIE | 1 << 25 | CR_LOCK);
        if ((value & CR_STRT) != 0) {
            if ((cr & CR_SER) != 0) {
                erase((cr >>> CR_SNB_SHIFT) & 0xF);
            } else if ((cr & CR_MER) != 0) {
                java.util.Arrays.fill(array, -1);
                finished();
            }
        }
    }

    private void erase(int sector) {
        if (sector >= SECTOR_STARTS.length - 1) {
            sr |= SR_PGSERR; // the F401CC has sectors 0..5
            return;
        }
        java.util.Arrays.fill(array, SECTOR_STARTS[sector] / 4, SECTOR_STARTS[sector + 1] / 4, -1);
        finished();
    }
}
