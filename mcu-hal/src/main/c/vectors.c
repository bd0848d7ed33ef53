#include "vectors.h"
#include "drivers/core.h"

void Default_Handler(void) {
    core_system_reset();
}

/* Every named position of RM0368 table 38 is a weak alias of Default_Handler: whichever file
 * serves an interrupt defines its handler by that name (sni/natives_irq.c the EXTI lines, the
 * USB device driver OTG_FS), and an image without that file keeps the default. */
#define WEAK_DEFAULT __attribute__((weak, alias("Default_Handler")))
void WWDG_IRQHandler(void) WEAK_DEFAULT;
void PVD_IRQHandler(void) WEAK_DEFAULT;
void TAMP_STAMP_IRQHandler(void) WEAK_DEFAULT;
void RTC_WKUP_IRQHandler(void) WEAK_DEFAULT;
void FLASH_IRQHandler(void) WEAK_DEFAULT;
void RCC_IRQHandler(void) WEAK_DEFAULT;
void EXTI0_IRQHandler(void) WEAK_DEFAULT;
void EXTI1_IRQHandler(void) WEAK_DEFAULT;
void EXTI2_IRQHandler(void) WEAK_DEFAULT;
void EXTI3_IRQHandler(void) WEAK_DEFAULT;
void EXTI4_IRQHandler(void) WEAK_DEFAULT;
void DMA1_Stream0_IRQHandler(void) WEAK_DEFAULT;
void DMA1_Stream1_IRQHandler(void) WEAK_DEFAULT;
void DMA1_Stream2_IRQHandler(void) WEAK_DEFAULT;
void DMA1_Stream3_IRQHandler(void) WEAK_DEFAULT;
void DMA1_Stream4_IRQHandler(void) WEAK_DEFAULT;
void DMA1_Stream5_IRQHandler(void) WEAK_DEFAULT;
void DMA1_Stream6_IRQHandler(void) WEAK_DEFAULT;
void ADC_IRQHandler(void) WEAK_DEFAULT;
void EXTI9_5_IRQHandler(void) WEAK_DEFAULT;
void TIM1_BRK_TIM9_IRQHandler(void) WEAK_DEFAULT;
void TIM1_UP_TIM10_IRQHandler(void) WEAK_DEFAULT;
void TIM1_TRG_COM_TIM11_IRQHandler(void) WEAK_DEFAULT;
void TIM1_CC_IRQHandler(void) WEAK_DEFAULT;
void TIM2_IRQHandler(void) WEAK_DEFAULT;
void TIM3_IRQHandler(void) WEAK_DEFAULT;
void TIM4_IRQHandler(void) WEAK_DEFAULT;
void I2C1_EV_IRQHandler(void) WEAK_DEFAULT;
void I2C1_ER_IRQHandler(void) WEAK_DEFAULT;
void I2C2_EV_IRQHandler(void) WEAK_DEFAULT;
void I2C2_ER_IRQHandler(void) WEAK_DEFAULT;
void SPI1_IRQHandler(void) WEAK_DEFAULT;
void SPI2_IRQHandler(void) WEAK_DEFAULT;
void USART1_IRQHandler(void) WEAK_DEFAULT;
void USART2_IRQHandler(void) WEAK_DEFAULT;
void EXTI15_10_IRQHandler(void) WEAK_DEFAULT;
void RTC_Alarm_IRQHandler(void) WEAK_DEFAULT;
void OTG_FS_WKUP_IRQHandler(void) WEAK_DEFAULT;
void DMA1_Stream7_IRQHandler(void) WEAK_DEFAULT;
void SDIO_IRQHandler(void) WEAK_DEFAULT;
void TIM5_IRQHandler(void) WEAK_DEFAULT;
void SPI3_IRQHandler(void) WEAK_DEFAULT;
void DMA2_Stream0_IRQHandler(void) WEAK_DEFAULT;
void DMA2_Stream1_IRQHandler(void) WEAK_DEFAULT;
void DMA2_Stream2_IRQHandler(void) WEAK_DEFAULT;
void DMA2_Stream3_IRQHandler(void) WEAK_DEFAULT;
void DMA2_Stream4_IRQHandler(void) WEAK_DEFAULT;
void OTG_FS_IRQHandler(void) WEAK_DEFAULT;
void DMA2_Stream5_IRQHandler(void) WEAK_DEFAULT;
void DMA2_Stream6_IRQHandler(void) WEAK_DEFAULT;
void DMA2_Stream7_IRQHandler(void) WEAK_DEFAULT;
void USART6_IRQHandler(void) WEAK_DEFAULT;
void I2C3_EV_IRQHandler(void) WEAK_DEFAULT;
void I2C3_ER_IRQHandler(void) WEAK_DEFAULT;
void FPU_IRQHandler(void) WEAK_DEFAULT;
void SPI4_IRQHandler(void) WEAK_DEFAULT;

