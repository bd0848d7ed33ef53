/* MCU debug component (DBGMCU), RM0368 §23.16. */
#ifndef SKVM_STM32F401_DBGMCU_H
#define SKVM_STM32F401_DBGMCU_H

#define DBGMCU_BASE             0xE0042000u

#define DBGMCU_IDCODE           (DBGMCU_BASE + 0x00u) /* (§23.6.1) */
#define DBGMCU_CR               (DBGMCU_BASE + 0x04u) /* (§23.16.3) */
#define DBGMCU_APB1_FZ          (DBGMCU_BASE + 0x08u) /* (§23.16.4) */
#define DBGMCU_APB1_FZ_DBG_IWDG_STOP (1u << 12) /* IWDG counter stopped while the core is halted */
#define DBGMCU_APB2_FZ          (DBGMCU_BASE + 0x0Cu) /* (§23.16.5) */

#endif
