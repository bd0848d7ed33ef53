package org.skvmoip.sim.stm32.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.stm32.BusFault;
import org.skvmoip.sim.stm32.Gpio;

/** The host binding as the device's C meets it: one copy of the C per board, registers through the bus, SNI, interrupts. */
class HostBindingTest {

    private static final int GPIOA_MODER = 0x4002_0000;
    private static final int RCC_AHB1ENR = 0x4002_3830;
    private static final int EXTI_SWIER = 0x4001_3C10;

    @Test
    void twoBoardsEachHaveTheirOwnCGlobals() throws Throwable {
        try (ProbeBoard first = new ProbeBoard("probe-a", 1); ProbeBoard second = new ProbeBoard("probe-b", 2)) {
            first.call("nextCount");
            first.call("nextCount");
            int firstThird = first.callInt("nextCount");
            int secondFirst = second.callInt("nextCount");

            assertThat(firstThird).isEqualTo(3);
            assertThat(secondFirst).isEqualTo(1);
        }
    }

    @Test
    void everyNativeOfTheClassIsRegistered() throws Throwable {
        try (ProbeBoard board = new ProbeBoard("probe-natives", 1)) {
            List<String> declared = NativeGlue.nativesOf(ProbeNatives.class).stream().map(Method::getName).toList();

            assertThat(board.loaded.registered()).containsExactlyInAnyOrderElementsOf(declared);
        }
    }

    @Test
    void aNativeWithoutItsCFunctionFailsTheBuildByName() throws Exception {
        Path cRoot = Path.of("../mcu-hal/src/main/c").toAbsolutePath().normalize();
        List<Path> sources = new ArrayList<>(NativeBuild.deviceSources(cRoot.resolve("host")));
        sources.add(Path.of("src/test/c/probe_natives.c").toAbsolutePath());

        assertThatThrownBy(() -> NativeBuild.build(UnboundNatives.class, cRoot, sources,
                Path.of("target/native-test/libunbound.so").toAbsolutePath()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Java_org_skvmoip_sim_stm32_host_UnboundNatives_notInTheC");
    }

    @Test
    void anAddressNoBlockServesFailsTheNativeAndNamesWhatIsThere() throws Throwable {
        try (ProbeBoard board = new ProbeBoard("probe-fault", 1)) {
            assertThatThrownBy(() -> board.call("read", 0x4000_4400))
                    .isInstanceOf(BusFault.class).hasMessageContaining("0x40004400").hasMessageContaining("USART2");
            // The C is usable again after the fault.
            assertThat(board.callInt("nextCount")).isEqualTo(1);
        }
    }

    @Test
    void registersGoThroughTheBusAndAClockOffLosesTheAccess() throws Throwable {
        try (ProbeBoard board = new ProbeBoard("probe-bus", 1)) {
            board.call("write", GPIOA_MODER, 0x0000_0100);
            assertThat(board.chip.bus().lostAccesses()).singleElement().asString().contains("GPIOA's clock is off");

            board.call("write", RCC_AHB1ENR, 1);
            board.call("read", RCC_AHB1ENR);
            board.call("write", GPIOA_MODER, 0xA800_0100);

            assertThat(board.callInt("read", GPIOA_MODER)).isEqualTo(0xA800_0100);
            assertThat(board.chip.port(0).mode(4)).isEqualTo(Gpio.MODE_OUTPUT);
        }
    }

    @Test
    void anArrayPassedTwiceIsOneBufferAndTheCWritesReachJava() throws Throwable {
        try (ProbeBoard board = new ProbeBoard("probe-arrays", 1)) {
            byte[] buffer = {1, 2, 3, 4};

            int sum = board.callInt("fill", buffer, buffer, 1, 2, (byte) 9);

            assertThat(sum).isEqualTo(3);
            assertThat(buffer).containsExactly(1, 9, 9, 4);
        }
    }

    @Test
    void aSuspensionEndsWhenAnotherThreadResumesIt() throws Throwable {
        try (ProbeBoard board = new ProbeBoard("probe-suspend", 1)) {
            CompletableFuture<Integer> id = new CompletableFuture<>();
            CompletableFuture<Integer> suspended = sleeper(board, id);
            int sleeperId = id.get(10, TimeUnit.SECONDS);

            // Resumed until it has returned: a resume that comes before its suspension also ends it.
            while (!suspended.isDone()) {
                board.call("resume", sleeperId);
                Thread.sleep(1);
            }
            assertThat(suspended.get(10, TimeUnit.SECONDS)).isEqualTo(sleeperId);
        }
    }

    @Test
    void aResumeBeforeTheSuspensionMakesItReturnAtOnce() throws Throwable {
        try (ProbeBoard board = new ProbeBoard("probe-early", 1)) {
            int self = board.callInt("suspend", 1L); // learns this thread's id (a 1 ms suspension)
            board.call("resume", self);

            // Without the earlier resume this would never return (timeout 0: until resumed).
            assertThat(board.callInt("suspend", 0L)).isEqualTo(self);
        }
    }

    @Test
    void aResumeOfAThreadThatNeverCalledTheCIsRefused() throws Throwable {
        try (ProbeBoard board = new ProbeBoard("probe-unknown", 1)) {
            assertThatThrownBy(() -> board.call("resume", 7)).hasMessageContaining("SNI_resumeJavaThread(7)");
        }
    }

    @Test
    void aSoftwareTriggerRunsTheHandlerAtOnceAndPrimaskDefersIt() throws Throwable {
        try (ProbeBoard board = new ProbeBoard("probe-irq", 1)) {
            board.call("armExti0", -1);
            board.call("write", EXTI_SWIER, 1);
            assertThat(board.callInt("exti0Count")).isEqualTo(1);

            int beforeRestore = board.callInt("triggerMasked");

            assertThat(beforeRestore).isEqualTo(1);
            assertThat(board.callInt("exti0Count")).isEqualTo(2);
            assertThat(board.chip.core().coreFailure()).isNull();
        }
    }

    @Test
    void anEdgeOnAPinWakesASuspendedThreadThroughItsHandler() throws Throwable {
        try (ProbeBoard board = new ProbeBoard("probe-edge", 1)) {
            var pin = board.chip.input(0, 0, false);
            CompletableFuture<Integer> id = new CompletableFuture<>();
            CompletableFuture<Integer> woken = sleeper(board, id);
            board.call("armExti0", id.get(10, TimeUnit.SECONDS));

            pin.drive(true); // from this thread, as a W5500 or a front-panel line would

            woken.get(10, TimeUnit.SECONDS);
            assertThat(board.callInt("exti0Count")).isEqualTo(1);
        }
    }

    /** A thread that publishes its SNI id, then suspends until resumed; completes with its id. */
    private static CompletableFuture<Integer> sleeper(ProbeBoard board, CompletableFuture<Integer> id) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                id.complete(board.callInt("suspend", 1L));
                done.complete(board.callInt("suspend", 0L));
            } catch (Throwable e) {
                id.completeExceptionally(e);
                done.completeExceptionally(e);
            }
        }, "sleeper");
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
