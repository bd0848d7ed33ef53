package org.skvmoip.server.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_codec_is_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.av_codec_iterate;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.skvmoip.server.capture.Ffmpeg;

/**
 * Picks and opens a machine's H.264 encoder. "auto" tries the hardware encoders in
 * {@link #HARDWARE_ORDER} by opening each at the stream's size (an encoder compiled into FFmpeg
 * may still lack its driver, device or a free session), then the software ones; the first that
 * opens is used and the reasons the others failed are logged once. A named encoder is used or
 * fails with a message listing the encoders this FFmpeg has.
 *
 * <p>Thread-safe. What "auto" chose is remembered per size, so later streams open it directly.
 */
public final class EncoderProbe {

    public static final String AUTO = "auto";
    public static final List<String> HARDWARE_ORDER =
            List.of("h264_nvenc", "h264_qsv", "h264_vaapi", "h264_amf", "h264_videotoolbox");
    public static final List<String> SOFTWARE_ORDER = List.of("libx264", "libopenh264");

    private static final Logger LOG = System.getLogger(EncoderProbe.class.getName());

    /** An encoder "auto" tried and why it was passed over (a sentence naming it). */
    public record Rejection(String encoder, String reason) {
        @Override
        public String toString() {
            return reason;
        }
    }

    /** The encoder opened, and the ones tried before it. */
    public record Choice(H264Encoder encoder, List<Rejection> rejected) {
    }

    private final List<String> autoOrder;
    private final Map<String, String> chosenBySize = new ConcurrentHashMap<>();

    /** "auto" tries hardware encoders, then libx264, then OpenH264. */
    public EncoderProbe() {
        this(concat(HARDWARE_ORDER, SOFTWARE_ORDER));
    }

    /** "auto" tries {@code autoOrder}, first to last. */
    public EncoderProbe(List<String> autoOrder) {
        this.autoOrder = List.copyOf(autoOrder);
    }

    /**
     * Opens the encoder {@code encoder} names ("auto" or an FFmpeg encoder name) with {@code parameters}.
     *
     * @throws EncoderUnavailableException none opens, with every reason
     */
    public Choice open(String encoder, EncoderParameters parameters) throws EncoderUnavailableException {
        Ffmpeg.init();
        if (!encoder.equals(AUTO)) {
            return new Choice(H264Encoder.open(findNamed(encoder), parameters), List.of());
        }
        String sizeKey = parameters.width() + "x" + parameters.height();
        String remembered = chosenBySize.get(sizeKey);
        if (remembered != null) {
            try {
                return new Choice(H264Encoder.open(avcodec_find_encoder_by_name(remembered), parameters), List.of());
            } catch (EncoderUnavailableException e) {
                LOG.log(Level.WARNING, "{0}, which opened before, no longer does; probing again", remembered);
                chosenBySize.remove(sizeKey);
            }
        }
        return probe(parameters, sizeKey);
    }

    private Choice probe(EncoderParameters parameters, String sizeKey) throws EncoderUnavailableException {
        List<Rejection> rejected = new ArrayList<>();
        for (String name : autoOrder) {
            AVCodec codec = avcodec_find_encoder_by_name(name);
            if (codec == null) {
                rejected.add(new Rejection(name, name + " is not in this FFmpeg build"));
                continue;
            }
            try {
                H264Encoder opened = H264Encoder.open(codec, parameters);
                chosenBySize.put(sizeKey, name);
                LOG.log(Level.INFO, "H.264 encoder for {0}: {1}{2}", sizeKey, name,
                        rejected.isEmpty() ? "" : " (passed over: " + describe(rejected) + ")");
                return new Choice(opened, List.copyOf(rejected));
            } catch (EncoderUnavailableException e) {
                rejected.add(new Rejection(name, e.getMessage()));
            }
        }
        throw new EncoderUnavailableException("no H.264 encoder opens at " + sizeKey + ": " + describe(rejected)
                + ". Encoders in this FFmpeg: " + String.join(", ", availableH264Encoders()));
    }

    /**
     * Checks that {@code encoder} is "auto" or an H.264 encoder of this FFmpeg (whether it opens
     * is only known when a stream starts).
     *
     * @throws IllegalArgumentException it is not, saying what is available
     */
    public static void checkName(String encoder) {
        if (!encoder.equals(AUTO)) {
            try {
                findNamed(encoder);
            } catch (EncoderUnavailableException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    private static AVCodec findNamed(String encoder) throws EncoderUnavailableException {
        Ffmpeg.init();
        AVCodec codec = avcodec_find_encoder_by_name(encoder);
        if (codec == null || codec.id() != AV_CODEC_ID_H264) {
            throw new EncoderUnavailableException("encoder '" + encoder + "' is "
                    + (codec == null ? "not in this FFmpeg build" : "not an H.264 encoder")
                    + ". H.264 encoders in this FFmpeg: " + String.join(", ", availableH264Encoders())
                    + " (or \"" + AUTO + "\" to pick the first that opens)");
        }
        return codec;
    }

    /** Every H.264 encoder compiled into this FFmpeg, whether or not its hardware is present. */
    public static List<String> availableH264Encoders() {
        Ffmpeg.init();
        List<String> names = new ArrayList<>();
        try (PointerPointer<Pointer> iterator = new PointerPointer<>(1)) {
            iterator.put(0, (Pointer) null);
            AVCodec codec;
            while ((codec = av_codec_iterate(iterator)) != null) {
                if (codec.id() == AV_CODEC_ID_H264 && av_codec_is_encoder(codec) != 0) {
                    names.add(codec.name().getString());
                }
            }
        }
        return names;
    }

    private static String describe(List<Rejection> rejected) {
        return rejected.stream().map(Rejection::toString).collect(Collectors.joining("; "));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
