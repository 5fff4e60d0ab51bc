package dev.irsa.examples;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a Kubernetes manifest (YAML or JSON) into a fabric8 model, bounded and with errors that say
 * where: {@code pod.yaml:4:15: spec.containers: expected a list, got string "x"}.
 *
 * <p>The text is first scanned as a stream of YAML events (iterative, so a deeply nested document
 * cannot exhaust the stack) and rejected past {@link #MAX_CHARS} characters or {@link #MAX_DEPTH}
 * levels; then composed into a tree whose node positions locate the model's binding errors.
 */
final class Manifests {
  /** Kubernetes stores objects up to 1.5 MiB; a manifest is not larger. */
  static final int MAX_CHARS = 3 * 1024 * 1024;
  /** Far deeper than any pod spec (about 10 levels). */
  static final int MAX_DEPTH = 64;

  private Manifests() {}

  /**
   * The manifest as {@code type}.
   *
   * @throws CliException (exit 2) naming {@code file}, the line:column and the path of what is wrong
   */
  static <T> T read(String file, String text, Class<T> type) {
    if (text.length() > MAX_CHARS) {
      throw new CliException(2, file + ": larger than " + MAX_CHARS + " characters; not a manifest");
    }
    LoadSettings settings = LoadSettings.builder().setLabel(file).setCodePointLimit(MAX_CHARS)
        .setMaxAliasesForCollections(50).build();
    Node root;
    try {
      checkDepth(file, settings, text);
      // what api.lowlevel.Compose does; that package is not exported by the snakeyaml-engine module
      root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)))
          .getSingleNode().orElse(null);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> at = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
      String what = e.getContext() == null ? e.getProblem() : e.getContext() + ": " + e.getProblem();
      throw new CliException(2, where(file, at) + ": not valid YAML or JSON: " + what);
    } catch (YamlEngineException e) {
      throw new CliException(2, file + ": not valid YAML or JSON: " + e.getMessage());
    }
    if (root == null) {
      throw new CliException(2, file + ": empty; expected a " + type.getSimpleName() + " manifest");
    }
    rejectNullEntries(file, root, "");
    try {
      return Serialization.unmarshal(text, type);
    } catch (RuntimeException e) {
      throw new CliException(2, bindingError(file, root, e));
    }
  }

  /** Walks the events without building anything; fails at the first collection nested too deep. */
  private static void checkDepth(String file, LoadSettings settings, String text) {
    ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
    int depth = 0;
    while (parser.hasNext()) {
      Event e = parser.next();
      switch (e.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            throw new CliException(2, where(file, e.getStartMark()) + ": nested deeper than " + MAX_DEPTH
                + " levels; not a manifest");
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        default -> { }
      }
    }
  }

  /** A list entry that is {@code null} ({@code containers: [null]}) is never meaningful in a manifest. */
  private static void rejectNullEntries(String file, Node node, String path) {
    if (node instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        String p = path + "[" + i + "]";
        if (items.get(i) instanceof ScalarNode n && Tag.NULL.equals(n.getTag())) {
          throw new CliException(2, where(file, n.getStartMark()) + ": " + p + ": must not be null");
        }
        rejectNullEntries(file, items.get(i), p);
      }
    } else if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
        rejectNullEntries(file, t.getValueNode(), path.isEmpty() ? key : path + "." + key);
      }
    }
  }

  /** The binding failure with the path from Jackson and the position and value from the tree. */
  private static String bindingError(String file, Node root, RuntimeException e) {
    JacksonException j = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JacksonException x) {
        j = x;
        break;
      }
    }
    if (j == null) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      return file + ": " + why;
    }
    StringBuilder path = new StringBuilder();
    Node node = root;
    for (JacksonException.Reference r : j.getPath()) {
      if (r.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
        node = child(node, r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
        node = node instanceof SequenceNode s && r.getIndex() < s.getValue().size() ? s.getValue().get(r.getIndex()) : null;
      }
    }
    String at = node == null ? file : where(file, node.getStartMark());
    String prefix = at + (path.isEmpty() ? "" : ": " + path);
    if (j instanceof MismatchedInputException m && m.getTargetType() != null && node != null) {
      return prefix + ": expected " + expected(m.getTargetType()) + ", got " + describe(node);
    }
    String why = j.getOriginalMessage() == null ? j.getClass().getSimpleName() : j.getOriginalMessage().lines().findFirst().orElse("");
    return prefix + ": " + why;
  }

  private static Node child(Node node, String key) {
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
          return t.getValueNode();
        }
      }
    }
    return null;
  }

  private static String expected(Class<?> type) {
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
      return "a number";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    return "an object (" + type.getSimpleName() + ")";
  }

  private static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "an object";
    }
    ScalarNode s = (ScalarNode) node;
    if (Tag.NULL.equals(s.getTag())) {
      return "null";
    }
    if (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag())) {
      return "number " + s.getValue();
    }
    if (Tag.BOOL.equals(s.getTag())) {
      return "boolean " + s.getValue();
    }
    String v = s.getValue();
    return "string \"" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "\"";
  }

  /** {@code file:line:column} (1-based), or the file alone without a position. */
  private static String where(String file, Optional<Mark> mark) {
    return mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file);
  }
}
