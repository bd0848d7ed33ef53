package org.skvmoip.server.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.server.module.KeyboardReports;
import org.skvmoip.server.module.LinkedMachine;
import org.skvmoip.server.module.Poll;

/**
 * Text and combos typed through the module link into the simulated module, as the target's USB
 * host and console see them. Slots 10..12 (see {@link LinkedMachine}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TypistEndToEndTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Typist typist = new Typist(scheduler);
    private final KeyboardLayout us = KeyboardLayouts.forName("us");

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void givenARunningTargetWhenTextIsTypedThenItAppearsOnItsConsole() throws Exception {
        String text = "Hello, World! 123 ~`{}|:\"<>?_+ [x]\\;',./-=";
        try (LinkedMachine machine = LinkedMachine.online(10)) {
            machine.bootTarget();

            typist.type(machine.link, us.strokes(text)).get(Poll.DEFAULT.toSeconds(), TimeUnit.SECONDS);

            Poll.until("the text on the console", () -> machine.module().target().consoleText().contains(text),
                    () -> machine.module().target().consoleText());
            machine.keyboard().awaitLast(KeyboardReports.RELEASED);
        }
    }

    @Test
    void givenTwoRequestsForOneMachineThenTheyAreTypedOneAfterTheOtherNeverInterleaved() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(11)) {
            machine.bootTarget();

            CompletableFuture<Void> first = typist.type(machine.link, us.strokes("aaaaaaaaaaaaaaaaaaaa"));
            CompletableFuture<Void> second = typist.type(machine.link, us.strokes("BBBBBBBBBBBBBBBBBBBB"));
            CompletableFuture.allOf(first, second).get(Poll.DEFAULT.toSeconds(), TimeUnit.SECONDS);

            Poll.until("both texts, in order", () -> machine.module().target().consoleText()
                    .contains("aaaaaaaaaaaaaaaaaaaaBBBBBBBBBBBBBBBBBBBB"), () -> machine.module().target().consoleText());
        }
    }

    @Test
    void givenAComboThenTheTargetsKeyboardHoldsModifiersThenTheKeyThenReleasesAll() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(12)) {
            typist.press(machine.link, KeyCombo.parse("ctrl+alt+delete")).get(Poll.DEFAULT.toSeconds(), TimeUnit.SECONDS);

            machine.keyboard().awaitLast(KeyboardReports.RELEASED);
            assertThat(machine.keyboard().all()).containsSubsequence(
                    "05 00 00 00 00 00 00 00",
                    "05 00 4C 00 00 00 00 00",
                    KeyboardReports.RELEASED);
        }
    }

    @Test
    void givenTypingWhenTheLinkDropsThenTheFutureFailsSayingSoAndTheTargetHasNoKeyHeld() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(10)) {
            CompletableFuture<Void> typing = typist.type(machine.link, us.strokes("Ab".repeat(1000)));
            Poll.until("typing under way", () -> machine.keyboard().all().size() > 10, machine.keyboard()::all);

            machine.module().w5500().resetPeer(0);

            assertThatThrownBy(() -> typing.get(Poll.DEFAULT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the link to the module of pc10 is down")
                    .hasMessageContaining("the module released every key");
            machine.keyboard().awaitLast(KeyboardReports.RELEASED);
        }
    }

    @Test
    void givenNothingToTypeThenTheRequestCompletesAtOnce() throws Exception {
        try (LinkedMachine machine = LinkedMachine.withoutModule(12, java.util.Optional.empty())) {
            assertThat(typist.type(machine.link, List.of())).succeedsWithin(Poll.DEFAULT);
        }
    }
}
