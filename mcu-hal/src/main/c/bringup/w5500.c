#include "bringup/w5500.h"
#include "drivers/gpio.h"
#include "drivers/spi.h"
#include "wiring.h"

#define W5500_CONTROL_COMMON_READ 0x00u /* BSB 00000 (common), RWB 0 (read), OM 00 (VDM) */

uint8_t w5500_read_common(uint16_t address) {
    uint8_t tx[4] = {(uint8_t)(address >> 8), (uint8_t)address, W5500_CONTROL_COMMON_READ, 0u};
    uint8_t rx[4];
    gpio_write(WIRING_W5500_CS, 0);
    spi1_transfer(tx, rx, sizeof tx);
    gpio_write(WIRING_W5500_CS, 1);
    return rx[3];
}
