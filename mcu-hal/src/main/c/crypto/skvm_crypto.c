/*
 * C side of the HAL Crypto service on the device (org.skvmoip.hal.stm32.Stm32Crypto), on mbedTLS
 * 2.28 configured by skvm_mbedtls_config.h: HMAC-SHA256 through its message-digest layer and
 * random bytes from its CTR_DRBG (NIST SP 800-90A). Nothing cryptographic is written here; this
 * file binds the library to SNI and gives it its entropy (docs/security.md, "Randomness").
 *
 * The STM32F401 has no random number generator. The DRBG is seeded from mbedTLS's entropy
 * collector with two sources and the MCU's unique id as personalisation string:
 *  - the NV seed (strong): 32 bytes the firmware keeps in the settings flash and hands in at
 *    cryptoSeed. mbedTLS derives the next seed from its pool before its first output and hands
 *    it to nv_seed_write, which keeps it for Java to store; randomBytes refuses to serve until
 *    Java reports it stored (cryptoSeedStored), so no two boots that produce output start from
 *    the same seed, whenever the power is cut.
 *  - ADC noise (weak): the least significant bits of fast conversions of the internal
 *    temperature sensor. Its entropy per sample is an assumption to be measured on hardware
 *    (NIST SP 800-90B); it is declared weak so mbedTLS never counts it as enough alone.
 * cryptoMix adds outside seed material (the server's, at adoption) to both pool and DRBG.
 *
 * The ADC is read here through reg.h until the ADC driver of the restructured C takes it over.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "sni.h"
#include "reg.h"
#include "mbedtls/md.h"
#include "mbedtls/entropy.h"
#include "mbedtls/ctr_drbg.h"
#include "mbedtls/platform.h"

/* RM0368 §11.12 (ADC1 registers), §11.13 (common registers), §6.3.12 (RCC_APB2ENR). */
#define RCC_APB2ENR             0x40023844u
#define RCC_APB2ENR_ADC1EN      (1u << 8)

#define ADC1_SR                 0x40012000u
#define ADC_SR_EOC              (1u << 1)
#define ADC1_CR2                0x40012008u
#define ADC_CR2_ADON            (1u << 0)
#define ADC_CR2_SWSTART         (1u << 30)
#define ADC1_SMPR1              0x4001200Cu
#define ADC_SMPR1_SMP18_MASK    (7u << 24)      /* 000: 3 cycles */
#define ADC1_SQR1               0x4001202Cu
#define ADC_SQR1_L_MASK         (15u << 20)     /* 0: one conversion */
#define ADC1_SQR3               0x40012034u
#define ADC_SQR3_SQ1_MASK       (31u << 0)
#define ADC1_DR                 0x4001204Cu

#define ADC_CCR                 0x40012304u
#define ADC_CCR_ADCPRE_MASK     (3u << 16)
#define ADC_CCR_ADCPRE_DIV4     (1u << 16)      /* PCLK2 84 MHz / 4 = 21 MHz, under the 36 MHz limit */
#define ADC_CCR_VBATE           (1u << 22)      /* shares channel 18: must be off for the sensor */
#define ADC_CCR_TSVREFE         (1u << 23)
#define ADC_CHANNEL_TEMPERATURE 18u

/* RM0368 §24.1: the 96-bit unique device id. */
#define UID_BASE                0x1FFF7A10u
#define UID_BYTES               12u

/* A conversion takes 15 ADC clocks (0.7 us); an EOC not seen within this many polls means the
 * ADC is not running, and the source reports failure instead of hanging the boot. */
#define ADC_EOC_POLLS           10000u

/* Bytes of ADC noise gathered per call of the entropy source; each byte folds 8 conversions. */
#define ADC_NOISE_BYTES         32u

/* Not an mbedTLS code (those are negative): the DRBG is seeded but the next seed is not stored. */
#define SKVM_CRYPTO_SEED_NOT_STORED 1

#define SEED_BYTES MBEDTLS_ENTROPY_BLOCK_SIZE

static mbedtls_md_context_t hmac;
static mbedtls_entropy_context entropy;
static mbedtls_ctr_drbg_context drbg;
static int hmac_ready;
static int drbg_seeded;
static int seed_stored;

/* What the NV seed "file" holds (the seed Java handed in, then each one mbedTLS wrote), and the
 * one mbedTLS last wrote, for Java to store for the next boot. */
static unsigned char stored_seed[SEED_BYTES];
static unsigned char next_seed[SEED_BYTES];
static int next_seed_written;

/* mbedtls_md_setup's two allocations, made once: a SHA-256 context and the HMAC's two pads. */
static unsigned char arena[sizeof(mbedtls_sha256_context) + 2u * 64u + 16u]
        __attribute__((aligned(8)));
static size_t arena_used;

