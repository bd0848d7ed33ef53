/*
 * Declarations of the MicroEJ SNI API used by the natives, as documented by MicroEJ (SNI
 * specification): only so the host compiler can check the C side. The device build uses the
 * SDK's own sni.h.
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
