package org.skvmoip.server.api.socket;

import org.skvmoip.protocol.Keyboard;
import org.skvmoip.protocol.MouseAbsolute;
import org.skvmoip.protocol.MouseRelative;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.JsonBody;

/**
 * A message of the input socket (docs/api.md, "Input socket"), checked field by field against the
 * ranges of the module's protocol, so nothing invalid reaches the module.
 */
sealed interface InputMessage {

    /** Asks for control of the machine; {@code takeOver} takes it from whoever has it. */
    record Claim(boolean takeOver) implements InputMessage {
    }

    /** Gives control up (every key released). */
    record Release() implements InputMessage {
    }

    /** The whole key state: modifier bits and the usages of the other keys held. */
    record KeyboardState(int modifiers, byte[] usages) implements InputMessage {
    }

    record PointerAbsolute(int buttons, int x, int y, int wheel, int hwheel) implements InputMessage {
    }

    record PointerRelative(int buttons, int dx, int dy, int wheel, int hwheel) implements InputMessage {
    }

    /** Every key and button up, control kept. */
    record ReleaseAll() implements InputMessage {
    }

    String TYPES = "claim, release, keyboard, mouse-abs, mouse-rel or release-all";

    static InputMessage parse(String text) throws ApiException {
        JsonBody json = JsonBody.parse(text);
        String type = json.text("type");
        return switch (type) {
            case "claim" -> new Claim(json.bool("takeOver", false));
            case "release" -> new Release();
            case "release-all" -> new ReleaseAll();
            case "keyboard" -> keyboard(json);
            case "mouse-abs" -> new PointerAbsolute(buttons(json),
                    json.integer("x", 0, MouseAbsolute.MAX_COORDINATE), json.integer("y", 0, MouseAbsolute.MAX_COORDINATE),
                    wheel(json, "wheel"), wheel(json, "hwheel"));
            case "mouse-rel" -> new PointerRelative(buttons(json),
                    json.integer("dx", Short.MIN_VALUE, Short.MAX_VALUE, 0),
                    json.integer("dy", Short.MIN_VALUE, Short.MAX_VALUE, 0),
                    wheel(json, "wheel"), wheel(json, "hwheel"));
            default -> throw ApiException.badRequest("unknown message type '" + type + "'; expected " + TYPES);
        };
    }

    private static KeyboardState keyboard(JsonBody json) throws ApiException {
        int modifiers = json.integer("modifiers", 0, 0xFF, 0);
        int[] keys = json.integers("keys", Keyboard.MAX_USAGES, Keyboard.FIRST_KEY_USAGE, Keyboard.LAST_KEY_USAGE);
        byte[] usages = new byte[keys.length];
        for (int i = 0; i < keys.length; i++) {
            usages[i] = (byte) keys[i];
        }
        return new KeyboardState(modifiers, usages);
    }

    private static int buttons(JsonBody json) throws ApiException {
        return json.integer("buttons", 0, MouseRelative.BUTTONS_MASK, 0);
    }

    private static int wheel(JsonBody json, String field) throws ApiException {
        return json.integer(field, Byte.MIN_VALUE + 1, Byte.MAX_VALUE, 0);
    }
}
