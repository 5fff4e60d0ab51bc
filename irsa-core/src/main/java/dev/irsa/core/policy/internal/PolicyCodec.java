package dev.irsa.core.policy.internal;

import dev.irsa.core.internal.Quote;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.internal.json.JsonSyntaxException;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.ConditionOperator;
import dev.irsa.core.policy.ConditionValue;
import dev.irsa.core.policy.Effect;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.PrincipalType;
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
 * block with no tests constrains nothing.
 */
public final class PolicyCodec {
  private static final List<String> DOCUMENT_ELEMENTS = List.of("Version", "Id", "Statement");
  private static final List<String> STATEMENT_ELEMENTS = List.of(
      "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");

  private PolicyCodec() {}

  public static PolicyDocument read(String json) {
    JsonNode root;
    try {
      root = JsonParser.parse(json);
    } catch (JsonSyntaxException e) {
      throw new PolicyParseException(e.path(), e.line(), e.column(), e.problem());
    }
    return document(root);
  }

  /** Reads an already parsed tree (used by tools that embed policies in larger JSON). */
  public static PolicyDocument read(JsonNode root, String path) {
    return new Reader(path).document(root);
  }

  private static PolicyDocument document(JsonNode root) {
    return new Reader("$").document(root);
  }

  private static final class Reader {
    private final String rootPath;

    Reader(String rootPath) {
      this.rootPath = rootPath;
    }

    PolicyDocument document(JsonNode root) {
      if (!(root instanceof JsonNode.Obj obj)) {
        throw error(rootPath, root, "expected a policy document (an object), got " + root.kind());
      }
      PolicyDocument.Builder b = PolicyDocument.builder();
      b.version(java.util.Optional.empty()); // lossless: keep an absent Version absent
      JsonNode statements = null;
      for (Map.Entry<String, JsonNode> m : obj.members().entrySet()) {
        String path = JsonPath.member(rootPath, m.getKey());
        JsonNode v = m.getValue();
        switch (m.getKey()) {
          case "Version" -> {
            String version = string(path, v);
            if (!version.equals(PolicyDocument.VERSION_2012_10_17) && !version.equals(PolicyDocument.VERSION_2008_10_17)) {
              throw error(path, v, "Version must be \"2012-10-17\" or \"2008-10-17\", got " + Quote.dbl(version));
            }
            b.version(version);
          }
          case "Id" -> b.id(string(path, v));
          case "Statement" -> statements = v;
          default -> throw error(path, v, unknownElement(m.getKey(), DOCUMENT_ELEMENTS));
        }
      }
      String spath = JsonPath.member(rootPath, "Statement");
      if (statements == null) {
        throw error(rootPath, root, "missing Statement");
      }
      if (statements instanceof JsonNode.Obj) {
        b.addStatement(statement(spath, statements));
      } else if (statements instanceof JsonNode.Arr arr) {
        if (arr.elements().isEmpty()) {
          throw error(spath, arr, "Statement must contain at least one statement");
        }
        for (int i = 0; i < arr.elements().size(); i++) {
          b.addStatement(statement(JsonPath.index(spath, i), arr.elements().get(i)));
        }
      } else {
        throw error(spath, statements, "expected a statement object or an array of them, got " + statements.kind());
      }
      return b.build();
    }

    private Statement statement(String path, JsonNode node) {
      if (!(node instanceof JsonNode.Obj obj)) {
        throw error(path, node, "expected a statement (an object), got " + node.kind());
      }
      Statement.Builder b = Statement.builder();
      boolean effect = false;
      for (Map.Entry<String, JsonNode> m : obj.members().entrySet()) {
        String p = JsonPath.member(path, m.getKey());
        JsonNode v = m.getValue();
        switch (m.getKey()) {
          case "Sid" -> b.sid(string(p, v));
          case "Effect" -> {
            String e = string(p, v);
            if (e.equals("Allow")) {
              b.effect(Effect.ALLOW);
            } else if (e.equals("Deny")) {
              b.effect(Effect.DENY);
            } else {
              throw error(p, v, "Effect must be \"Allow\" or \"Deny\" (case-sensitive), got " + Quote.dbl(e));
            }
            effect = true;
          }
          case "Principal" -> b.principal(principal(p, v));
          case "NotPrincipal" -> b.notPrincipal(principal(p, v));
          case "Action" -> b.actions(strings(p, v, "action"));
          case "NotAction" -> b.notActions(strings(p, v, "action"));
          case "Resource" -> b.resources(strings(p, v, "resource"));
          case "NotResource" -> b.notResources(strings(p, v, "resource"));
          case "Condition" -> b.conditions(conditions(p, v));
          default -> throw error(p, v, unknownElement(m.getKey(), STATEMENT_ELEMENTS));
        }
      }
      if (!effect) {
        throw error(path, node, "missing Effect");
      }
      pair(path, obj, "Principal", "NotPrincipal");
      pair(path, obj, "Action", "NotAction");
      pair(path, obj, "Resource", "NotResource");
      if (obj.get("Action") == null && obj.get("NotAction") == null) {
        throw error(path, node, "missing Action or NotAction");
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw error(path, node, e.getMessage());
      }
    }

