package org.skvmoip.bench.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * N viewers of one machine's video socket in a process of their own, so that their TLS
 * decryption and WebSocket work do not count in the server's CPU time. Started by
 * {@link ViewerCostBenchmark}: the session token comes on standard input (not the command
 * line, where other users of the host could read it); the fleet prints {@link #CONNECTED} once
 * every viewer is connected, watches until standard input closes, then prints one summary line
 * and exits.
 *
 * <pre>java -cp CLASSPATH org.skvmoip.bench.server.ViewerFleet VIDEO_WSS_URI CERTIFICATE_PEM VIEWERS</pre>
 */
public final class ViewerFleet {

    static final String CONNECTED = "connected";

    private ViewerFleet() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ViewerFleet VIDEO_WSS_URI CERTIFICATE_PEM VIEWERS (token on standard input)");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        HttpClient http = HttpClient.newBuilder().sslContext(Tls.trusting(Path.of(args[1])))
                .connectTimeout(Duration.ofSeconds(10)).build();
        int count = Integer.parseInt(args[2]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String token = in.readLine();
        List<VideoViewer> viewers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            viewers.add(VideoViewer.connect(http, uri, token, false));
        }
        System.out.println(CONNECTED);
        System.out.flush();
        while (in.read() >= 0) {
            // Watch until the benchmark closes our standard input.
        }
        long minUnits = Long.MAX_VALUE;
        long maxUnits = 0;
        long gaps = 0;
        for (VideoViewer viewer : viewers) {
            minUnits = Math.min(minUnits, viewer.received());
            maxUnits = Math.max(maxUnits, viewer.received());
            gaps += viewer.gaps();
        }
        // The first viewer saw the keyframe each later viewer's joining asked for.
        System.out.println("viewers " + count + ", units " + minUnits + ".." + maxUnits + ", gaps " + gaps
                + ", keyframes seen by the first " + viewers.get(0).keyframes());
        System.out.flush();
        for (VideoViewer viewer : viewers) {
            viewer.close();
        }
        System.exit(0);
    }
}
