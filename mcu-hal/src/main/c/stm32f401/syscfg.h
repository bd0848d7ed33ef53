/* System configuration controller (SYSCFG), RM0368 §7.2: register map §7.2.8 (table 25). */
#ifndef SKVM_STM32F401_SYSCFG_H
#define SKVM_STM32F401_SYSCFG_H

#define SYSCFG_BASE             0x40013800u

#define SYSCFG_MEMRMP           (SYSCFG_BASE + 0x00u)
#define SYSCFG_PMC              (SYSCFG_BASE + 0x04u)
/* SYSCFG_EXTICR1..4 (§7.2.3-7.2.6): EXTICRn selects the port of EXTI lines 4(n-1)..4(n-1)+3,
 * four bits per line (0 = port A, 1 = B, 2 = C). */
#define SYSCFG_EXTICR1          (SYSCFG_BASE + 0x08u)
#define SYSCFG_EXTICR_LINES     4u
#define SYSCFG_EXTICR_BITS      4u
#define SYSCFG_EXTICR_MASK      0xFu
#define SYSCFG_CMPCR            (SYSCFG_BASE + 0x20u)

#endif