    private void pair(String path, JsonNode.Obj obj, String a, String notA) {
      if (obj.get(a) != null && obj.get(notA) != null) {
        throw error(JsonPath.member(path, notA), obj.get(notA), "a statement has either " + a + " or " + notA + ", not both");
      }
    }

    private Principal principal(String path, JsonNode v) {
      if (v instanceof JsonNode.Str s) {
        if (s.value().equals("*")) {
          return Principal.all();
        }
        throw error(path, v, "expected \"*\" or an object, got string " + Quote.dbl(s.value()));
      }
      if (!(v instanceof JsonNode.Obj obj)) {
        throw error(path, v, "expected \"*\" or an object, got " + v.kind());
      }
      if (obj.members().isEmpty()) {
        throw error(path, v, "must name at least one principal");
      }
      Map<PrincipalType, List<String>> ids = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> m : obj.members().entrySet()) {
        String p = JsonPath.member(path, m.getKey());
        PrincipalType t = PrincipalType.fromJson(m.getKey());
        if (t == null) {
          throw error(p, m.getValue(), "unknown principal type " + Quote.dbl(m.getKey())
              + " (expected AWS, Federated, Service or CanonicalUser)");
        }
        ids.put(t, strings(p, m.getValue(), "principal"));
      }
      return Principal.of(ids);
    }

    private List<Condition> conditions(String path, JsonNode v) {
      if (!(v instanceof JsonNode.Obj obj)) {
        throw error(path, v, "expected an object of condition operators, got " + v.kind());
      }
      List<Condition> out = new ArrayList<>();
      for (Map.Entry<String, JsonNode> op : obj.members().entrySet()) {
        String opPath = JsonPath.member(path, op.getKey());
        if (op.getKey().isEmpty()) {
          throw error(opPath, op.getValue(), "condition operator must not be empty");
        }
        ConditionOperator operator = ConditionOperator.parse(op.getKey());
        if (!(op.getValue() instanceof JsonNode.Obj keys)) {
          throw error(opPath, op.getValue(), "expected an object of condition keys, got " + op.getValue().kind());
        }
        for (Map.Entry<String, JsonNode> k : keys.members().entrySet()) {
          String kPath = JsonPath.member(opPath, k.getKey());
          if (k.getKey().isEmpty()) {
            throw error(kPath, k.getValue(), "condition key must not be empty");
          }
          out.add(Condition.of(operator, k.getKey(), conditionValues(kPath, k.getValue())));
        }
      }
      return out;
    }

    private List<ConditionValue> conditionValues(String path, JsonNode v) {
      if (v instanceof JsonNode.Arr arr) {
        List<ConditionValue> out = new ArrayList<>(arr.elements().size());
        for (int i = 0; i < arr.elements().size(); i++) {
          out.add(conditionValue(JsonPath.index(path, i), arr.elements().get(i)));
        }
        return out;
      }
      return List.of(conditionValue(path, v));
    }

    private ConditionValue conditionValue(String path, JsonNode v) {
      if (v instanceof JsonNode.Str s) {
        return ConditionValue.of(s.value());
      }
      if (v instanceof JsonNode.Num n) {
        return new ConditionValue(ConditionValue.Kind.NUMBER, n.text());
      }
      if (v instanceof JsonNode.Bool b) {
        return ConditionValue.bool(b.value());
      }
      throw error(path, v, "expected a string, number or boolean condition value, got " + v.kind());
    }

