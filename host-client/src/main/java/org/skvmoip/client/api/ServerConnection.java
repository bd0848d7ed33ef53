package org.skvmoip.client.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.skvmoip.client.trust.ServerTrust;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's API (docs/api.md) for one server: log in, then list machines, press power, type,
 * send key combos, take snapshots, and open the video, input and events sockets. Every call
 * blocks until the server answers (call from a background thread in a UI) and fails with a
 * {@link ClientException} written for the user. Safe for use by several threads.
 *
 * <p>TLS as {@code trust} says: on a server met for the first time, the handshake is refused,
 * the trust's first-use decision is asked on the calling thread, and when the user accepts, the
 * request is made again.
 */
public final class ServerConnection {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** "off" answers when the OS has shut down (the server waits for the LED up to 30 s): minutes. */
    static final Duration POWER_TIMEOUT = Duration.ofMinutes(3);
    /** The server's longest blocking request, discovery, waits up to 10 s plus queueing. */
    static final Duration SOCKET_OPEN_TIMEOUT = Duration.ofSeconds(30);
    public static final String SUBPROTOCOL = "skvmoip";

    private final ServerAddress address;
    private final ServerTrust.TlsSetup tls;
    private final HttpClient http;
    private volatile String token;
    private volatile Consumer<String> sessionEnd;
    private final AtomicReference<String> reportedEnd = new AtomicReference<>();

