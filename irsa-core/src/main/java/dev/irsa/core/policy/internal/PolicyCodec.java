package dev.irsa.core.policy.internal;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonSyntaxException;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.ConditionOperator;
import dev.irsa.core.policy.ConditionValue;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads policy documents leniently and writes them in one canonical form.
 *
 * <p>Canonical form: members in the order Version, Id, Statement; statement members in the order
 * Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition;
 * {@code Statement} always an array; a list of one value written as a plain value, longer lists as
 * arrays; conditions grouped by operator in order of first appearance; numbers and booleans in
 * conditions unquoted as written. Two equivalent spellings that this canonicalizes: an empty
 * condition block ({@code "Condition": {}} or {@code "StringEquals": {}}) is dropped, since a
 * block with no tests constrains nothing (the {@link SourceMap} of a parsed policy still knows where
 * it was). Reading is {@link PolicyReader}'s; this class is the front door and the writer.
 */
public final class PolicyCodec {
  private PolicyCodec() {}

  public static PolicyDocument read(String json) {
    return readPositioned(json).document();
  }

  /** Reads JSON text into a document and the positions of its parts. */
  public static ParsedPolicy readPositioned(String json) {
    JsonNode root;
    try {
      root = JsonParser.parse(json);
    } catch (JsonSyntaxException e) {
      throw new PolicyParseException(e.path(), e.line(), e.column(), e.problem());
    }
    return new PolicyReader("$").document(root);
  }

  /** Reads an already parsed tree (used by tools that embed policies in larger JSON). */
  public static PolicyDocument read(JsonNode root, String path) {
    return readPositioned(root, path).document();
  }

  /** Reads an already parsed tree, keeping positions; paths start at {@code path}. */
  public static ParsedPolicy readPositioned(JsonNode root, String path) {
    return new PolicyReader(path).document(root);
  }

  // ---------------------------------------------------------------- writing

  public static String write(PolicyDocument doc, boolean pretty) {
    return write(doc, new JsonWriter(pretty), null);
  }

  /**
   * The positions of a document's parts in its canonical JSON ({@code write(doc, pretty)}), found
   * while writing it: for errors about documents built in code.
   */
  public static SourceMap sourceMap(PolicyDocument doc, boolean pretty) {
    StringBuilder out = new StringBuilder(256);
    Positions at = new Positions(out);
    write(doc, new JsonWriter(out, pretty), at);
    return at.map();
  }

  private static String write(PolicyDocument doc, JsonWriter w, Positions at) {
    if (at != null) {
      at.document(w);
    }
    w.beginObject();
    doc.version().ifPresent(v -> w.name("Version").value(v));
    doc.id().ifPresent(v -> w.name("Id").value(v));
    w.name("Statement").beginArray();
    for (Statement s : doc.statements()) {
      writeStatement(w, s, at == null ? null : at.statement(w));
    }
    w.endArray();
    w.endObject();
    return w.toString();
  }

  private static void writeStatement(JsonWriter w, Statement s, Positions.Writing at) {
    w.beginObject();
    s.sid().ifPresent(v -> w.name("Sid").value(v));
    w.name("Effect").value(s.effect().json());
    s.principal().ifPresent(p -> writePrincipal(w.name("Principal"), p, "Principal", at));
    s.notPrincipal().ifPresent(p -> writePrincipal(w.name("NotPrincipal"), p, "NotPrincipal", at));
    writeStrings(w, "Action", s.actions(), at);
    writeStrings(w, "NotAction", s.notActions(), at);
    writeStrings(w, "Resource", s.resources(), at);
    writeStrings(w, "NotResource", s.notResources(), at);
    if (!s.conditions().isEmpty()) {
      w.name("Condition").beginObject();
      Map<ConditionOperator, List<Condition>> byOperator = new LinkedHashMap<>();
      for (Condition c : s.conditions()) {
        byOperator.computeIfAbsent(c.operator(), k -> new ArrayList<>()).add(c);
      }
      for (Map.Entry<ConditionOperator, List<Condition>> e : byOperator.entrySet()) {
        w.name(e.getKey().name());
        SourceMap.Position op = at == null ? null : at.position(w, "Condition", e.getKey().name());
        w.beginObject();
        for (Condition c : e.getValue()) {
          w.name(c.key());
          writeConditionValues(w, c, op, at);
        }
        w.endObject();
      }
      w.endObject();
    }
    w.endObject();
  }

  private static void writeConditionValues(JsonWriter w, Condition c, SourceMap.Position op, Positions.Writing at) {
    List<ConditionValue> values = c.values();
    SourceMap.Position key = at == null ? null : at.position(w, "Condition", c.operator().name(), c.key());
    PositionList positions = new PositionList(key == null ? "$" : key.path(), values.size() > 1);
    if (values.size() == 1) {
      if (at != null) {
        positions.add(key);
      }
      writeConditionValue(w, values.get(0));
    } else {
      w.beginArray();
      for (int i = 0; i < values.size(); i++) {
        if (at != null) {
          positions.add(at.position(w, "Condition", c.operator().name(), c.key(), i));
        }
        writeConditionValue(w, values.get(i));
      }
      w.endArray();
    }
    if (at != null) {
      at.condition(op, key, positions);
    }
  }

  private static void writeConditionValue(JsonWriter w, ConditionValue v) {
    if (v.kind() == ConditionValue.Kind.STRING) {
      w.value(v.text());
    } else {
      w.raw(v.text());
    }
  }

  private static void writePrincipal(JsonWriter w, Principal p, String element, Positions.Writing at) {
    if (at != null) {
      at.element(w, element);
    }
    if (p.isWildcard()) {
      w.value("*");
      return;
    }
    w.beginObject();
    p.ids().forEach((type, ids) -> {
      w.name(type.json());
      List<SourceMap.Position> positions = writeStrings(w, ids, at, element, type.json());
      if (at != null) {
        at.principal(element, type, positions);
      }
    });
    w.endObject();
  }

  private static void writeStrings(JsonWriter w, String name, List<String> values, Positions.Writing at) {
    if (values.isEmpty()) {
      return;
    }
    w.name(name);
    if (at != null) {
      at.element(w, name);
    }
    List<SourceMap.Position> positions = writeStrings(w, values, at, name);
    if (at != null) {
      at.values(name, positions);
    }
  }

  /** Writes a string or an array of strings at the current place; the positions of the values when recording. */
  private static List<SourceMap.Position> writeStrings(JsonWriter w, List<String> values, Positions.Writing at,
      Object... path) {
    PositionList positions = new PositionList(at == null ? "$" : at.path(path), values.size() > 1);
    if (values.size() == 1) {
      if (at != null) {
        positions.add(at.position(w, path));
      }
      w.value(values.get(0));
      return positions;
    }
    w.beginArray();
    for (int i = 0; i < values.size(); i++) {
      if (at != null) {
        Object[] indexed = java.util.Arrays.copyOf(path, path.length + 1);
        indexed[path.length] = i;
        positions.add(at.position(w, indexed));
      }
      w.value(values.get(i));
    }
    w.endArray();
    return positions;
  }
}
