package org.skvmoip.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.skvmoip.protocol.Protocol;

/** The inventory's "server:" section and the "encoder:" settings it shares with machines. */
final class ServerSection {

    static final int DEFAULT_HTTPS_PORT = 8443;
    static final String DEFAULT_BIND = "0.0.0.0";
    static final String DEFAULT_DATA_DIR = "skvm-data";
    static final String DEFAULT_DISCOVERY = "255.255.255.255:" + Protocol.DISCOVERY_UDP_PORT;
    /** x264's presets; hardware encoders map them to their nearest. */
    static final List<String> PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow",
            "slower", "veryslow");
    /** Encoders that are not "h264_*" but make H.264. */
    private static final Set<String> SOFTWARE_ENCODERS = Set.of("auto", "libx264", "libopenh264");

    private ServerSection() {
    }

    static ServerSettings read(Optional<YamlMapping> section, Path baseDir) throws ConfigException {
        if (section.isEmpty()) {
            Path dataDir = baseDir.resolve(DEFAULT_DATA_DIR).normalize();
            return new ServerSettings(DEFAULT_BIND, DEFAULT_HTTPS_PORT, Optional.empty(), Optional.empty(), Optional.empty(),
                    dataDir, dataDir.resolve("secrets.yaml"), List.of(DEFAULT_DISCOVERY), EncoderSettings.DEFAULTS,
                    false, ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS);
        }
        YamlMapping server = section.get();
        String bind = server.string("bind", DEFAULT_BIND);
        if (bind.isBlank() || bind.chars().anyMatch(Character::isWhitespace)) {
            throw server.error("bind", "expected an address to listen on, such as 0.0.0.0 or 127.0.0.1, was \"" + bind + "\"");
        }
        int httpsPort = server.integer("https-port", 0, 65535, DEFAULT_HTTPS_PORT);
        Optional<Integer> redirectPort = server.integer("http-redirect-port", 1, 65535);
        if (redirectPort.isPresent() && redirectPort.get() == httpsPort) {
            throw server.error("http-redirect-port", "must differ from https-port (" + httpsPort + ")");
        }
        Path dataDir = path(server, "data-dir", baseDir).orElse(baseDir.resolve(DEFAULT_DATA_DIR).normalize());
        Path secretsFile = path(server, "secrets-file", baseDir).orElse(dataDir.resolve("secrets.yaml"));
        Optional<Path> certificate = existingFile(server, "certificate", baseDir);
        Optional<Path> privateKey = existingFile(server, "private-key", baseDir);
        if (certificate.isPresent() != privateKey.isPresent()) {
            throw server.error(certificate.isPresent() ? "certificate" : "private-key",
                    "certificate and private-key go together: give both, or neither for a generated self-signed one");
        }
        List<String> discovery = discovery(server);
        EncoderSettings encoder = encoder(server, EncoderSettings.DEFAULTS);
        boolean requireSecondFactorForAdmins = server.bool("require-second-factor-for-admins", false);
        int perAddress = server.integer("connections-per-address", 1, 1024, ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS);
        server.rejectUnknownKeys();
        return new ServerSettings(bind, httpsPort, redirectPort, certificate, privateKey, dataDir, secretsFile, discovery,
                encoder, requireSecondFactorForAdmins, perAddress);
    }

    /** The "encoder:" mapping of a section over the given defaults; the defaults when absent. */
    static EncoderSettings encoder(YamlMapping owner, EncoderSettings defaults) throws ConfigException {
        Optional<YamlMapping> section = owner.mapping("encoder");
        if (section.isEmpty()) {
            return defaults;
        }
        YamlMapping settings = section.get();
        String encoder = settings.string("encoder", defaults.encoder());
        if (!SOFTWARE_ENCODERS.contains(encoder) && !encoder.matches("h264_[a-z0-9_]+")) {
            throw settings.error("encoder", "expected auto, libx264, libopenh264 or an FFmpeg hardware encoder such as"
                    + " h264_nvenc, h264_qsv, h264_vaapi, h264_amf, h264_videotoolbox, was \"" + encoder + "\""
                    + YamlMapping.hint(encoder, List.of("auto", "libx264", "libopenh264", "h264_nvenc", "h264_qsv",
                            "h264_vaapi", "h264_amf", "h264_videotoolbox")));
        }
        int bitrate = settings.integer("bitrate-kbps", 100, 200_000, defaults.bitrateKbps());
        int gop = settings.integer("gop-frames", 1, 10_000, defaults.gopFrames());
        String preset = settings.string("preset", defaults.preset());
        if (!PRESETS.contains(preset)) {
            throw settings.error("preset", "unknown preset \"" + preset + "\"" + YamlMapping.hint(preset, PRESETS));
        }
        settings.rejectUnknownKeys();
        return new EncoderSettings(encoder, bitrate, gop, preset);
    }

    private static List<String> discovery(YamlMapping server) throws ConfigException {
        if (!server.has("discovery")) {
            return List.of(DEFAULT_DISCOVERY);
        }
        List<String> targets = new ArrayList<>();
        for (String target : server.strings("discovery")) {
            try {
                targets.add(Addresses.format(Addresses.parse(target, Protocol.DISCOVERY_UDP_PORT)));
            } catch (IllegalArgumentException e) {
                throw server.error("discovery", e.getMessage());
            }
        }
        return List.copyOf(targets);
    }

    /** A path relative to the inventory file's directory unless absolute. */
    static Optional<Path> path(YamlMapping section, String key, Path baseDir) throws ConfigException {
        Optional<String> text = section.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isBlank()) {
            throw section.error(key, "needs a value");
        }
        try {
            return Optional.of(baseDir.resolve(text.get()).normalize());
        } catch (java.nio.file.InvalidPathException e) {
            throw section.error(key, "not a usable path: " + e.getReason());
        }
    }

    private static Optional<Path> existingFile(YamlMapping section, String key, Path baseDir) throws ConfigException {
        Optional<Path> path = path(section, key, baseDir);
        if (path.isPresent() && !Files.isRegularFile(path.get())) {
            throw section.error(key, "no such file: " + path.get());
        }
        return path;
    }
}
