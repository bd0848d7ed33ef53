package org.skvmoip.sim.stm32;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.skvmoip.sim.stm32.host.CSide;

/**
 * The simulated Cortex-M4 of one {@code stm32} board: the one lock ("the CPU", this object's
 * monitor, which the host C takes with JNI MonitorEnter) under which its C runs, PRIMASK, the delivery of NVIC interrupts to the C handlers, and MicroEJ's thread
 * suspension. The host C calls the public methods here (mcu-hal/src/main/c/host/host.h); see
 * package-info for the threading rules.
 */
public final class Stm32Core {

    /** A handler that leaves its interrupt asserted runs again; this many times in a row is a hang. */
    static final int STORM_LIMIT = 100_000;
    /** How often a hung firmware looks whether its board has reset. */
    private static final long CORE_TICK_NANOS = 2_000_000;
    /** The core thread's longest sleep: inputs and interrupts wake it, timers say when they are due. */
    private static final long CORE_SLEEP_MAX_NANOS = 50_000_000;

    private final Stm32Bus bus;
    private final Nvic nvic;
    private final List<Runnable> inputs = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();
    private final SniThreads threads = new SniThreads();
    private final Thread coreThread;
    private volatile boolean inputsChanged = true;
    private volatile boolean running = true;
    /** Set by a board reset: every later entry into the C ends the firmware's run. */
    private volatile String resetReason;
    private CSide c;
    private int primask;
    private int handlerActive = -1;
    private volatile Throwable coreFailure;
    /** Set by {@link #hang()}: the firmware's next entry into the C never returns (until a reset). */
    private volatile boolean hung;
    /** Handlers run, per IRQ, for tests that count interrupts. */
    private final int[] taken = new int[Nvic.IRQ_COUNT];

    public Stm32Core(String name, Stm32Bus bus, Nvic nvic) {
        this.bus = bus;
        this.nvic = nvic;
        nvic.onPending(this::wake);
        coreThread = new Thread(this::coreLoop, name + "-core");
        coreThread.setDaemon(true);
    }

    /** Connects the C (before any native runs) and starts delivering interrupts. */
    public void start(CSide side) {
        this.c = side;
        coreThread.start();
    }

    /** A sampler run under the CPU, before the C reads anything, whenever {@link #inputChanged()} was called. */
    void addInput(Runnable sampler) {
        inputs.add(sampler);
    }

    /** A counter clocked on its own (the IWDG's LSI): fired under the CPU once due. */
    interface Timer {
        /** When it next needs the CPU ({@code System.nanoTime()}); read without the CPU, so volatile. */
        long dueNanos();

        void fire();
    }

    void addTimer(Timer timer) {
        timers.add(timer);
    }

    /** Until the next timer is due, at most {@link #CORE_SLEEP_MAX_NANOS}. */
    private long sleepNanos() {
        long now = System.nanoTime();
        long sleep = CORE_SLEEP_MAX_NANOS;
        for (int i = 0; i < timers.size(); i++) {
            sleep = Math.min(sleep, Math.max(0, timers.get(i).dueNanos() - now));
        }
        return sleep;
    }