void *skvm_mbedtls_calloc(size_t count, size_t size) {
    size_t bytes = count * size;
    size_t aligned = (bytes + 7u) & ~(size_t)7u;
    if (size != 0u && bytes / size != count) {
        return NULL;
    }
    if (aligned > sizeof arena - arena_used) {
        return NULL;
    }
    void *block = &arena[arena_used];
    arena_used += aligned;
    memset(block, 0, bytes);
    return block;
}

/* The blocks live as long as the board: the contexts that own them are never freed. */
void skvm_mbedtls_free(void *block) {
    (void)block;
}

static int nv_seed_read(unsigned char *buf, size_t len) {
    if (len != SEED_BYTES) {
        return -1;
    }
    memcpy(buf, stored_seed, SEED_BYTES);
    return (int)len;
}

static int nv_seed_write(unsigned char *buf, size_t len) {
    if (len != SEED_BYTES) {
        return -1;
    }
    memcpy(next_seed, buf, SEED_BYTES);
    memcpy(stored_seed, buf, SEED_BYTES);   /* read back from now on, as from a file */
    next_seed_written = 1;
    return (int)len;
}

/* Returns 0 and the conversion in *sample, or -1 when EOC did not come. */
static int adc_sample(uint32_t *sample) {
    reg_set(ADC1_CR2, ADC_CR2_SWSTART);
    for (uint32_t polls = 0; polls < ADC_EOC_POLLS; polls++) {
        if ((reg_read(ADC1_SR) & ADC_SR_EOC) != 0u) {
            *sample = reg_read(ADC1_DR);   /* reading DR clears EOC */
            return 0;
        }
    }
    return -1;
}

/* mbedTLS entropy source: each output byte is 8 conversion LSBs, so no single bit dominates. */
static int adc_noise(void *unused, unsigned char *output, size_t len, size_t *olen) {
    (void)unused;
    size_t n = len < ADC_NOISE_BYTES ? len : ADC_NOISE_BYTES;
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = 0;
        for (int bit = 0; bit < 8; bit++) {
            uint32_t sample;
            if (adc_sample(&sample) != 0) {
                return MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
            }
            byte = (uint8_t)((byte << 1) | (sample & 1u));
        }
        output[i] = byte;
    }
    *olen = n;
    return 0;
}

static void adc_start(void) {
    reg_set(RCC_APB2ENR, RCC_APB2ENR_ADC1EN);
    /* Erratum "delay after an RCC peripheral clock enabling" (ES0182): the read-back, and the
     * read half of the first reg_modify, keep the first write two bus cycles after the enable. */
    (void)reg_read(RCC_APB2ENR);
    reg_modify(ADC_CCR, ADC_CCR_ADCPRE_MASK | ADC_CCR_VBATE | ADC_CCR_TSVREFE,
               ADC_CCR_ADCPRE_DIV4 | ADC_CCR_TSVREFE);
    reg_clear(ADC1_SMPR1, ADC_SMPR1_SMP18_MASK);   /* shortest sampling time: most noise */
    reg_clear(ADC1_SQR1, ADC_SQR1_L_MASK);
    reg_modify(ADC1_SQR3, ADC_SQR3_SQ1_MASK, ADC_CHANNEL_TEMPERATURE);
    reg_set(ADC1_CR2, ADC_CR2_ADON);
}

static void uid_read(unsigned char *dst) {
    for (uint32_t i = 0; i < UID_BYTES; i += 4u) {
        uint32_t word = reg_read(UID_BASE + i);
        dst[i] = (unsigned char)word;
        dst[i + 1u] = (unsigned char)(word >> 8);
        dst[i + 2u] = (unsigned char)(word >> 16);
        dst[i + 3u] = (unsigned char)(word >> 24);
    }
}

/* Sets up the HMAC context, once. Returns 0, or the negative mbedTLS error that stopped it. */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoInit(void) {
    if (hmac_ready) {
        return 0;
    }
    mbedtls_md_init(&hmac);
    int result = mbedtls_md_setup(&hmac, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), 1);
    if (result != 0) {
        return result;
    }
    hmac_ready = 1;
    return 0;
}

