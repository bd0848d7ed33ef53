package org.skvmoip.server.api;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON object from a client, read field by field: every missing or wrong field is a 400 that
 * names the field and says what it must be.
 */
public final class JsonBody {

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    public static JsonBody parse(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("the request needs a JSON object as its body");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("the body's JSON is nested more than " + Json.MAX_NESTING_DEPTH
                    + " arrays or objects deep; no request of this API needs more than a few");
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw ApiException.badRequest("the body is not valid JSON" + (where == null ? ""
                    : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")") + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ApiException.badRequest("the body must be a JSON object, {...}");
        }
        return new JsonBody(object);
    }

    public static JsonBody parse(String text) throws ApiException {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A string field that must be present and not empty. */
    public String text(String field) throws ApiException {
        return optionalText(field).orElseThrow(() -> missing(field, "a string"));
    }

    public Optional<String> optionalText(String field) throws ApiException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw ApiException.badRequest("field '" + field + "' must be a non-empty string");
        }
        return Optional.of(value.textValue());
    }

    /** As {@link #optionalText(String)}, with an empty string taken as absent (a form field left blank). */
    public Optional<String> optionalTextOrBlank(String field) throws ApiException {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && value.textValue().isEmpty()) {
            return Optional.empty();
        }
        return optionalText(field);
    }

    public boolean bool(String field, boolean absent) throws ApiException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("field '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    public int integer(String field, int min, int max) throws ApiException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field, "an integer from " + min + " to " + max);
        }
        return checkedInt(field, value, min, max);
    }

    public int integer(String field, int min, int max, int absent) throws ApiException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? absent : checkedInt(field, value, min, max);
    }

    /** An array of at most {@code maxCount} integers, each from {@code min} to {@code max}. */
    public int[] integers(String field, int maxCount, int min, int max) throws ApiException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return new int[0];
        }
        if (!value.isArray()) {
            throw ApiException.badRequest("field '" + field + "' must be an array of integers");
        }
        if (value.size() > maxCount) {
            throw ApiException.badRequest("field '" + field + "' holds " + value.size()
                    + " values, at most " + maxCount + " are allowed");
        }
        int[] result = new int[value.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = checkedInt(field + "[" + i + "]", value.get(i), min, max);
        }
        return result;
    }

    private static int checkedInt(String field, JsonNode value, int min, int max) throws ApiException {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw ApiException.badRequest("field '" + field + "' must be an integer from " + min + " to " + max
                    + ", was " + abbreviated(value));
        }
        return value.intValue();
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() <= 32 ? text : text.substring(0, 29) + "...";
    }

    private static ApiException missing(String field, String what) {
        return ApiException.badRequest("field '" + field + "' is missing; it must be " + what);
    }
}