    /** Whether the core thread has anything to do: it takes the CPU only then, so the firmware rarely waits for it. */
    private boolean work() {
        if (inputsChanged || nvic.hasRequest()) {
            return true;
        }
        long now = System.nanoTime();
        for (int i = 0; i < timers.size(); i++) {
            if (now - timers.get(i).dueNanos() >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Any thread, never blocking: an input of the board changed; it is applied under the CPU. */
    public void inputChanged() {
        inputsChanged = true;
        LockSupport.unpark(coreThread);
    }

    private void wake() {
        LockSupport.unpark(coreThread);
    }

    // ---- Called by the host C (host.h) ----

    /**
     * Before an entry into the C takes the CPU: a hung firmware waits here, a reset board refuses.
     * Interrupt handlers (the core's thread) do not wait: it holds the CPU while it dispatches,
     * and a handler parked here would stop the watchdog that is to reset the board.
     */
    public void arrive() {
        while (hung && resetReason == null && Thread.currentThread() != coreThread) {
            LockSupport.parkNanos(this, CORE_TICK_NANOS);
        }
        String reset = resetReason;
        if (reset != null) {
            throw new BoardReset(reset);
        }
    }

    /** An entry into the C, the CPU taken: inputs and interrupts that came meanwhile are served first. */
    public void enter() {
        applyInputs();
        deliver();
    }

    /** The end of an entry, the CPU still held: interrupts the C raised run. */
    public void exit() {
        deliver();
    }

    /** After an entry released the CPU: the suspension the C asked for, if this was the outermost entry. */
    public void leave() {
        if (!Thread.holdsLock(this)) {
            threads.suspendIfAsked(this);
        }
    }

    public int read(int address) {
        applyInputs();
        int value = bus.read(address);
        deliver();
        return value;
    }

    public void write(int address, int value) {
        applyInputs();
        bus.write(address, value);
        deliver();
    }

    /** PM0214 §2.1.3: sets PRIMASK and returns what it was. */
    public int irqSave() {
        int was = primask;
        primask = 1;
        return was;
    }

    public void irqRestore(int was) {
        primask = was & 1;
        deliver();
    }

    public int threadId() {
        return threads.idOf(Thread.currentThread());
    }

    public void suspend(long timeoutMillis) {
        threads.askSuspend(Thread.currentThread(), timeoutMillis);
    }

    public void resume(int threadId) {
        threads.resume(threadId);
    }

    /** Any thread: resumes {@code thread} as an interrupt handler's SNI_resumeJavaThread would. */
    public void wake(Thread thread) {
        threads.resume(threads.idOf(thread));
    }

    // ---- Interrupts ----

    private void applyInputs() {
        if (!inputsChanged) {
            return;
        }
        inputsChanged = false;
        for (int i = 0; i < inputs.size(); i++) {
            inputs.get(i).run();
        }
    }

    /** Runs every deliverable interrupt, one at a time: handlers do not preempt each other here. */
    private void deliver() {
        if (primask != 0 || handlerActive >= 0 || c == null) {
            return;
        }
        int last = -1;
        int repeats = 0;
        for (int irq = nvic.take(); irq >= 0; irq = nvic.take()) {
            repeats = irq == last ? repeats + 1 : 0;
            last = irq;
            if (repeats > STORM_LIMIT) {
                throw new IllegalStateException("interrupt " + irq + " is taken again and again: its handler does "
                        + "not clear the peripheral's flag (or the line stays asserted)");
            }
            handlerActive = irq;
            taken[irq]++;
            try {
                c.dispatch(irq);
            } finally {
                handlerActive = -1;
                nvic.finished(irq);
            }
            if (primask != 0) {
                return;
            }
        }
    }

    private void coreLoop() {
        while (running) {
            LockSupport.parkNanos(this, sleepNanos());
            if (!running) {
                return;
            }
            if (!work()) {
                continue;
            }
            synchronized (this) {
                try {
                    applyInputs();
                    long now = System.nanoTime();
                    for (int i = 0; i < timers.size(); i++) {
                        if (now - timers.get(i).dueNanos() >= 0) {
                            timers.get(i).fire();
                        }
                    }
                    deliver();
                } catch (BoardReset e) {
                    // the board is going down: nothing more to deliver
                } catch (RuntimeException | Error e) {
                    coreFailure = e;
                }
            }
        }
    }

    // ---- Board life ----

    /**
     * The board resets (watchdog, power): from now on an entry into the C throws
     * {@link BoardReset}, a suspended firmware thread wakes to it, and the C's owner starts a
     * fresh copy. Called under the CPU or from any thread.
     */
    public void reset(String reason) {
        resetReason = reason;
        threads.resumeAll();
    }

    /**
     * The firmware stops making progress, as one stuck in a loop would: its next entry into the C
     * waits, holding nothing, until the board resets. Interrupts and the watchdog keep running.
     */
    public void hang() {
        hung = true;
    }

    /** How many times the handler of {@code irq} ran. */
    public synchronized int interruptsTaken(int irq) {
        return taken[irq];
    }

    public boolean isReset() {
        return resetReason != null;
    }

    /** A failure the core thread met while running a handler (null when none): tests assert it. */
    public Throwable coreFailure() {
        return coreFailure;
    }

    public void stop() {
        running = false;
        reset("the board was switched off");
        LockSupport.unpark(coreThread);
        try {
            coreThread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown into the firmware when its board resets: its run is over. */
    public static final class BoardReset extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BoardReset(String reason) {
            super("board reset: " + reason);
        }
    }

    void checkResetDuringSuspension() {
        String reset = resetReason;
        if (reset != null) {
            throw new BoardReset(reset);
        }
    }
}