    private List<String> strings(String path, JsonNode v, String what) {
      if (v instanceof JsonNode.Str s) {
        return List.of(s.value());
      }
      if (v instanceof JsonNode.Arr arr) {
        if (arr.elements().isEmpty()) {
          throw error(path, v, "must name at least one " + what + " (an empty array matches nothing)");
        }
        List<String> out = new ArrayList<>(arr.elements().size());
        for (int i = 0; i < arr.elements().size(); i++) {
          JsonNode e = arr.elements().get(i);
          if (!(e instanceof JsonNode.Str s)) {
            throw error(JsonPath.index(path, i), e, "expected a string, got " + e.kind());
          }
          out.add(s.value());
        }
        return out;
      }
      throw error(path, v, "expected a string or an array of strings, got " + v.kind());
    }

    private String string(String path, JsonNode v) {
      if (v instanceof JsonNode.Str s) {
        return s.value();
      }
      throw error(path, v, "expected a string, got " + v.kind());
    }

    private static String unknownElement(String name, java.util.Collection<String> known) {
      for (String k : known) {
        if (k.equalsIgnoreCase(name)) {
          return "unknown element " + Quote.dbl(name) + " (element names are case-sensitive: did you mean " + Quote.dbl(k) + "?)";
        }
      }
      return "unknown element " + Quote.dbl(name) + " (expected one of " + String.join(", ", known) + ")";
    }

    private static PolicyParseException error(String path, JsonNode at, String problem) {
      return new PolicyParseException(path, at.line(), at.column(), problem);
    }
  }

  // ---------------------------------------------------------------- writing

  public static String write(PolicyDocument doc, boolean pretty) {
    JsonWriter w = new JsonWriter(pretty);
    w.beginObject();
    doc.version().ifPresent(v -> w.name("Version").value(v));
    doc.id().ifPresent(v -> w.name("Id").value(v));
    w.name("Statement").beginArray();
    for (Statement s : doc.statements()) {
      writeStatement(w, s);
    }
    w.endArray();
    w.endObject();
    return w.toString();
  }

  private static void writeStatement(JsonWriter w, Statement s) {
    w.beginObject();
    s.sid().ifPresent(v -> w.name("Sid").value(v));
    w.name("Effect").value(s.effect().json());
    s.principal().ifPresent(p -> writePrincipal(w.name("Principal"), p));
    s.notPrincipal().ifPresent(p -> writePrincipal(w.name("NotPrincipal"), p));
    writeStrings(w, "Action", s.actions());
    writeStrings(w, "NotAction", s.notActions());
    writeStrings(w, "Resource", s.resources());
    writeStrings(w, "NotResource", s.notResources());
    if (!s.conditions().isEmpty()) {
      w.name("Condition").beginObject();
      Map<ConditionOperator, List<Condition>> byOperator = new LinkedHashMap<>();
      for (Condition c : s.conditions()) {
        byOperator.computeIfAbsent(c.operator(), k -> new ArrayList<>()).add(c);
      }
      for (Map.Entry<ConditionOperator, List<Condition>> e : byOperator.entrySet()) {
        w.name(e.getKey().name()).beginObject();
        for (Condition c : e.getValue()) {
          w.name(c.key());
          List<ConditionValue> values = c.values();
          if (values.size() == 1) {
            writeConditionValue(w, values.get(0));
          } else {
            w.beginArray();
            for (ConditionValue v : values) {
              writeConditionValue(w, v);
            }
            w.endArray();
          }
        }
        w.endObject();
      }
      w.endObject();
    }
    w.endObject();
  }

  private static void writeConditionValue(JsonWriter w, ConditionValue v) {
    if (v.kind() == ConditionValue.Kind.STRING) {
      w.value(v.text());
    } else {
      w.raw(v.text());
    }
  }

  private static void writePrincipal(JsonWriter w, Principal p) {
    if (p.isWildcard()) {
      w.value("*");
      return;
    }
    w.beginObject();
    p.ids().forEach((type, ids) -> writeStrings(w, type.json(), ids));
    w.endObject();
  }

  private static void writeStrings(JsonWriter w, String name, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    w.name(name);
    if (values.size() == 1) {
      w.value(values.get(0));
      return;
    }
    w.beginArray();
    for (String v : values) {
      w.value(v);
    }
    w.endArray();
  }
}
