package org.skvmoip.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skvmoip.client.rack.RackExtension;
import org.skvmoip.client.rack.Waits;
import org.skvmoip.client.trust.ServerTrust;
import org.skvmoip.server.testrig.ServerRig;
import org.skvmoip.sim.machine.PowerState;

/** The REST half of the API through {@link ServerConnection}, against the real server and a simulated rack. */
@ExtendWith(RackExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerConnectionTest {

    static ServerRig rig;
    static ServerConnection server;

    @BeforeAll
    static void logIn(ServerRig sharedRig) throws Exception {
        rig = sharedRig;
        server = connect(rig);
        server.login(ServerRig.USER, ServerRig.PASSWORD.toCharArray());
        Waits.online(rig, 0);
    }

    /** A connection that trusts the rig's certificate as --ca-cert does. */
    static ServerConnection connect(ServerRig rig) throws Exception {
        return new ServerConnection(ServerAddress.parse("https://127.0.0.1:" + rig.server.port()),
                ServerTrust.certificateAuthority(rig.server.certificateFile()));
    }

    @Test
    void theRightPasswordGivesASessionOfThatUser() throws Exception {
        Session session = connect(rig).login(ServerRig.USER, ServerRig.PASSWORD.toCharArray());

        assertThat(session.token()).hasSize(43);
        assertThat(session.user()).isEqualTo(ServerRig.USER);
        assertThat(session.expires()).isAfter(Instant.now());
        assertThat(session.toString()).doesNotContain(session.token());
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersSentence() throws Exception {
        ServerConnection stranger = connect(rig);

        assertThatThrownBy(() -> stranger.login(ServerRig.USER, "not the password".toCharArray()))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ClientException.Kind.HTTP);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).isEqualTo("wrong user name or password");
                });
        assertThat(stranger.token()).isEmpty();
    }

    @Test
    void anEndedSessionsTokenIsRefused() throws Exception {
        ServerConnection ended = connect(rig);
        ended.login(ServerRig.USER, ServerRig.PASSWORD.toCharArray());
        String token = ended.token().orElseThrow();
        ended.logout();
        ended.useToken(token);

        assertThatThrownBy(ended::machines).isInstanceOfSatisfying(ClientException.class,
                e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void theMachineListHasEveryMachineWithItsState() throws Exception {
        List<MachineState> machines = server.machines();

        assertThat(machines).extracting(MachineState::name).containsExactly("sim-0", "sim-1", RackExtension.VIDEO_ONLY);
        MachineState sim = machines.get(0);
        assertThat(sim.module()).isTrue();
        assertThat(sim.online()).isTrue();
        assertThat(sim.problem()).isNull();
        assertThat(machines.get(2).module()).isFalse();
        assertThat(server.machine("sim-0").name()).isEqualTo("sim-0");
    }

    @Test
    void anUnknownMachineIs404WithTheServersSentence() {
        assertThatThrownBy(() -> server.machine("no-such-machine")).isInstanceOfSatisfying(ClientException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("no machine named 'no-such-machine'");
                });
    }

    @Test
    void powerOnStartsTheTargetAndTheAnswerSaysItIsOn() throws Exception {
        PowerResult result = server.power("sim-0", PowerAction.ON);

        assertThat(result.power()).isEqualTo(MachineState.Power.ON);
        assertThat(rig.modules.get(0).target().state()).isNotEqualTo(PowerState.OFF);
        assertThat(server.machine("sim-0").power()).isEqualTo(MachineState.Power.ON);
    }

    @Test
    void typedTextAppearsOnTheTargetsConsole() throws Exception {
        server.power("sim-0", PowerAction.ON);
        Waits.running(rig, 0);

        int typed = server.type("sim-0", "\necho typed-by-client\n");

        assertThat(typed).isEqualTo(22);
        assertThat(rig.modules.get(0).target().consoleText()).contains("> echo typed-by-client");
    }

    @Test
    void aKeyComboIsPressedOnTheTarget() throws Exception {
        server.power("sim-0", PowerAction.ON);
        Waits.running(rig, 0);
        long before = capitalZs(rig);

        String pressed = server.keys("sim-0", "shift+z");

        assertThat(pressed).isEqualTo("shift+z");
        assertThat(capitalZs(rig)).isEqualTo(before + 1);
    }

    private static long capitalZs(ServerRig rig) {
        return rig.modules.get(0).target().consoleText().chars().filter(c -> c == 'Z').count();
    }

    @Test
    void aSnapshotIsAPngOfTheWholeScreen() throws Exception {
        byte[] png = server.snapshot("sim-0", ImageFormat.PNG);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(picture.getWidth()).isEqualTo(1024);
        assertThat(picture.getHeight()).isEqualTo(768);
    }

    @Test
    void aMachineWithoutAModuleRefusesPowerWith409() {
        assertThatThrownBy(() -> server.power(RackExtension.VIDEO_ONLY, PowerAction.ON))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }
}