    public ServerConnection(ServerAddress address, ServerTrust trust) {
        this.address = address;
        this.tls = trust.forServer(address.hostPort());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls.sslContext())
                .connectTimeout(CONNECT_TIMEOUT).build();
    }

    public ServerAddress address() {
        return address;
    }

    /** Uses a token from an earlier login (a saved session). */
    public void useToken(String sessionToken) {
        this.token = sessionToken;
    }

    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /**
     * Logs in; later calls use the new session. The password array is not kept (clear it when
     * done); 401 for a wrong user name or password ({@link ClientException#secondFactorRequired()}
     * when the password was right and the user's second factor is wanted), 429 while failed logins
     * are throttled, 403 when the server requires a second factor the user has not enrolled.
     */
    public Session login(String user, char[] password) throws ClientException {
        return login(user, password, null);
    }

    /**
     * As {@link #login(String, char[])}, with the second factor's code: the authenticator app's
     * 6 digits or a recovery code; null for none.
     */
    public Session login(String user, char[] password, char[] code) throws ClientException {
        byte[] body = loginBody(user, password, code);
        try {
            JsonNode answer = json(send(post("/api/login", body, REQUEST_TIMEOUT), false));
            Session session = session(answer, answer.path("token").asText(), user);
            if (session.token().isEmpty()) {
                throw ClientException.protocol("the server's login answer holds no token", null);
            }
            this.token = session.token();
            return session;
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The session this connection holds now (GET /api/session): whose it is, the role, until when. */
    public Session session() throws ClientException {
        String current = token;
        return session(json(send(get("/api/session"), true)), current, null);
    }

    private static Session session(JsonNode answer, String token, String user) {
        JsonNode role = answer.get("role");
        // A server from before roles has none: every user could do everything there.
        return new Session(token, answer.path("user").asText(user), role == null ? Role.OPERATOR : Role.of(role.asText()),
                instant(answer.path("expires").asText()), answer.path("secondFactor").asBoolean(false));
    }

    private static byte[] loginBody(String user, char[] password, char[] code) {
        return body(json -> {
            json.writeStringField("user", user);
            json.writeFieldName("password");
            json.writeString(password, 0, password.length);
            if (code != null) {
                json.writeFieldName("otp");
                json.writeString(code, 0, code.length);
            }
        });
    }

    /**
     * Calls {@code listener} once when this connection's session ends while in use: a request
     * refused with 401 invalid_token, or a socket closed with {@link SocketListener#SESSION_ENDED}.
     * The reason is the server's sentence when it gave one. Called on an HTTP client thread.
     */
    public void onSessionEnded(Consumer<String> listener) {
        this.sessionEnd = listener;
    }

    /** Reports the end of {@code ended}, once, and only while it is still this connection's token. */
    void sessionEnded(String ended, String reason) {
        if (ended == null || !ended.equals(token)) {
            return; // a later login's token lives on
        }
        if (ended.equals(reportedEnd.getAndSet(ended))) {
            return; // every socket of the token closes: one report is enough
        }
        Consumer<String> listener = sessionEnd;
        if (listener != null) {
            listener.accept(reason == null || reason.isBlank() ? "your session has ended" : reason);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.now().plus(Duration.ofHours(1)); // the least a session lives while used
        }
    }

    /** Ends this session on the server; the token is forgotten here either way. */
    public void logout() throws ClientException {
        try {
            send(post("/api/logout", new byte[0], REQUEST_TIMEOUT), true);
        } finally {
            token = null;
        }
    }

    public List<MachineState> machines() throws ClientException {
        return read(send(get("/api/machines"), true), new TypeReference<List<MachineState>>() { });
    }

    /** One machine; 404 when the server has none of that name. */
    public MachineState machine(String name) throws ClientException {
        return read(send(get(machinePath(name, "")), true), new TypeReference<MachineState>() { });
    }

    /** Answers when the operation has finished (for {@code off}, when the OS has shut down). */
    public PowerResult power(String machine, PowerAction action) throws ClientException {
        byte[] body = ("{\"action\":\"" + action.wire() + "\"}").getBytes(StandardCharsets.UTF_8);
        return read(send(post(machinePath(machine, "/power"), body, POWER_TIMEOUT), true),
                new TypeReference<PowerResult>() { });
    }

    /** Types {@code text} for a target whose OS uses the US layout; answers the characters typed. */
    public int type(String machine, String text) throws ClientException {
        return type(machine, text, "us");
    }

    /** Types {@code text} for a target whose OS uses {@code layout}; answers when the last key is up. */
    public int type(String machine, String text, String layout) throws ClientException {
        byte[] body = body(json -> {
            json.writeStringField("text", text);
            json.writeStringField("layout", layout);
        });
        return json(send(post(machinePath(machine, "/type"), body, POWER_TIMEOUT), true)).path("typed").asInt();
    }

    /** Presses a combo such as {@code ctrl+alt+delete}: in order, held together, released together. */
    public String keys(String machine, String combo) throws ClientException {
        byte[] body = body(json -> json.writeStringField("combo", combo));
        return json(send(post(machinePath(machine, "/keys"), body, REQUEST_TIMEOUT), true)).path("pressed").asText();
    }

    /** The screen now, as a PNG or JPEG file's bytes. */
    public byte[] snapshot(String machine, ImageFormat format) throws ClientException {
        return send(get(machinePath(machine, "/snapshot") + "?format=" + format.wire()), true);
    }

    /** Modules that answer discovery within {@code wait} (1 ms to 10 s). */
    public List<DiscoveredModule> discover(Duration wait) throws ClientException {
        return read(send(get("/api/modules/discover?wait=" + wait.toMillis()), true),
                new TypeReference<List<DiscoveredModule>>() { });
    }

    /** Gives the machine's unadopted module its secret; answers the module's id. */
    public String adopt(String machine) throws ClientException {
        return json(send(post(machinePath(machine, "/adopt"), new byte[0], REQUEST_TIMEOUT), true)).path("moduleId")
                .asText();
    }

    /** Watches a machine's video; the first frame the listener gets is a keyframe. */
    public VideoStream openVideo(String machine, VideoMode mode, VideoStream.Listener listener)
            throws ClientException {
        return VideoStream.open(this, machine, mode, listener);
    }

    /** Opens the machine's input socket; claim control before sending input. */
    public InputChannel openInput(String machine, InputChannel.Listener listener) throws ClientException {
        return InputChannel.open(this, machine, listener);
    }

    /** Status events of every machine. */
    public EventStream openEvents(EventStream.Listener listener) throws ClientException {
        return EventStream.open(this, Optional.empty(), listener);
    }

    /** Status events of one machine. */
    public EventStream openEvents(String machine, EventStream.Listener listener) throws ClientException {
        return EventStream.open(this, Optional.of(machine), listener);
    }

    // ---- plumbing ----

    static String machinePath(String machine, String rest) {
        return "/api/machines/" + segment(machine) + rest;
    }

    /** A machine name as one path segment or query value: names are [A-Za-z0-9._-], anything else is escaped. */
    static String segment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(address.https(path)).timeout(timeout).header("Accept", "application/json");
    }

    private HttpRequest.Builder get(String path) {
        return request(path, REQUEST_TIMEOUT).GET();
    }

    private HttpRequest.Builder post(String path, byte[] body, Duration timeout) {
        return request(path, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** The token for a request; a call before any login is the caller's bug, not a refusal by the server. */
    private String currentToken() {
        String current = token;
        if (current == null) {
            throw new IllegalStateException("not logged in: call login or useToken first");
        }
        return current;
    }

    /** Sends the request (again, once the user has accepted a new server) and answers a 2xx body. */
    private byte[] send(HttpRequest.Builder builder, boolean authenticated) throws ClientException {
        String sent = authenticated ? currentToken() : null;
        if (authenticated) {
            builder.header("Authorization", "Bearer " + sent);
        }
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response = trusted(() -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        if (response.statusCode() / 100 != 2) {
            throw refused(Failures.answer(response.statusCode(), response.body(), response.headers()), sent);
        }
        return response.body();
    }

    /** A 401 to a request that carried a token means that token has ended, whatever else it says. */
    private ClientException refused(ClientException failure, String sent) {
        if (sent == null || failure.status() != 401) {
            return failure;
        }
        ClientException ended = failure.sessionEnded() ? failure : ClientException.sessionEnded(failure.getMessage());
        sessionEnded(sent, ended.getMessage());
        return ended;
    }

    /** Opens an API WebSocket with this session's token; it reports its token's end (4001) here too. */
    WebSocket openSocket(String path, WebSocket.Listener listener) throws ClientException {
        String sent = currentToken();
        URI uri = address.wss(path);
        WebSocket.Listener watched = new TokenEndWatch(listener, reason -> sessionEnded(sent, reason));
        return trusted(() -> {
            try {
                return http.newWebSocketBuilder().header("Authorization", "Bearer " + sent).subprotocols(SUBPROTOCOL)
                        .connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, watched)
                        .get(SOCKET_OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                IOException refusal = socketRefusal(e.getCause());
                throw refusal instanceof ClientException answer ? refused(answer, sent) : refusal;
            } catch (TimeoutException e) {
                throw new HttpTimeoutException("no WebSocket upgrade of " + path + " within "
                        + SOCKET_OPEN_TIMEOUT.toSeconds() + " s");
            }
        });
    }

    private static IOException socketRefusal(Throwable cause) {
        if (cause instanceof WebSocketHandshakeException refused) {
            HttpResponse<?> response = refused.getResponse();
            Object body = response.body();
            byte[] bytes = body instanceof byte[] b ? b
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : new byte[0];
            return Failures.answer(response.statusCode(), bytes, response.headers());
        }
        return cause instanceof IOException io ? io : new IOException(cause);
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    private <T> T trusted(Call<T> call) throws ClientException {
        try {
            try {
                return call.run();
            } catch (IOException e) {
                if (e instanceof ClientException || !tls.acceptedAfter(e)) {
                    throw e;
                }
                return call.run();
            }
        } catch (IOException e) {
            throw Failures.noAnswer(address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClientException.connection("interrupted while waiting for " + address, e);
        }
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] body(Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = ApiJson.MAPPER.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
        return bytes.toByteArray();
    }

    private static JsonNode json(byte[] body) throws ClientException {
        return read(body, new TypeReference<JsonNode>() { });
    }

    private static <T> T read(byte[] body, TypeReference<T> type) throws ClientException {
        try {
            return ApiJson.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw ClientException.protocol("the server's answer is not what this client expects ("
                    + e.getMessage() + "); are client and server of the same version?", e);
        }
    }

    @Override
    public String toString() {
        return "ServerConnection[" + address + "]";
    }
}
