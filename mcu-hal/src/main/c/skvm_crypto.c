/*
 * C side of the HAL Crypto service on the device (org.skvmoip.hal.stm32.Stm32Crypto), on mbedTLS:
 * HMAC-SHA256 through its message-digest layer and random bytes from its CTR_DRBG (NIST SP
 * 800-90A). Nothing cryptographic is written here; this file only binds the library to SNI.
 *
 * The STM32F401 has no hardware random number generator. The DRBG is seeded from mbedTLS's
 * entropy collector fed by one source: the least significant bits of fast conversions of the
 * internal temperature sensor (ADC1 channel 18), whose thermal and quantisation noise is the
 * only physical randomness on the part, with the MCU's unique id as personalisation string so
 * two modules never share a stream. The source's entropy per sample is an assumption to be
 * measured on hardware (NIST SP 800-90B) before the first release; it is declared weak to
 * mbedTLS accordingly, so the collector gathers several times the threshold.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "sni.h"
#include "mbedtls/md.h"
#include "mbedtls/entropy.h"
#include "mbedtls/ctr_drbg.h"
#include "stm32f401_regs.h"

/* Bytes of ADC noise gathered per call of the entropy source; each byte folds 8 conversions. */
#define ADC_NOISE_BYTES 32u

static mbedtls_md_context_t hmac;
static mbedtls_entropy_context entropy;
static mbedtls_ctr_drbg_context drbg;
static int ready;

static uint32_t adc_sample(void) {
    ADC1_CR2 |= ADC_CR2_SWSTART;
    while ((ADC1_SR & ADC_SR_EOC) == 0u) {
    }
    return ADC1_DR;
}

/* mbedTLS entropy source: each output byte is 8 conversion LSBs, so no single bit dominates. */
static int adc_noise(void *unused, unsigned char *output, size_t len, size_t *olen) {
    (void)unused;
    size_t n = len < ADC_NOISE_BYTES ? len : ADC_NOISE_BYTES;
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = 0;
        for (int bit = 0; bit < 8; bit++) {
            byte = (uint8_t)((byte << 1) | (adc_sample() & 1u));
        }
        output[i] = byte;
    }
    *olen = n;
    return 0;
}

static void adc_start(void) {
    RCC_APB2ENR |= RCC_APB2ENR_ADC1EN;
    ADC_CCR |= ADC_CCR_TSVREFE;
    ADC1_SMPR1 &= ~(7u << 24);         /* channel 18: shortest sampling time, most noise */
    ADC1_SQR1 = 0;                     /* one conversion per sequence */
    ADC1_SQR3 = ADC_CHANNEL_TEMPERATURE;
    ADC1_CR2 |= ADC_CR2_ADON;
}

/* Returns 0, or the negative mbedTLS error that stopped the set-up. */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoInit(void) {
    if (ready) {
        return 0;
    }
    adc_start();
    mbedtls_md_init(&hmac);
    int result = mbedtls_md_setup(&hmac, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), 1);
    if (result != 0) {
        return result;
    }
    mbedtls_entropy_init(&entropy);
    result = mbedtls_entropy_add_source(&entropy, adc_noise, NULL, ADC_NOISE_BYTES, MBEDTLS_ENTROPY_SOURCE_WEAK);
    if (result != 0) {
        return result;
    }
    mbedtls_ctr_drbg_init(&drbg);
    result = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy,
                                   (const unsigned char *)(uintptr_t)UID_BASE, UID_BYTES);
    if (result != 0) {
        return result;
    }
    mbedtls_ctr_drbg_set_prediction_resistance(&drbg, MBEDTLS_CTR_DRBG_PR_OFF);
    ready = 1;
    return 0;
}

/* HMAC-SHA256 over a then b (b may be absent: bLen 0). Returns 0 or a negative mbedTLS error. */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_hmacSha256(jbyte *key, jint keyOff, jint keyLen,
                                                        jbyte *a, jint aOff, jint aLen,
                                                        jbyte *b, jint bOff, jint bLen,
                                                        jbyte *out, jint outOff) {
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

/* Fills out[off .. off+len) from the DRBG, in requests it accepts. Returns 0 or an mbedTLS error. */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_randomBytes(jbyte *out, jint off, jint len) {
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
