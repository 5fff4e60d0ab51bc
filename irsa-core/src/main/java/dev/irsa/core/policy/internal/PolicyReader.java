package dev.irsa.core.policy.internal;

import dev.irsa.core.internal.Quote;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.ConditionOperator;
import dev.irsa.core.policy.ConditionValue;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.policy.internal.SourceMap.ConditionSpan;
import dev.irsa.core.policy.internal.SourceMap.Position;
import dev.irsa.core.policy.internal.SourceMap.StatementSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a parsed JSON tree into a {@link PolicyDocument} and its {@link SourceMap}, stopping at
 * the first problem with a {@link PolicyParseException} (path, line:column, what). Statement
 * structure comes from {@link StatementGrammar}; the linter reads statements one at a time with
 * {@link #statement} to check the others when one is broken.
 */
public final class PolicyReader {
  private final String rootPath;

  public PolicyReader(String rootPath) {
    this.rootPath = rootPath;
  }

  /** One statement and where its parts were written. */
  public record ParsedStatement(Statement statement, StatementSpan span) {}

  /** Reads a whole document. */
  public ParsedPolicy document(JsonNode root) {
    if (!(root instanceof JsonNode.Obj obj)) {
      throw error(rootPath, root, "expected a policy document (an object), got " + root.kind());
    }
    PolicyDocument.Builder b = PolicyDocument.builder();
    b.version(Optional.empty()); // lossless: keep an absent Version absent
    Map<String, Position> elements = new HashMap<>(4);
    JsonNode statements = null;
    for (Map.Entry<String, JsonNode> m : obj.members().entrySet()) {
      String path = JsonPath.member(rootPath, m.getKey());
      JsonNode v = m.getValue();
      switch (m.getKey()) {
        case "Version" -> {
          String version = string(path, v);
          if (!StatementGrammar.isVersion(version)) {
            throw error(path, v, "Version must be \"2012-10-17\" or \"2008-10-17\", got " + Quote.dbl(version));
          }
          b.version(version);
        }
        case "Id" -> b.id(string(path, v));
        case "Statement" -> statements = v;
        default -> throw error(path, v, StatementGrammar.unknownElement(m.getKey(), StatementGrammar.DOCUMENT_ELEMENTS));
      }
      elements.put(m.getKey(), Position.of(path, v));
    }
    String spath = JsonPath.member(rootPath, "Statement");
    if (statements == null) {
      throw error(rootPath, root, "missing Statement");
    }
    List<StatementSpan> spans = new ArrayList<>();
    if (statements instanceof JsonNode.Obj) {
      add(b, spans, statement(spath, statements));
    } else if (statements instanceof JsonNode.Arr arr) {
      if (arr.elements().isEmpty()) {
        throw error(spath, arr, "Statement must contain at least one statement");
      }
      for (int i = 0; i < arr.elements().size(); i++) {
        add(b, spans, statement(JsonPath.index(spath, i), arr.elements().get(i)));
      }
    } else {
      throw error(spath, statements, "expected a statement object or an array of them, got " + statements.kind());
    }
    return new ParsedPolicy(b.build(), new SourceMap(Position.of(rootPath, root), elements, spans));
  }

  private static void add(PolicyDocument.Builder b, List<StatementSpan> spans, ParsedStatement s) {
    b.addStatement(s.statement());
    spans.add(s.span());
  }

  /** Reads one statement at {@code path}. */
  public ParsedStatement statement(String path, JsonNode node) {
    if (!(node instanceof JsonNode.Obj obj)) {
      throw error(path, node, "expected a statement (an object), got " + node.kind());
    }
    List<StatementGrammar.Violation> broken = StatementGrammar.structure(path, obj);
    if (!broken.isEmpty()) {
      StatementGrammar.Violation v = broken.get(0);
      throw error(v.path(), v.at(), StatementGrammar.parseMessage(v));
    }
    Statement.Builder b = Statement.builder();
    StatementSpan span = new StatementSpan(Position.of(path, node));
    for (Map.Entry<String, JsonNode> m : obj.members().entrySet()) {
      String p = JsonPath.member(path, m.getKey());
      JsonNode v = m.getValue();
      span.element(m.getKey(), Position.of(p, v));
      switch (m.getKey()) {
        case "Sid" -> b.sid(string(p, v));
        case "Effect" -> b.effect(StatementGrammar.effect(string(p, v)));
        case "Principal", "NotPrincipal" -> {
          Principal principal = principal(p, v, m.getKey(), span);
          if (m.getKey().equals("Principal")) {
            b.principal(principal);
          } else {
            b.notPrincipal(principal);
          }
        }
        case "Action" -> b.actions(strings(p, v, "action", m.getKey(), span));
        case "NotAction" -> b.notActions(strings(p, v, "action", m.getKey(), span));
        case "Resource" -> b.resources(strings(p, v, "resource", m.getKey(), span));
        case "NotResource" -> b.notResources(strings(p, v, "resource", m.getKey(), span));
        case "Condition" -> b.conditions(conditions(p, v, span));
        default -> throw new IllegalStateException("unreachable: the grammar refuses " + m.getKey());
      }
    }
    try {
      return new ParsedStatement(b.build(), span);
    } catch (RuntimeException e) {
      throw error(path, node, e.getMessage());
    }
  }

  private Principal principal(String path, JsonNode v, String element, StatementSpan span) {
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
      PositionList positions = new PositionList(p, m.getValue() instanceof JsonNode.Arr);
      ids.put(t, strings(p, m.getValue(), "principal", positions));
      span.principal(element, t, positions);
    }
    return Principal.of(ids);
  }

  private List<Condition> conditions(String path, JsonNode v, StatementSpan span) {
    if (!(v instanceof JsonNode.Obj obj)) {
      throw error(path, v, "expected an object of condition operators, got " + v.kind());
    }
    if (obj.members().isEmpty()) {
      span.emptyConditionBlock(null, Position.of(path, v));
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
      Position opPosition = Position.of(opPath, keys);
      if (keys.members().isEmpty()) {
        span.emptyConditionBlock(op.getKey(), opPosition);
      }
      for (Map.Entry<String, JsonNode> k : keys.members().entrySet()) {
        String kPath = JsonPath.member(opPath, k.getKey());
        if (k.getKey().isEmpty()) {
          throw error(kPath, k.getValue(), "condition key must not be empty");
        }
        PositionList positions = new PositionList(kPath, k.getValue() instanceof JsonNode.Arr);
        out.add(Condition.of(operator, k.getKey(), conditionValues(kPath, k.getValue(), positions)));
        span.condition(new ConditionSpan(opPosition, Position.of(kPath, k.getValue()), positions));
      }
    }
    return out;
  }

  private List<ConditionValue> conditionValues(String path, JsonNode v, PositionList positions) {
    if (v instanceof JsonNode.Arr arr) {
      List<ConditionValue> out = new ArrayList<>(arr.elements().size());
      for (int i = 0; i < arr.elements().size(); i++) {
        String p = JsonPath.index(path, i);
        JsonNode e = arr.elements().get(i);
        out.add(conditionValue(p, e));
        positions.add(e.line(), e.column());
      }
      return out;
    }
    positions.add(v.line(), v.column());
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

  private List<String> strings(String path, JsonNode v, String what, String element, StatementSpan span) {
    PositionList positions = new PositionList(path, v instanceof JsonNode.Arr);
    List<String> out = strings(path, v, what, positions);
    span.values(element, positions);
    return out;
  }

  private List<String> strings(String path, JsonNode v, String what, PositionList positions) {
    if (v instanceof JsonNode.Str s) {
      positions.add(v.line(), v.column());
      return List.of(s.value());
    }
    if (v instanceof JsonNode.Arr arr) {
      if (arr.elements().isEmpty()) {
        throw error(path, v, "must name at least one " + what + " (an empty array matches nothing)");
      }
      List<String> out = new ArrayList<>(arr.elements().size());
      for (int i = 0; i < arr.elements().size(); i++) {
        JsonNode e = arr.elements().get(i);
        String p = JsonPath.index(path, i);
        if (!(e instanceof JsonNode.Str s)) {
          throw error(p, e, "expected a string, got " + e.kind());
        }
        out.add(s.value());
        positions.add(e.line(), e.column());
      }
      return out;
    }
    throw error(path, v, "expected a string or an array of strings, got " + v.kind());
  }

  private static String string(String path, JsonNode v) {
    if (v instanceof JsonNode.Str s) {
      return s.value();
    }
    throw error(path, v, "expected a string, got " + v.kind());
  }

  private static PolicyParseException error(String path, JsonNode at, String problem) {
    return new PolicyParseException(path, at.line(), at.column(), problem);
  }
}
