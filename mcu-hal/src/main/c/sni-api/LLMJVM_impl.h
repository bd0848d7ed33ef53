/* Host-compile shim for the MicroEJ core engine's low-level time function (the BSP provides it). */
#ifndef LLMJVM_IMPL_SHIM_H
#define LLMJVM_IMPL_SHIM_H
#include <stdint.h>
int64_t LLMJVM_IMPL_getCurrentTime(uint8_t system);
#endif
