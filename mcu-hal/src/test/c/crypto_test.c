/*
 * Host test of crypto/skvm_crypto.c against mbedTLS built from its sources with the device's
 * configuration (skvm_mbedtls_config.h). Run by CryptoNativeTest, which asserts on the
 * "key value" lines this program prints.
 *
 * A fixture stands in for the hardware: its reg_read and reg_write keep the registers the crypto
 * file touches, serve the unique id, and answer each ADC conversion with a sample from a small
 * deterministic noise generator (xorshift32), so a run can be repeated with the same "noise".
 * It is not a model of the ADC; the simulator's `stm32` board has that.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "sni.h"
#include "reg.h"

jint Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoInit(void);
jint Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoSeed(jbyte *storedSeed, jint storedOff, jbyte *nextSeed,
                                                        jint nextOff);
jint Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoSeedStored(void);
jint Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoMix(jbyte *material, jint off, jint len, jbyte *nextSeed,
                                                       jint nextOff);
jint Java_org_skvmoip_hal_stm32_Stm32Natives_hmacSha256(jbyte *key, jint keyOff, jint keyLen, jbyte *a, jint aOff,
                                                        jint aLen, jbyte *b, jint bOff, jint bLen, jbyte *out,
                                                        jint outOff);
jint Java_org_skvmoip_hal_stm32_Stm32Natives_randomBytes(jbyte *out, jint off, jint len);

#define init Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoInit
#define seed Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoSeed
#define seed_stored Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoSeedStored
#define mix Java_org_skvmoip_hal_stm32_Stm32Natives_cryptoMix
#define hmac Java_org_skvmoip_hal_stm32_Stm32Natives_hmacSha256
#define random_bytes Java_org_skvmoip_hal_stm32_Stm32Natives_randomBytes

#define SEED 32

/* ---- the fixture ---- */

#define ADC1_SR      0x40012000u
#define ADC1_CR2     0x40012008u
#define ADC1_DR      0x4001204Cu
#define ADC_CCR      0x40012304u
#define ADC1_SQR3    0x40012034u
#define RCC_APB2ENR  0x40023844u
#define UID_BASE     0x1FFF7A10u
#define SWSTART      (1u << 30)
#define EOC          (1u << 1)

static uint32_t noise_state;
static int adc_stuck;
static int conversion_done;
static uint32_t conversions;

static struct { uint32_t address; uint32_t value; } regs[32];
static int reg_count;

static uint32_t *reg_slot(uint32_t address) {
    for (int i = 0; i < reg_count; i++) {
        if (regs[i].address == address) {
            return &regs[i].value;
        }
    }
    regs[reg_count].address = address;
    regs[reg_count].value = 0;
    return &regs[reg_count++].value;
}

static void noise_reset(uint32_t seed) {
    noise_state = seed;
}

static uint32_t noise_next(void) {
    noise_state ^= noise_state << 13;
    noise_state ^= noise_state >> 17;
    noise_state ^= noise_state << 5;
    return noise_state;
}

uint32_t reg_read(uint32_t address) {
    if (address >= UID_BASE && address < UID_BASE + 12u) {
        return 0x00370041u + (address - UID_BASE);
    }
    if (address == ADC1_SR) {
        return conversion_done ? EOC : 0u;
    }
    if (address == ADC1_DR) {
        conversion_done = 0;
        return noise_next() & 0xFFFu;
    }
    return *reg_slot(address);
}

void reg_write(uint32_t address, uint32_t value) {
    if (address == ADC1_CR2 && (value & SWSTART) != 0u) {
        conversions++;
        conversion_done = !adc_stuck;
        value &= ~SWSTART;
    }
    *reg_slot(address) = value;
}

uint32_t irq_save(void) {
    return 0;
}

void irq_restore(uint32_t primask) {
    (void)primask;
}

/* ---- output ---- */

static void print_hex(const char *key, const jbyte *bytes, int len) {
    printf("%s ", key);
    for (int i = 0; i < len; i++) {
        printf("%02x", (unsigned)(uint8_t)bytes[i]);
    }
    printf("\n");
}

