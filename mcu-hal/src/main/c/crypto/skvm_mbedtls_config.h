/*
 * The device's mbedTLS 2.28 LTS configuration (MBEDTLS_CONFIG_FILE): only what
 * crypto/skvm_crypto.c uses. HMAC-SHA256 through the message-digest layer, a CTR_DRBG (NIST SP
 * 800-90A, AES-256) seeded from the entropy collector, whose one strong source is the NV seed
 * that skvm_crypto.c keeps in the settings flash, beside the ADC noise it adds as a weak one.
 * Option names and meanings: mbedTLS 2.28 include/mbedtls/config.h.
 *
 * The same header builds the ARM objects and the host test (mcu-hal/src/test/c/crypto), so the
 * tests exercise the configuration that is flashed.
 */
#ifndef SKVM_MBEDTLS_CONFIG_H
#define SKVM_MBEDTLS_CONFIG_H

#include <stddef.h>

/* The part has no TRNG and no operating system to ask: no platform entropy poller. */
#define MBEDTLS_NO_PLATFORM_ENTROPY

/* The seed kept across boots, read and written through callbacks (mbedtls_platform_set_nv_seed),
 * not through a file. mbedTLS registers it as the collector's strong source and rewrites it
 * before the first output after mbedtls_entropy_init. */
#define MBEDTLS_ENTROPY_NV_SEED
#define MBEDTLS_PLATFORM_NV_SEED_ALT

/* Two sources: the NV seed and the ADC noise. Each slot costs RAM in the entropy context. */
#define MBEDTLS_ENTROPY_MAX_SOURCES 2

/* Of these modules only md.c allocates (mbedtls_md_setup: the SHA-256 context and the HMAC
 * pads, once, at start-up). A static arena in skvm_crypto.c serves those two calls; there is
 * no C heap on the device. */
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_PLATFORM_CALLOC_MACRO skvm_mbedtls_calloc
#define MBEDTLS_PLATFORM_FREE_MACRO skvm_mbedtls_free
void *skvm_mbedtls_calloc(size_t count, size_t size);
void skvm_mbedtls_free(void *block);

#define MBEDTLS_PLATFORM_C
#define MBEDTLS_ENTROPY_C
#define MBEDTLS_CTR_DRBG_C
#define MBEDTLS_MD_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_AES_C

/* Flash before speed: the DRBG runs once per connection and HMAC over short frames. The AES
 * tables as constants (not built in 8 KB of RAM at first use), one table per direction instead
 * of four, and the loop form of SHA-256's compression function. */
#define MBEDTLS_AES_ROM_TABLES
#define MBEDTLS_AES_FEWER_TABLES
#define MBEDTLS_SHA256_SMALLER

#include "mbedtls/check_config.h"

#endif
