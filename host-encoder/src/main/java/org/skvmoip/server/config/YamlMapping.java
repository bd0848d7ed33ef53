package org.skvmoip.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read key by key from SnakeYAML's node tree, so that every problem names the
 * file, the line and the field's path ("machines[1].fps"). Every key asked for, present or not,
 * is known; {@link #rejectUnknownKeys()} then reports the others, with a "did you mean" for near
 * misses, so a misspelt setting is an error instead of a silently ignored line.
 */
public final class YamlMapping {

    private final Path file;
    private final String path;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    private YamlMapping(Path file, String path, MappingNode node) throws ConfigException {
        this.file = file;
        this.path = path;
        this.node = node;
        for (NodeTuple entry : node.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                throw new ConfigException(file, line(entry.getKeyNode()), path, "a key must be a plain word");
            }
            NodeTuple earlier = entries.putIfAbsent(key.getValue(), entry);
            if (earlier != null) {
                throw new ConfigException(file, line(key), field(key.getValue()),
                        "appears twice (first on line " + line(earlier.getKeyNode()) + ")");
            }
        }
    }

    /**
     * Reads the file's top-level mapping; a missing file is empty, an empty file an empty mapping.
     * Only plain YAML is read: no tags that construct objects (the node tree constructs nothing).
     */
    public static Optional<YamlMapping> read(Path file) throws IOException, ConfigException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(parse(file, reader));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Parses a document that must be a mapping (or empty); {@code file} names it in errors. */
    public static YamlMapping parse(Path file, Reader reader) throws ConfigException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigException(file, mark == null ? 0 : mark.getLine() + 1, "",
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return new YamlMapping(file, "", new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK));
        }
        return mapping(file, "", root);
    }

    private static YamlMapping mapping(Path file, String path, Node node) throws ConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw new ConfigException(file, line(node), path, "must be a mapping of \"key: value\" lines, was " + kind(node));
        }
        return new YamlMapping(file, path, mapping);
    }

    public Path file() {
        return file;
    }

    /** The line this mapping starts on (1-based; 0 for an empty document). */
    public int line() {
        return line(node);
    }

    public boolean has(String key) {
        known.add(key);
        return entries.containsKey(key);
    }

    /** Every key present, in file order, for mappings whose keys are data (user or machine names). */
    public List<String> keys() {
        known.addAll(entries.keySet());
        return List.copyOf(entries.keySet());
    }

    public Optional<String> string(String key) throws ConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        return Optional.of(scalar(key, entries.get(key).getValueNode()));
    }

    public String string(String key, String otherwise) throws ConfigException {
        return string(key).orElse(otherwise);
    }

    public String requiredString(String key) throws ConfigException {
        return string(key).orElseThrow(() -> missing(key));
    }

    public Optional<Integer> integer(String key, int min, int max) throws ConfigException {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw error(key, "must be a whole number, was \"" + text.get() + "\"");
        }
        if (value < min || value > max) {
            throw error(key, "must be between " + min + " and " + max + ", was " + value);
        }
        return Optional.of((int) value);
    }

    public int integer(String key, int min, int max, int otherwise) throws ConfigException {
        return integer(key, min, max).orElse(otherwise);
    }

    /** true or false (YAML 1.2's spelling); the default when the key is absent. */
    public boolean bool(String key, boolean otherwise) throws ConfigException {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        if (!text.get().equals("true") && !text.get().equals("false")) {
            throw error(key, "must be true or false, was \"" + text.get() + "\"");
        }
        return text.get().equals("true");
    }

    public Optional<YamlMapping> mapping(String key) throws ConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        return Optional.of(mapping(file, field(key), present(key)));
    }

    /** The mappings of a list ("machines:" followed by "- name: ..." items); empty when absent. */
    public List<YamlMapping> mappings(String key) throws ConfigException {
        List<YamlMapping> items = new ArrayList<>();
        List<Node> nodes = sequence(key);
        for (int i = 0; i < nodes.size(); i++) {
            items.add(mapping(file, field(key) + "[" + i + "]", nodes.get(i)));
        }
        return items;
    }

    /** A list of words, written as a YAML list or as one word; empty when absent. */
    public List<String> strings(String key) throws ConfigException {
        if (has(key) && present(key) instanceof ScalarNode) {
            return List.of(requiredString(key));
        }
        List<String> items = new ArrayList<>();
        List<Node> nodes = sequence(key);
        for (int i = 0; i < nodes.size(); i++) {
            items.add(scalar(key + "[" + i + "]", nodes.get(i)));
        }
        return items;
    }

    /** Fails for the first key nobody asked for. Call it after reading every key this mapping may have. */
    public void rejectUnknownKeys() throws ConfigException {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw new ConfigException(file, line(entry.getValue().getKeyNode()), field(entry.getKey()),
                        "unknown key" + hint(entry.getKey(), known));
            }
        }
    }

    /** A problem with a key's value, reported at the value's line. */
    public ConfigException error(String key, String problem) {
        NodeTuple entry = entries.get(key);
        int at = entry == null ? line() : line(entry.getValueNode());
        return new ConfigException(file, at, field(key), problem);
    }

    /** A problem with the mapping itself (two keys that contradict each other, a missing one). */
    public ConfigException error(String problem) {
        return new ConfigException(file, line(), path, problem);
    }

    /** "; did you mean "x"?" when the word is a near miss of one of the choices, else the choices. */
    public static String hint(String word, Collection<String> choices) {
        Optional<String> nearest = Spelling.nearest(word, choices);
        if (nearest.isPresent()) {
            return "; did you mean \"" + nearest.get() + "\"?";
        }
        return choices.isEmpty() ? "" : "; expected one of: " + String.join(", ", choices);
    }

    private ConfigException missing(String key) {
        return new ConfigException(file, line(), field(key), "is required");
    }

    private Node present(String key) throws ConfigException {
        Node value = entries.get(key).getValueNode();
        if (isNull(value)) {
            throw error(key, "needs a value");
        }
        return value;
    }

    private List<Node> sequence(String key) throws ConfigException {
        if (!has(key)) {
            return List.of();
        }
        Node value = entries.get(key).getValueNode();
        if (isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(key, "must be a list (lines starting with \"- \"), was " + kind(value));
        }
        return sequence.getValue();
    }

    private String scalar(String key, Node value) throws ConfigException {
        if (isNull(value)) {
            throw new ConfigException(file, line(value), field(key), "needs a value");
        }
        if (!(value instanceof ScalarNode scalar)) {
            throw new ConfigException(file, line(value), field(key), "must be a single value, was " + kind(value));
        }
        return scalar.getValue();
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static boolean isNull(Node value) {
        return value instanceof ScalarNode && Tag.NULL.equals(value.getTag());
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        // Not the value itself: in the secrets file it would be a secret in an error message.
        return "a single value";
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
