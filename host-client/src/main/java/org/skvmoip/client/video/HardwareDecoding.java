package org.skvmoip.client.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_CUDA;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_D3D11VA;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_DXVA2;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_VAAPI;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_VIDEOTOOLBOX;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_find_type_by_name;

import java.util.List;
import java.util.Locale;

/**
 * Which decoders to try: {@code auto} tries the platform's hardware decoders in order (NVIDIA's
 * first, as it is the fastest where present), then software; {@code software} never touches a
 * GPU; a device name ({@code cuda}, {@code vaapi}, {@code d3d11va}, {@code dxva2},
 * {@code videotoolbox}) tries that one, then software.
 */
public final class HardwareDecoding {

    public static final String AUTO = "auto";
    public static final String SOFTWARE = "software";

    private HardwareDecoding() {
    }

    /** FFmpeg hardware device types to try, in order; empty for software only. */
    public static List<Integer> deviceTypes(String choice) {
        String name = choice == null ? AUTO : choice.toLowerCase(Locale.ROOT);
        if (name.equals(SOFTWARE)) {
            return List.of();
        }
        if (name.equals(AUTO)) {
            return platformOrder(System.getProperty("os.name", ""));
        }
        int type = av_hwdevice_find_type_by_name(name);
        if (type == AV_HWDEVICE_TYPE_NONE) {
            throw new IllegalArgumentException("unknown video decoder '" + choice
                    + "'; use auto, software, cuda, vaapi, d3d11va, dxva2 or videotoolbox");
        }
        return List.of(type);
    }

    /** What a device type needs, for the note saying why it did not open. */
    static String requirement(String deviceName) {
        return switch (deviceName) {
            case "cuda" -> "needs an NVIDIA GPU and its driver's libcuda.so.1 / nvcuda.dll";
            case "vaapi" -> "needs a VA-API driver (libva with the GPU's driver) and access to /dev/dri/renderD128";
            case "d3d11va", "dxva2" -> "needs a GPU with Direct3D video decoding";
            case "videotoolbox" -> "needs macOS's VideoToolbox";
            default -> "not available on this machine";
        };
    }

    static List<Integer> platformOrder(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return List.of(AV_HWDEVICE_TYPE_CUDA, AV_HWDEVICE_TYPE_D3D11VA, AV_HWDEVICE_TYPE_DXVA2);
        }
        if (os.startsWith("mac")) {
            return List.of(AV_HWDEVICE_TYPE_VIDEOTOOLBOX);
        }
        return List.of(AV_HWDEVICE_TYPE_CUDA, AV_HWDEVICE_TYPE_VAAPI);
    }
}
