/*
 * C side of the usb* methods of org.skvmoip.hal.stm32.Stm32Natives (MicroEJ SNI), over the
 * OTG_FS driver (drivers/usb_device.h). Stm32UsbDevice has checked every index and length
 * before the call, so these only pass the array's bytes at the offset on; the driver copies
 * them before returning, because a Java array may move once an SNI call has returned.
 */
#include <stdint.h>
#include "sni.h"
#include "LLMJVM_impl.h"
#include "drivers/usb_device.h"

/* Returns 0 or a USB_DEVICE_ERR_* code (drivers/usb_device.h). Blocks for the forced-mode
 * settling time once, at start-up: the VM has nothing else to run before the board exists. */
jint Java_org_skvmoip_hal_stm32_Stm32Natives_usbInit(void) {
    int status = usb_device_reset_core();
    if (status != USB_DEVICE_OK) {
        return status;
    }
    int64_t settled = LLMJVM_IMPL_getCurrentTime(1) + USB_DEVICE_FORCE_MODE_SETTLE_MS + 1;
    while (LLMJVM_IMPL_getCurrentTime(1) < settled) {
    }
    return usb_device_connect();
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_usbPollBusReset(void) {
    return (jboolean)usb_device_poll_bus_reset();
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_usbPollSetup(jbyte *setup8) {
    return (jboolean)usb_device_poll_setup((uint8_t *)setup8);
}

jint Java_org_skvmoip_hal_stm32_Stm32Natives_usbControlOut(jbyte *dst, jint off, jint max) {
    return usb_device_control_out((uint8_t *)dst + off, (uint32_t)max);
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_usbControlIn(jbyte *data, jint off, jint len) {
    usb_device_control_in((const uint8_t *)data + off, (uint32_t)len);
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_usbControlAck(void) {
    usb_device_control_ack();
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_usbControlStall(void) {
    usb_device_control_stall();
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_usbSetAddress(jint address) {
    usb_device_set_address((uint32_t)address);
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_usbOpenInterruptIn(jint endpoint, jint maxPacket) {
    return (jboolean)(usb_device_open_interrupt_in((uint32_t)endpoint, (uint32_t)maxPacket) == 0);
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_usbCloseEndpoints(void) {
    usb_device_close_endpoints();
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_usbEndpointReady(jint endpoint) {
    return (jboolean)usb_device_endpoint_ready((uint32_t)endpoint);
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_usbSend(jint endpoint, jbyte *data, jint off, jint len) {
    return (jboolean)usb_device_send((uint32_t)endpoint, (const uint8_t *)data + off, (uint32_t)len);
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_usbIsSuspended(void) {
    return (jboolean)usb_device_is_suspended();
}
