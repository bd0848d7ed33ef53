/**
 * The simulator's {@code stm32} board: the STM32F401CCU6 as its own C sees it, register by
 * register (RM0368), so that the firmware runs on the device's C compiled for this host.
 *
 * <h2>What is here</h2>
 * {@link org.skvmoip.sim.stm32.Stm32Bus} decodes the memory map (RM0368 §2.3, table 1) and gates
 * each block by its RCC clock; the blocks are {@link org.skvmoip.sim.stm32.Peripheral}s: RCC with
 * its clock tree, GPIO A-C, SYSCFG and EXTI, NVIC, SPI1, the flash interface and its array, IWDG,
 * ADC1, the unique id, DBGMCU, SCB and SysTick. {@link org.skvmoip.sim.stm32.Stm32Chip} puts them
 * together; {@link org.skvmoip.sim.stm32.Stm32SimBoard} wires its pins to the W5500 model and the
 * target machine and runs the firmware, again from power-up after each reset.
 *
 * <h2>Threads and locks</h2>
 * <ul>
 * <li><b>One CPU lock per board</b> ({@link org.skvmoip.sim.stm32.Stm32Core}): C runs only while
 * it is held - a native called by the firmware's thread, or an interrupt handler. Every register
 * model is touched only under it, so the models need no locks of their own.</li>
 * <li><b>Interrupts</b>: a peripheral raises its {@link org.skvmoip.sim.stm32.IrqLine}; the NVIC,
 * under its own small monitor, only records it. The interrupt is taken by whoever holds the CPU:
 * at once after the register access of the C that caused it (a write to EXTI_SWIER, a transfer
 * that makes the W5500 assert INTn), or at the next entry into the C, or by the board's core
 * thread when no C runs. So an interrupt preempts the firmware at native-call granularity, and
 * the running C at register-access granularity. PRIMASK ({@code irq_save}) defers delivery
 * until {@code irq_restore}; a handler is not preempted by another.</li>
 * <li><b>External inputs</b> (the W5500's network threads asserting INTn, the machine driving
 * its LEDs, a test holding the KEY button) never wait for the CPU: a
 * {@link org.skvmoip.sim.stm32.PinInput} records the level and counts changes under its own
 * monitor and wakes the core thread; the GPIO model turns them into edges under the CPU, so a
 * pulse shorter than the CPU's next look still makes both edges.</li>
 * <li><b>Outputs</b> (SCSn, RSTn, the front-panel buttons) are driven from under the CPU into
 * the W5500's or the wire's own lock. Lock order is always CPU, then a model's or a wire's lock,
 * then a PinInput or the NVIC; nothing outside takes the CPU, so nothing can deadlock on it.</li>
 * <li><b>SNI suspension</b>: SNI_suspendCurrentJavaThread only asks; the suspension happens
 * when the native returns, after the CPU is released, and ends at SNI_resumeJavaThread (from a
 * handler on any thread) or its timeout; a resume that came first ends it at once.</li>
 * <li><b>Resets</b>: the IWDG, counted on the core thread, or SYSRESETREQ marks the core reset;
 * every later entry into the C throws {@link org.skvmoip.sim.stm32.Stm32Core.BoardReset} into
 * the firmware, which unwinds its run, and the board powers up a fresh chip and a fresh copy of
 * the C in a fresh class loader, its flash array kept.</li>
 * </ul>
 *
 * <h2>Faults</h2>
 * An address no model serves, or a configuration the part cannot run with (APB1 over 42 MHz,
 * too few flash wait states for HCLK, a wrong flash key, an ADC clock over 36 MHz), is a
 * {@link org.skvmoip.sim.stm32.BusFault}: the C stops there and the native throws it. An access
 * to a block whose clock is off, or right after its clock-enable write (ES0182 §2.1), is lost as
 * on the part and listed by {@link org.skvmoip.sim.stm32.Stm32Bus#lostAccesses()}.
 */
package org.skvmoip.sim.stm32;