static int hex_value(char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

static int from_hex(const char *hex, jbyte *out) {
    int n = (int)strlen(hex) / 2;
    for (int i = 0; i < n; i++) {
        out[i] = (jbyte)(hex_value(hex[2 * i]) << 4 | hex_value(hex[2 * i + 1]));
    }
    return n;
}

/* ---- scenarios ---- */

/* RFC 4231 §4: keys and data of test cases 1-4, 6 and 7 (5 truncates the MAC). */
static const char *const HMAC_KEYS[] = {
    "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
    "4a656665",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "0102030405060708090a0b0c0d0e0f10111213141516171819",
    NULL, NULL,
};
static const char *const HMAC_DATA[] = {
    "4869205468657265",
    "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
    NULL, NULL,
    "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
    "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565647320746f20626520686173686564206265666f7265206265696e6720757365642062792074686520484d414320616c676f726974686d2e",
};
static const int HMAC_CASES[] = {1, 2, 3, 4, 6, 7};

static void hmac_vectors(void) {
    static jbyte key[160];
    static jbyte data[256];
    jbyte mac[32];
    char name[32];
    for (int i = 0; i < 6; i++) {
        int keyLen;
        int dataLen;
        int test = HMAC_CASES[i];
        if (test == 3) {
            keyLen = 20;
            memset(key, 0xaa, 20);
            dataLen = 50;
            memset(data, 0xdd, 50);
        } else if (test == 4) {
            keyLen = from_hex(HMAC_KEYS[3], key);
            dataLen = 50;
            memset(data, 0xcd, 50);
        } else if (test == 6 || test == 7) {
            keyLen = 131;
            memset(key, 0xaa, 131);
            dataLen = from_hex(HMAC_DATA[test - 2], data);
        } else {
            keyLen = from_hex(HMAC_KEYS[test - 1], key);
            dataLen = from_hex(HMAC_DATA[test - 1], data);
        }
        snprintf(name, sizeof name, "hmac.%d.rc", test);
        printf("%s %d\n", name, (int)hmac(key, 0, keyLen, data, 0, dataLen, NULL, 0, 0, mac, 0));
        snprintf(name, sizeof name, "hmac.%d", test);
        print_hex(name, mac, 32);
        /* The same message split in two ranges gives the same MAC. */
        snprintf(name, sizeof name, "hmac.%d.split", test);
        hmac(key, 0, keyLen, data, 0, dataLen / 2, data, dataLen / 2, dataLen - dataLen / 2, mac, 0);
        print_hex(name, mac, 32);
    }
}

/* One boot from `stored`: init, then random bytes refused until the next seed is stored. */
static void boot(const char *name, const jbyte *stored, jbyte *next) {
    jbyte out[16];
    char key[64];
    jbyte copy[SEED];
    memcpy(copy, stored, SEED);
    snprintf(key, sizeof key, "%s.init", name);
    printf("%s %d\n", key, (int)seed(copy, 0, next, 0));
    snprintf(key, sizeof key, "%s.random.before-stored", name);
    printf("%s %d\n", key, (int)random_bytes(out, 0, 16));
    snprintf(key, sizeof key, "%s.stored", name);
    printf("%s %d\n", key, (int)seed_stored());
    snprintf(key, sizeof key, "%s.random", name);
    printf("%s %d\n", key, (int)random_bytes(out, 0, 16));
    snprintf(key, sizeof key, "%s.output", name);
    print_hex(key, out, 16);
    snprintf(key, sizeof key, "%s.next", name);
    print_hex(key, next, SEED);
}

static void seed_scenarios(void) {
    jbyte factory[SEED];
    jbyte next1[SEED];
    jbyte next2[SEED];
    jbyte again[SEED];
    jbyte other[SEED];
    memset(factory, 0xFF, SEED);

    noise_reset(0x1234567u);
    boot("boot1", factory, next1);
    printf("adc.ccr %08x\n", reg_read(ADC_CCR));
    printf("adc.sqr3 %u\n", reg_read(ADC1_SQR3));
    printf("rcc.apb2enr %08x\n", reg_read(RCC_APB2ENR));
    boot("boot2", next1, next2);

    /* The same noise with the same stored seed gives the same next seed; another stored seed
     * with that noise does not: the stored seed is really in the pool. */
    noise_reset(0x1234567u);
    boot("replay", factory, again);
    noise_reset(0x1234567u);
    boot("other-seed", next2, other);

    /* A large request crosses MBEDTLS_CTR_DRBG_MAX_REQUEST (1024). */
    static jbyte big[3000];
    printf("random.large %d\n", (int)random_bytes(big, 0, (jint)sizeof big));

    jbyte material[SEED];
    jbyte mixed[SEED];
    memset(material, 0x5A, SEED);
    printf("mix %d\n", (int)mix(material, 0, SEED, mixed, 0));
    print_hex("mix.next", mixed, SEED);
    jbyte out[16];
    printf("mix.random %d\n", (int)random_bytes(out, 0, 16));
    printf("mix.too-long %d\n", (int)mix(big, 0, 1000, mixed, 0));

    /* A stuck ADC ends the boot with an error instead of hanging it. */
    adc_stuck = 1;
    uint32_t before = conversions;
    jbyte stuck[SEED];
    printf("stuck.init %d\n", (int)seed(next2, 0, stuck, 0));
    printf("stuck.random %d\n", (int)random_bytes(out, 0, 16));
    printf("stuck.conversions %u\n", conversions - before);
    adc_stuck = 0;
}

int main(void) {
    /* As Stm32Crypto at construction: HMAC works before the generator is seeded. */
    printf("init %d\n", (int)init());
    printf("init.again %d\n", (int)init());
    jbyte out[16];
    printf("random.unseeded %d\n", (int)random_bytes(out, 0, 16));
    hmac_vectors();
    seed_scenarios();
    return 0;
}
