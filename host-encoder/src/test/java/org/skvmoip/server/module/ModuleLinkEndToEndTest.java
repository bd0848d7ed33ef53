package org.skvmoip.server.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.protocol.Protocol;

/**
 * The server's link to a module running the real firmware in the simulator: it authenticates,
 * follows the module's status, says in words why it is down, and comes back by itself.
 * Slots 0..3 (see {@link LinkedMachine}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModuleLinkEndToEndTest {

    private static final String SHIFT_A = "02 00 04 00 00 00 00 00";

    @Test
    void givenAnAdoptedModuleWhenTheLinkStartsThenItGoesOnlineWithTheModulesStatus() throws Exception {
        try (LinkedMachine machine = LinkedMachine.start(0, LinkedMachine.SECRET)) {
            List<ModuleStatus> seen = new CopyOnWriteArrayList<>();
            machine.link.onStatus(seen::add);

            machine.awaitOnline();

            ModuleStatus status = machine.link.status();
            assertThat(status.problem()).isEmpty();
            assertThat(status.usbConfigured()).as("the target's USB host configured the module").isTrue();
            assertThat(status.powerLed()).as("the target starts off").isFalse();
            assertThat(machine.link.moduleId()).matches("[0-9A-F]{24}");
            assertThat(seen).last().isEqualTo(status);
        }
    }

    @Test
    void givenTheWrongSecretThenTheLinkSaysTheModuleRefusedItAndKeepsTryingUntilTheModuleTakesIt() throws Exception {
        try (LinkedMachine machine = LinkedMachine.start(1, LinkedMachine.WRONG_SECRET)) {
            Poll.until("the refusal", () -> machine.link.status().problem().contains("refused the secret"),
                    machine.link::status);
            assertThat(machine.link.status().online()).isFalse();
            assertThat(machine.link.status().problem()).startsWith("module " + LinkedMachine.address(1));
            assertThat(machine.link.keyboard(0, new byte[0], 0)).as("sends refused while offline").isFalse();

            machine.stopModule();
            machine.startModule(Optional.of(LinkedMachine.WRONG_SECRET)); // re-adopted with the link's secret

            machine.awaitOnline();
        }
    }

    @Test
    void givenNoModuleListeningThenTheLinkSaysConnectionRefusedAndComesOnlineWhenTheModuleStarts()
            throws Exception {
        try (LinkedMachine machine = LinkedMachine.withoutModule(2, Optional.of(LinkedMachine.SECRET))) {
            Poll.until("connection refused", () -> machine.link.status().problem().contains("connection refused"),
                    machine.link::status);

            machine.startModule(Optional.of(LinkedMachine.SECRET));

            machine.awaitOnline();
        }
    }

    @Test
    void givenAnOnlineLinkWhenTheModuleRestartsThenTheLinkReconnectsByItselfAndStatusResumes() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(3)) {
            machine.stopModule();
            machine.awaitOffline();
            assertThat(machine.link.status().problem()).contains("module " + LinkedMachine.address(3));

            machine.startModule(Optional.of(LinkedMachine.SECRET));

            machine.awaitOnline();
            assertThat(machine.link.status().usbConfigured()).isTrue();
        }
    }

    @Test
    void givenKeysHeldWhenTheConnectionIsResetThenTheTargetSeesEveryKeyReleasedAndTheLinkComesBack()
            throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(0)) {
            assertThat(machine.link.keyboard(0x02, new byte[] {0x04}, 1)).isTrue();
            machine.keyboard().awaitLast(SHIFT_A);

            machine.module().w5500().resetPeer(0);

            machine.keyboard().awaitLast(KeyboardReports.RELEASED);
            machine.awaitOffline();
            machine.awaitOnline();
            assertThat(machine.link.keyboard(0, new byte[] {0x05}, 1)).as("input flows again").isTrue();
            machine.keyboard().awaitLast("00 00 05 00 00 00 00 00");
        }
    }

    @Test
    void givenKeysHeldWhenTheCableIsPulledThenTheTargetSeesEveryKeyReleasedAndTheLinkReturnsWithTheCable()
            throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(1)) {
            assertThat(machine.link.keyboard(0x02, new byte[] {0x04}, 1)).isTrue();
            machine.keyboard().awaitLast(SHIFT_A);

            machine.module().w5500().setLinkUp(false);

            machine.keyboard().awaitLast(KeyboardReports.RELEASED);
            machine.awaitOffline();
            machine.module().w5500().setLinkUp(true);
            machine.awaitOnline();
        }
    }

    @Test
    void givenAnIdleOnlineLinkThenKeepAlivesHoldTheSessionPastTheKeepAliveTimeout() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(1)) {
            List<ModuleStatus> seen = new CopyOnWriteArrayList<>();
            machine.link.onStatus(seen::add);

            Thread.sleep(Protocol.KEEPALIVE_TIMEOUT_MILLIS + 1000); // nothing to send: only keep-alives flow

            assertThat(seen).as("never offline").allMatch(ModuleStatus::online);
            assertThat(machine.link.status().online()).isTrue();
        }
    }

    @Test
    void givenAModuleWhoseFramesStopArrivingThenTheLinkSaysNoAnswerFor3sAndReconnectsOnceTheyFlow()
            throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(2)) {
            machine.module().w5500().holdTransmit(0, true);

            Poll.until("the keep-alive timeout", () -> machine.link.status().problem()
                    .equals("no answer from module " + LinkedMachine.address(2) + " for 3 s"), machine.link::status);

            machine.module().w5500().holdTransmit(0, false);
            machine.awaitOnline();
        }
    }

    @Test
    void givenAModuleThatLostItsSecretThenTheLinkSaysToAdoptItAgain() throws Exception {
        try (LinkedMachine machine = LinkedMachine.withoutModule(0, Optional.of(LinkedMachine.SECRET))) {
            machine.startModule(Optional.empty());

            Poll.until("the lost secret", () -> machine.link.status().problem().contains("has no secret any more"),
                    machine.link::status);
            assertThat(machine.link.status().problem()).endsWith("adopt it again");
        }
    }

    @Test
    void givenAClosedLinkThenItIsOfflineSayingSoAndRefusesSends() throws Exception {
        try (LinkedMachine machine = LinkedMachine.online(2)) {
            machine.link.close();

            assertThat(machine.link.status().online()).isFalse();
            assertThat(machine.link.status().problem()).contains("closed by the server");
            assertThat(machine.link.releaseAll()).isFalse();
        }
    }

    @Test
    void givenInputTheProtocolCannotCarryThenTheSendIsRefusedSayingWhy() throws Exception {
        try (LinkedMachine machine = LinkedMachine.withoutModule(3, Optional.empty())) {
            assertThatThrownBy(() -> machine.link.keyboard(0, new byte[] {(byte) 0xE1}, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("modifier keys travel as bits");
            assertThatThrownBy(() -> machine.link.mouseAbsolute(0, 40_000, 0, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x 40000");
            assertThatThrownBy(() -> machine.link.power(7)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("power action 7");
            assertThat(machine.link.status().problem()).contains("not adopted");
        }
    }
}
