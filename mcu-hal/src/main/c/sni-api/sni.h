/*
 * Declarations of the MicroEJ SNI API used by the natives, as documented by MicroEJ (SNI
 * specification), for the builds that have no MicroEJ SDK: the ARM compile check and the
 * simulator's stm32 board (whose host/sni_host.c implements them). The device image is built
 * with the SDK's own sni.h instead, so this folder is not among the BSP's include directories.
 */
#ifndef SNI_SHIM_H
#define SNI_SHIM_H
#include <stdint.h>
typedef int8_t jbyte;
typedef uint8_t jboolean;
typedef int32_t jint;
typedef int64_t jlong;
int32_t SNI_getCurrentJavaThreadID(void);
int32_t SNI_suspendCurrentJavaThread(int64_t timeout);
int32_t SNI_resumeJavaThread(int32_t javaThreadID);
#endif
