#include "drivers/uid.h"
#include "reg.h"
#include "stm32f401/uid.h"

void uid_read(uint8_t dst[12]) {
    for (uint32_t w = 0; w < UID_WORDS; w++) {
        uint32_t word = reg_read(UID_BASE + 4u * w);
        for (uint32_t b = 0; b < 4u; b++) {
            dst[4u * w + b] = (uint8_t)(word >> (8u * b));
        }
    }
}