/*
 * Seeds the DRBG from the NV seed storedSeed[storedOff .. +32) (the settings' seed; any bytes, the
 * factory state included) and the ADC noise, and writes the seed the next boot must start from
 * into nextSeed[nextOff .. +32). The DRBG serves nothing until cryptoSeedStored. Starts over
 * when called again (a new boot, as the host test uses it). Returns 0 or a negative mbedTLS error.
 */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoSeed(jbyte *storedSeed, jint storedOff, jbyte *nextSeed,
                                                        jint nextOff) {
    if (drbg_seeded) {
        mbedtls_ctr_drbg_free(&drbg);
        mbedtls_entropy_free(&entropy);
    }
    drbg_seeded = 0;
    seed_stored = 0;
    next_seed_written = 0;
    memcpy(stored_seed, (const unsigned char *)storedSeed + storedOff, SEED_BYTES);
    adc_start();

    mbedtls_platform_set_nv_seed(nv_seed_read, nv_seed_write);
    mbedtls_entropy_init(&entropy);   /* registers the NV seed as its strong source */
    int result = mbedtls_entropy_add_source(&entropy, adc_noise, NULL, ADC_NOISE_BYTES,
                                            MBEDTLS_ENTROPY_SOURCE_WEAK);
    unsigned char uid[UID_BYTES];
    uid_read(uid);
    mbedtls_ctr_drbg_init(&drbg);
    if (result == 0) {
        result = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, uid, UID_BYTES);
    }
    if (result == 0 && !next_seed_written) {
        result = MBEDTLS_ERR_ENTROPY_FILE_IO_ERROR;   /* mbedTLS always rewrites it first */
    }
    if (result != 0) {
        mbedtls_ctr_drbg_free(&drbg);
        mbedtls_entropy_free(&entropy);
        memset(next_seed, 0, SEED_BYTES);
        return result;
    }
    mbedtls_ctr_drbg_set_prediction_resistance(&drbg, MBEDTLS_CTR_DRBG_PR_OFF);
    memcpy((unsigned char *)nextSeed + nextOff, next_seed, SEED_BYTES);
    memset(next_seed, 0, SEED_BYTES);
    drbg_seeded = 1;
    return 0;
}

/* The next seed from cryptoSeed or cryptoMix is in flash: the DRBG may serve. */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoSeedStored(void) {
    if (!drbg_seeded) {
        return MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED;
    }
    seed_stored = 1;
    return 0;
}

/*
 * Mixes material[off .. off+len) (at most 256 bytes: seed material from the server) into the
 * entropy pool and, as additional input, into the DRBG; never replaces what either holds. Writes
 * a new next seed, derived from the pool with the material in it, into nextSeed[nextOff .. +32),
 * for Java to store. Returns 0 or a negative mbedTLS error.
 */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoMix(jbyte *material, jint off, jint len, jbyte *nextSeed,
                                                       jint nextOff) {
    if (!drbg_seeded) {
        return MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED;
    }
    if (len < 0 || len > MBEDTLS_CTR_DRBG_MAX_INPUT) {
        return MBEDTLS_ERR_CTR_DRBG_INPUT_TOO_BIG;
    }
    const unsigned char *input = (const unsigned char *)material + off;
    int result = mbedtls_entropy_update_manual(&entropy, input, (size_t)len);
    if (result == 0) {
        result = mbedtls_ctr_drbg_reseed(&drbg, input, (size_t)len);
    }
    next_seed_written = 0;
    if (result == 0) {
        result = mbedtls_entropy_update_nv_seed(&entropy);
    }
    if (result == 0 && !next_seed_written) {
        result = MBEDTLS_ERR_ENTROPY_FILE_IO_ERROR;
    }
    if (result == 0) {
        memcpy((unsigned char *)nextSeed + nextOff, next_seed, SEED_BYTES);
    }
    memset(next_seed, 0, SEED_BYTES);
    return result;
}

/* HMAC-SHA256 over a then b (b may be absent: bLen 0). Returns 0 or a negative mbedTLS error. */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_hmacSha256(jbyte *key, jint keyOff, jint keyLen,
                                                        jbyte *a, jint aOff, jint aLen,
                                                        jbyte *b, jint bOff, jint bLen,
                                                        jbyte *out, jint outOff) {
    if (!hmac_ready) {
        return MBEDTLS_ERR_MD_BAD_INPUT_DATA;
    }
    int result = mbedtls_md_hmac_starts(&hmac, (const unsigned char *)key + keyOff, (size_t)keyLen);
    if (result == 0) {
        result = mbedtls_md_hmac_update(&hmac, (const unsigned char *)a + aOff, (size_t)aLen);
    }
    if (result == 0 && bLen > 0) {
        result = mbedtls_md_hmac_update(&hmac, (const unsigned char *)b + bOff, (size_t)bLen);
    }
    if (result == 0) {
        result = mbedtls_md_hmac_finish(&hmac, (unsigned char *)out + outOff);
    }
    return result;
}

/*
 * Fills out[off .. off+len) from the DRBG, in requests it accepts. Returns 0, a negative mbedTLS
 * error, or SKVM_CRYPTO_SEED_NOT_STORED while this boot's next seed is not in flash.
 */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_randomBytes(jbyte *out, jint off, jint len) {
    if (!drbg_seeded || !seed_stored) {
        return SKVM_CRYPTO_SEED_NOT_STORED;
    }
    unsigned char *p = (unsigned char *)out + off;
    size_t left = (size_t)len;
    while (left > 0) {
        size_t n = left < MBEDTLS_CTR_DRBG_MAX_REQUEST ? left : MBEDTLS_CTR_DRBG_MAX_REQUEST;
        int result = mbedtls_ctr_drbg_random(&drbg, p, n);
        if (result != 0) {
            return result;
        }
        p += n;
        left -= n;
    }
    return 0;
}
