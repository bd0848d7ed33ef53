package org.skvmoip.hal.stm32;

import org.skvmoip.hal.UniqueId;

/** The 96-bit unique device id at 0x1FFF7A10 (RM0368 §24.1). */
public final class Stm32UniqueId implements UniqueId {

    public void read(byte[] dst, int off) {
        Stm32Natives.uidRead(dst, off);
    }
}
