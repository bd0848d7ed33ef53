package org.skvmoip.client.ui;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The X server the GUI tests draw on: the one at {@code $DISPLAY} when it answers, else an Xvfb
 * this process starts at that display number (the build sets {@code DISPLAY}, since GTK reads it
 * from the environment only; see host-client/pom.xml). That Xvfb ends by itself when its last
 * client, this JVM, disconnects ({@code -terminate}): killing it from a shutdown hook instead
 * would make Xlib exit the JVM with an error while JavaFX still holds its connection.
 */
final class XDisplay {

    private static final List<String> XVFB = List.of("/usr/bin/Xvfb", "/usr/local/bin/Xvfb");
    private static Process xvfb;

    private XDisplay() {
    }

    /** Makes sure an X server answers at $DISPLAY; otherwise says why none can be had. */
    static synchronized Optional<String> ensure() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            return Optional.of("DISPLAY is not set; run the tests through Maven (it sets one) or under xvfb-run");
        }
        int number = displayNumber(display);
        if (number < 0) {
            return Optional.of("DISPLAY '" + display + "' is not of the form [host]:N");
        }
        if (answers(display, number)) {
            return Optional.empty();
        }
        if (!display.startsWith(":")) {
            return Optional.of("no X server answers at remote display " + display);
        }
        Optional<Path> binary = XVFB.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        if (binary.isEmpty()) {
            return Optional.of("no X server at " + display + " and no Xvfb installed (apt-get install xvfb)");
        }
        try {
            xvfb = new ProcessBuilder(binary.get().toString(), display, "-screen", "0", "1600x1200x24", "-nolisten", "tcp",
                    "-terminate").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Path socket = socket(number);
            while (System.nanoTime() < deadline) {
                // The socket file, not a test connection: a connection closing would end a -terminate server.
                if (Files.exists(socket)) {
                    return Optional.empty();
                }
                if (!xvfb.isAlive()) {
                    return Optional.of("Xvfb " + display + " exited at once (exit " + xvfb.exitValue()
                            + "); is the display number taken by a stale lock file /tmp/.X" + number + "-lock?");
                }
                Thread.sleep(50);
            }
            return Optional.of("Xvfb " + display + " did not start within 10 s");
        } catch (IOException e) {
            return Optional.of("cannot start Xvfb: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while starting Xvfb");
        }
    }

    private static Path socket(int number) {
        return Path.of("/tmp/.X11-unix/X" + number);
    }

    private static int displayNumber(String display) {
        int colon = display.lastIndexOf(':');
        if (colon < 0) {
            return -1;
        }
        String rest = display.substring(colon + 1);
        int dot = rest.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean answers(String display, int number) {
        if (display.startsWith(":") || display.startsWith("unix:")) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                return channel.connect(UnixDomainSocketAddress.of(socket(number)));
            } catch (IOException e) {
                return false;
            }
        }
        String host = display.substring(0, display.lastIndexOf(':'));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 6000 + number), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
