/**
 * The device's C on this host: {@link org.skvmoip.sim.stm32.host.NativeBuild} compiles
 * mcu-hal/src/main/c (all but board/ and bringup/) with {@code -DSKVM_HOST} and the JNI glue that
 * {@link org.skvmoip.sim.stm32.host.NativeGlue} writes from the natives class into a shared
 * library, on first use; {@link org.skvmoip.sim.stm32.host.CLibrary} loads one copy of it per
 * board through a {@link org.skvmoip.sim.stm32.host.BoardClassLoader}, so each board has its own
 * C globals, and {@link org.skvmoip.sim.stm32.host.CBridge} binds that copy to the board's
 * simulated core. The C side of the bridge is mcu-hal/src/main/c/host/.
 */
package org.skvmoip.sim.stm32.host;
