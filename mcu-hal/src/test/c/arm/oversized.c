/* TEST INPUT for ArmBuildTest: more constant data than sectors 4-5 hold, and more zeroed data
 * than the 64 KB of RAM; each is linked in by name (-Wl,--undefined=...) to show that the link
 * fails with a memory region overflow instead of producing an image. */
#include <stdint.h>

const uint8_t oversized_flash[200u * 1024u] = {1};
uint8_t oversized_ram[64u * 1024u];
