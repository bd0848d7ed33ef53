package org.skvmoip.sim.video;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A {@link FrameSource} offered as a video source FFmpeg opens like a network camera: an HTTP
 * server on loopback with Motion JPEG at {@code /stream.mjpg} (multipart/x-mixed-replace, one
 * JPEG per part; {@code ffmpeg -f mpjpeg -i http://127.0.0.1:PORT/stream.mjpg}) and the
 * current screen at {@code /snapshot.png}.
 *
 * <p>Frames are encoded only while a client is connected, at most once per screen change
 * (the frame counter tells), and each client gets them at the configured rate.
 */
public final class MjpegServer implements AutoCloseable {

    public static final String STREAM_PATH = "/stream.mjpg";
    public static final String SNAPSHOT_PATH = "/snapshot.png";
    public static final String BOUNDARY = "skvmoipframe";
    /** High enough that text survives for tests reading it back from decoded video. */
    public static final float JPEG_QUALITY = 0.9f;

    private final FrameSource source;
    private final long periodNanos;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final AtomicInteger clients = new AtomicInteger();
    private final AtomicLong framesSent = new AtomicLong();
    private volatile boolean open = true;
    private long encodedCounter = -1;
    private byte[] encoded;

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the TCP port, 0 for any free one (see {@link #port()})
     * @param fps frames per second sent to each client, 1..120
     */
    public MjpegServer(FrameSource source, int port, int fps) throws IOException {
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps must be 1..120, was " + fps);
        }
        this.source = source;
        this.periodNanos = 1_000_000_000L / fps;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger threads = new AtomicInteger();
        this.handlers = Executors.newCachedThreadPool(body -> {
            Thread thread = new Thread(body, "mjpeg-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext(STREAM_PATH, this::stream);
        server.createContext(SNAPSHOT_PATH, this::snapshot);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI streamUri() {
        return URI.create("http://127.0.0.1:" + port() + STREAM_PATH);
    }

    public URI snapshotUri() {
        return URI.create("http://127.0.0.1:" + port() + SNAPSHOT_PATH);
    }

    /** Clients receiving the stream now. */
    public int clients() {
        return clients.get();
    }

    /** JPEG parts sent so far, over all clients. */
    public long framesSent() {
        return framesSent.get();
    }

    private void stream(HttpExchange exchange) throws IOException {
        clients.incrementAndGet();
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace;boundary=" + BOUNDARY);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache, no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            long next = System.nanoTime();
            while (open) {
                byte[] jpeg = currentJpeg();
                body.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                body.write(jpeg);
                body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                body.flush();
                framesSent.incrementAndGet();
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (IOException clientGone) {
            // The client closed the connection: stop encoding for it.
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            clients.decrementAndGet();
        }
    }

    private void snapshot(HttpExchange exchange) throws IOException {
        try (exchange) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(source.snapshotImage(), "png", png);
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.size());
            exchange.getResponseBody().write(png.toByteArray());
        }
    }

    /** The JPEG of the current screen, encoded again only when the screen has changed. */
    private synchronized byte[] currentJpeg() throws IOException {
        long counter = source.frameCounter();
        if (encoded == null || counter != encodedCounter) {
            encoded = jpeg(source.snapshotImage());
            encodedCounter = counter;
        }
        return encoded;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        return jpeg(image, JPEG_QUALITY);
    }

    /** A baseline JPEG at {@code quality} (0..1), as a capture device's MJPEG would carry it. */
    public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Stops serving: when it returns, every stream has ended and the port is released. */
    @Override
    public void close() {
        open = false;
        server.stop(0);
        handlers.shutdownNow();
        try {
            // Handlers end within a frame period (interrupted sleep, or a write to a closed socket).
            if (!handlers.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("MJPEG stream handlers did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
