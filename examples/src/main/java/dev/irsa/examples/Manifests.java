package dev.irsa.examples;

import dev.irsa.core.internal.Quote;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a Kubernetes manifest (YAML or JSON) into a fabric8 model, bounded and with errors that say
 * where: {@code pod.yaml:4:15: spec.containers: expected a list, got string "x"}.
 *
 * <p>The text is first scanned as a stream of YAML events ({@link ManifestScan}: iterative, so a deeply
 * nested document cannot exhaust the stack) and rejected past {@link #MAX_CHARS} characters,
 * {@link #MAX_DEPTH} levels, {@link #MAX_ALIASES} aliases, {@link #MAX_NODES} nodes with aliases
 * expanded, or at an alias that forms a cycle; then composed into a tree whose node positions locate
 * null entries, unpaired surrogates and the model's binding errors; then constructed (unknown tags and
 * duplicate keys fail there, with their position) and bound by a mapper that takes only integers for
 * integer fields.
 */
final class Manifests {
  /** Kubernetes stores objects up to 1.5 MiB; a manifest is not larger. */
  static final int MAX_CHARS = 3 * 1024 * 1024;
  /** Far deeper than any pod spec (about 10 levels). */
  static final int MAX_DEPTH = 64;
  /** Aliases to collections (snakeyaml's own default limit, reported here with a position). */
  static final int MAX_ALIASES = 50;
  /** Nodes of the manifest with every alias expanded: a pod spec has hundreds, an alias bomb billions. */
  static final int MAX_NODES = 100_000;
  /**
   * fabric8's mapper, except that nothing but an integer binds to an integer field: {@code runAsUser: .nan}
   * would become 0 (root), {@code 1000.9} would become 1000, {@code "000"} would become 0. The API server
   * refuses all three (and {@code 1000.0}).
   */
  private static final ObjectMapper MAPPER = Serialization.jsonMapper().rebuild()
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .build();

  private Manifests() {}

  /**
   * The manifest as {@code type}.
   *
   * @throws CliException (exit 2) naming {@code file}, the line:column and the path of what is wrong
   */
  static <T> T read(String name, String text, Class<T> type) {
    String file = name.equals("-") ? "stdin" : name;
    if (text.length() > MAX_CHARS) {
      throw new CliException(2, file + ": larger than " + MAX_CHARS + " characters; not a manifest");
    }
    LoadSettings settings = LoadSettings.builder().setLabel(file).setCodePointLimit(MAX_CHARS)
        .setMaxAliasesForCollections(MAX_ALIASES + 1).build();
    Node root;
    Object value;
    try {
      ManifestScan.check(file, settings, text);
      // what api.lowlevel.Compose does; that package is not exported by the snakeyaml-engine module
      root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)))
          .getSingleNode().orElse(null);
      if (root == null) {
        throw new CliException(2, file + ": empty; expected a " + type.getSimpleName() + " manifest");
      }
      checkTree(file, root, "", Collections.newSetFromMap(new IdentityHashMap<>()));
      value = new StandardConstructor(settings).constructSingleDocument(Optional.of(root));
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> at = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
      String what = e.getContext() == null ? e.getProblem() : e.getContext() + ": " + e.getProblem();
      throw new CliException(2, where(file, at) + ": not valid YAML or JSON: " + Quote.line(what));
    } catch (YamlEngineException e) {
      throw new CliException(2, file + ": not valid YAML or JSON: " + Quote.cut(e.getMessage()));
    }
    try {
      return MAPPER.convertValue(value, type);
    } catch (RuntimeException e) {
      throw new CliException(2, bindingError(file, root, e));
    }
  }

  /**
   * A list entry that is {@code null} ({@code containers: [null]}) is never meaningful in a manifest, and
   * a string with an unpaired surrogate is not Unicode (printed, it would become {@code ?}, a wildcard).
   * {@code open} holds the collections being walked: a node met again inside itself is a cycle.
   */
  private static void checkTree(String file, Node node, String path, Set<Node> open) {
    if (!open.add(node)) {
      throw new CliException(2, where(file, node.getStartMark()) + ": " + path + ": a collection that contains itself "
          + "(a cycle); not a manifest");
    }
    if (node instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        String p = path + "[" + i + "]";
        if (items.get(i) instanceof ScalarNode n && Tag.NULL.equals(n.getTag())) {
          throw new CliException(2, where(file, n.getStartMark()) + ": " + p + ": must not be null");
        }
        checkTree(file, items.get(i), p, open);
      }
    } else if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? Quote.cut(k.getValue()) : "?";
        String p = path.isEmpty() ? key : path + "." + key;
        checkTree(file, t.getKeyNode(), p, open);
        checkTree(file, t.getValueNode(), p, open);
      }
    } else if (node instanceof ScalarNode n) {
      checkUnicode(file, n, path);
    }
    open.remove(node);
  }

  private static void checkUnicode(String file, ScalarNode n, String path) {
    String v = n.getValue();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new CliException(2, where(file, n.getStartMark()) + ": " + path + ": unpaired surrogate "
            + String.format("\\u%04x", (int) c) + " at character " + (i + 1) + "; not valid Unicode");
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
      return file + ": " + Quote.line(why);
    }
    StringBuilder path = new StringBuilder();
    Node node = root;
    for (JacksonException.Reference r : j.getPath()) {
      if (r.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(Quote.cut(r.getPropertyName()));
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
    return prefix + ": " + Quote.line(why);
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
    if (type == Integer.class || type == Long.class || type == Short.class || type == java.math.BigInteger.class
        || type == int.class || type == long.class || type == short.class) {
      return "an integer";
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
      return "number " + Quote.cut(s.getValue());
    }
    if (Tag.BOOL.equals(s.getTag())) {
      return "boolean " + Quote.cut(s.getValue());
    }
    return "string " + Quote.dbl(s.getValue());
  }

  /** {@code file:line:column} (1-based), or the file alone without a position. */
  static String where(String file, Optional<Mark> mark) {
    return mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file);
  }
}
