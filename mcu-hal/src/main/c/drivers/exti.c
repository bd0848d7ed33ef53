#include "drivers/exti.h"
#include "drivers/core.h"
#include "drivers/gpio.h"
#include "reg.h"
#include "stm32f401/exti.h"
#include "stm32f401/irq.h"
#include "stm32f401/syscfg.h"

uint32_t exti_irq(uint32_t line) {
    if (line <= 4u) {
        return IRQ_EXTI0 + line;
    }
    return line <= 9u ? IRQ_EXTI9_5 : IRQ_EXTI15_10;
}

void exti_arm(uint32_t pin, uint32_t edges) {
    uint32_t line = GPIO_PIN_NUMBER(pin);
    uint32_t bit = 1u << line;
    uint32_t shift = SYSCFG_EXTICR_BITS * (line % SYSCFG_EXTICR_LINES);
    reg_modify(SYSCFG_EXTICR1 + 4u * (line / SYSCFG_EXTICR_LINES), SYSCFG_EXTICR_MASK << shift,
               GPIO_PIN_PORT(pin) << shift);
    if ((edges & EXTI_EDGE_RISING) != 0u) {
        reg_set(EXTI_RTSR, bit);
    }
    if ((edges & EXTI_EDGE_FALLING) != 0u) {
        reg_set(EXTI_FTSR, bit);
    }
    reg_write(EXTI_PR, bit);
    reg_set(EXTI_IMR, bit);
    nvic_enable(exti_irq(line));
}

uint32_t exti_take_pending(uint32_t mask) {
    uint32_t pending = reg_read(EXTI_PR) & mask;
    reg_write(EXTI_PR, pending);
    return pending;
}