/* The section is where the board's linker script puts it: right after the 16 core entries. */
__attribute__((section(".isr_vector.irq"), used))
const skvm_irq_handler skvm_irq_vectors[IRQ_COUNT] = {
    WWDG_IRQHandler,            /* 0 */
    PVD_IRQHandler,             /* 1 */
    TAMP_STAMP_IRQHandler,      /* 2 */
    RTC_WKUP_IRQHandler,        /* 3 */
    FLASH_IRQHandler,           /* 4 */
    RCC_IRQHandler,             /* 5 */
    EXTI0_IRQHandler,           /* 6 */
    EXTI1_IRQHandler,           /* 7 */
    EXTI2_IRQHandler,           /* 8 */
    EXTI3_IRQHandler,           /* 9 */
    EXTI4_IRQHandler,           /* 10 */
    DMA1_Stream0_IRQHandler,    /* 11 */
    DMA1_Stream1_IRQHandler,    /* 12 */
    DMA1_Stream2_IRQHandler,    /* 13 */
    DMA1_Stream3_IRQHandler,    /* 14 */
    DMA1_Stream4_IRQHandler,    /* 15 */
    DMA1_Stream5_IRQHandler,    /* 16 */
    DMA1_Stream6_IRQHandler,    /* 17 */
    ADC_IRQHandler,             /* 18 */
    Default_Handler,            /* 19 reserved */
    Default_Handler,            /* 20 reserved */
    Default_Handler,            /* 21 reserved */
    Default_Handler,            /* 22 reserved */
    EXTI9_5_IRQHandler,         /* 23 */
    TIM1_BRK_TIM9_IRQHandler,   /* 24 */
    TIM1_UP_TIM10_IRQHandler,   /* 25 */
    TIM1_TRG_COM_TIM11_IRQHandler, /* 26 */
    TIM1_CC_IRQHandler,         /* 27 */
    TIM2_IRQHandler,            /* 28 */
    TIM3_IRQHandler,            /* 29 */
    TIM4_IRQHandler,            /* 30 */
    I2C1_EV_IRQHandler,         /* 31 */
    I2C1_ER_IRQHandler,         /* 32 */
    I2C2_EV_IRQHandler,         /* 33 */
    I2C2_ER_IRQHandler,         /* 34 */
    SPI1_IRQHandler,            /* 35 */
    SPI2_IRQHandler,            /* 36 */
    USART1_IRQHandler,          /* 37 */
    USART2_IRQHandler,          /* 38 */
    Default_Handler,            /* 39 reserved */
    EXTI15_10_IRQHandler,       /* 40 */
    RTC_Alarm_IRQHandler,       /* 41 */
    OTG_FS_WKUP_IRQHandler,     /* 42 */
    Default_Handler,            /* 43 reserved */
    Default_Handler,            /* 44 reserved */
    Default_Handler,            /* 45 reserved */
    Default_Handler,            /* 46 reserved */
    DMA1_Stream7_IRQHandler,    /* 47 */
    Default_Handler,            /* 48 reserved */
    SDIO_IRQHandler,            /* 49 */
    TIM5_IRQHandler,            /* 50 */
    SPI3_IRQHandler,            /* 51 */
    Default_Handler,            /* 52 reserved */
    Default_Handler,            /* 53 reserved */
    Default_Handler,            /* 54 reserved */
    Default_Handler,            /* 55 reserved */
    DMA2_Stream0_IRQHandler,    /* 56 */
    DMA2_Stream1_IRQHandler,    /* 57 */
    DMA2_Stream2_IRQHandler,    /* 58 */
    DMA2_Stream3_IRQHandler,    /* 59 */
    DMA2_Stream4_IRQHandler,    /* 60 */
    Default_Handler,            /* 61 reserved */
    Default_Handler,            /* 62 reserved */
    Default_Handler,            /* 63 reserved */
    Default_Handler,            /* 64 reserved */
    Default_Handler,            /* 65 reserved */
    Default_Handler,            /* 66 reserved */
    OTG_FS_IRQHandler,          /* 67 */
    DMA2_Stream5_IRQHandler,    /* 68 */
    DMA2_Stream6_IRQHandler,    /* 69 */
    DMA2_Stream7_IRQHandler,    /* 70 */
    USART6_IRQHandler,          /* 71 */
    I2C3_EV_IRQHandler,         /* 72 */
    I2C3_ER_IRQHandler,         /* 73 */
    Default_Handler,            /* 74 reserved */
    Default_Handler,            /* 75 reserved */
    Default_Handler,            /* 76 reserved */
    Default_Handler,            /* 77 reserved */
    Default_Handler,            /* 78 reserved */
    Default_Handler,            /* 79 reserved */
    Default_Handler,            /* 80 reserved */
    FPU_IRQHandler,             /* 81 */
    Default_Handler,            /* 82 reserved */
    Default_Handler,            /* 83 reserved */
    SPI4_IRQHandler,            /* 84 */
};

_Static_assert(sizeof skvm_irq_vectors / sizeof skvm_irq_vectors[0] == IRQ_COUNT, "one entry per position");
