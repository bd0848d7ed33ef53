package org.skvmoip.client.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLException;

import org.skvmoip.client.trust.CertificateChangedException;
import org.skvmoip.client.trust.Tls;
import org.skvmoip.client.trust.UnknownServerException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Turns what went wrong into a {@link ClientException} a person can act on. */
final class Failures {

    private Failures() {
    }

    /** An HTTP error answer: the server's sentence from its {@code {"error": ...}} body. */
    static ClientException answer(int status, byte[] body, HttpHeaders headers) {
        JsonNode json = json(body);
        String sentence = sentence(status, json, body);
        if (status == 401) {
            return ClientException.unauthorized(sentence, unauthorized(json, headers));
        }
        return ClientException.http(status, sentence, headers.firstValue("Retry-After").flatMap(Failures::seconds));
    }

    /**
     * RFC 6750 section 3: the challenge's error parameter says why a token was refused; the API's
     * login answer says the same of a missing second factor in its body too.
     */
    private static ClientException.Unauthorized unauthorized(JsonNode json, HttpHeaders headers) {
        String challenge = String.join(",", headers.allValues("WWW-Authenticate"));
        if (json.path("secondFactorRequired").asBoolean(false)
                || challenge.contains("error=\"second_factor_required\"")) {
            return ClientException.Unauthorized.SECOND_FACTOR_REQUIRED;
        }
        if (challenge.contains("error=\"invalid_token\"")) {
            return ClientException.Unauthorized.SESSION_ENDED;
        }
        return ClientException.Unauthorized.PLAIN;
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode json = ApiJson.MAPPER.readTree(body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (IOException | RuntimeException e) {
            return MissingNode.getInstance(); // not the API's JSON (a proxy's page?)
        }
    }

    private static String sentence(int status, JsonNode json, byte[] body) {
        JsonNode error = json.get("error");
        if (error != null && error.isTextual() && !error.asText().isBlank()) {
            return error.asText();
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        return "the server answered HTTP " + status + (text.isEmpty() || text.startsWith("<") ? "" : ": " + text);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A request that got no answer: what happened on the way to {@code server}. */
    static ClientException noAnswer(ServerAddress server, Throwable failure) {
        if (failure instanceof ClientException known) {
            return known;
        }
        Optional<CertificateChangedException> changed = Tls.cause(failure, CertificateChangedException.class);
        if (changed.isPresent()) {
            return ClientException.untrusted(changed.get().getMessage(), failure);
        }
        Optional<UnknownServerException> unknown = Tls.cause(failure, UnknownServerException.class);
        if (unknown.isPresent()) {
            return ClientException.untrusted(unknown.get().getMessage()
                    + "; connect again and accept it once you have checked the fingerprint", failure);
        }
        Optional<CertificateException> refused = Tls.cause(failure, CertificateException.class);
        if (refused.isPresent()) {
            return ClientException.untrusted("the certificate of " + server + " is not trusted: "
                    + refused.get().getMessage(), failure);
        }
        if (Tls.cause(failure, UnresolvedAddressException.class).isPresent()
                || Tls.cause(failure, UnknownHostException.class).isPresent()) {
            return ClientException.connection("cannot find the host '" + server.host() + "'; check the server address",
                    failure);
        }
        if (Tls.cause(failure, HttpConnectTimeoutException.class).isPresent()) {
            return ClientException.connection("no answer from " + server + " within "
                    + ServerConnection.CONNECT_TIMEOUT.toSeconds() + " s; is the address right, and is the port open?",
                    failure);
        }
        if (Tls.cause(failure, HttpTimeoutException.class).isPresent()) {
            return ClientException.connection(server + " did not answer in time (" + failure.getMessage() + ")",
                    failure);
        }
        if (Tls.cause(failure, ConnectException.class).isPresent()) {
            return ClientException.connection("cannot connect to " + server
                    + ": connection refused; is the server running, and is this its HTTPS port?", failure);
        }
        Optional<SSLException> tls = Tls.cause(failure, SSLException.class);
        if (tls.isPresent()) {
            return ClientException.connection("the TLS handshake with " + server + " failed (" + tls.get().getMessage()
                    + "); is this the SKVMOIP server's HTTPS port?", failure);
        }
        return ClientException.connection("the connection to " + server + " failed: " + describe(failure), failure);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
