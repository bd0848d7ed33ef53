/* TEST INPUT for ArmBuildTest: a 17th core entry, which would shift the IRQ handlers one slot
 * off the positions the core reads them from; the linker script's check must refuse it. */
#include <stdint.h>

__attribute__((section(".isr_vector.core"), used)) const uint32_t misplaced_vector = 0u;
