package dev.irsa.core.policy.internal;

import dev.irsa.core.internal.Latin1;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.ConditionOperator;
import dev.irsa.core.policy.ConditionValue;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON text of a valid policy straight into its {@link PolicyDocument}: one pass over
 * the characters, without the JSON tree, paths or source map that {@link PolicyReader} builds for
 * its error messages. It reads only what is plainly valid and gives up ({@code null}) at the first
 * thing that is not (a syntax error, an unknown or repeated member, a missing Effect, a value of the
 * wrong type, a nesting it does not expect, a leading byte order mark); the caller then reads the
 * text with {@link dev.irsa.core.internal.json.JsonParser} and {@link PolicyReader}, which give the
 * same document or the error with its path and position. What it accepts it builds with the same
 * model factories as {@link PolicyReader}, so the two give equal documents (FastPolicyReaderTest
 * checks this on the AWS managed policies and on thousands of damaged variants of them).
 */
public final class FastPolicyReader extends FastJsonCursor {
  // statement elements, as bits
  private static final int SID = 1;
  private static final int EFFECT = 1 << 1;
  private static final int PRINCIPAL = 1 << 2;
  private static final int NOT_PRINCIPAL = 1 << 3;
  private static final int ACTION = 1 << 4;
  private static final int NOT_ACTION = 1 << 5;
  private static final int RESOURCE = 1 << 6;
  private static final int NOT_RESOURCE = 1 << 7;
  private static final int CONDITION = 1 << 8;

  private FastPolicyReader(String text, byte[] latin1, int from, int to) {
    super(text, latin1, from, to);
  }

  /** The document {@code json} holds, or null when it is not plainly valid (read it slowly then). */
  public static PolicyDocument tryRead(String json) {
    return tryRead(json, Latin1.bytes(json), 0, json.length());
  }

  /**
   * The document in {@code text}'s characters {@code [from, to)}, or null as {@link
   * #tryRead(String)}: for a policy inside a larger text (a batch line) without copying it out.
   * {@code latin1} is {@link Latin1#bytes text's bytes}, one per char.
   */
  public static PolicyDocument tryRead(String text, byte[] latin1, int from, int to) {
    try {
      FastPolicyReader r = new FastPolicyReader(text, latin1, from, to);
      PolicyDocument doc = r.document();
      r.ws();
      return r.pos == r.n ? doc : null;
    } catch (RuntimeException e) { // GiveUp, or a model factory's refusal: the slow reader reports it
      return null;
    }
  }

  private PolicyDocument document() {
    ws();
    expect('{');
    PolicyDocument.Builder b = PolicyDocument.builder();
    b.version(Optional.empty());
    int seen = 0;
    boolean statements = false;
    ws();
    if (peek() == '}') {
      throw GIVE_UP; // no Statement
    }
    while (true) {
      ws();
      String name = string();
      ws();
      expect(':');
      ws();
      switch (name) {
        case "Version" -> {
          seen = once(seen, 1);
          String v = string();
          if (!StatementGrammar.isVersion(v)) {
            throw GIVE_UP;
          }
          b.version(v);
        }
        case "Id" -> {
          seen = once(seen, 2);
          b.id(string());
        }
        case "Statement" -> {
          seen = once(seen, 4);
          statements(b);
          statements = true;
        }
        default -> throw GIVE_UP;
      }
      if (!more('}')) {
        break;
      }
    }
    if (!statements) {
      throw GIVE_UP;
    }
    return b.build();
  }

  private void statements(PolicyDocument.Builder b) {
    if (peek() == '{') {
      b.addStatement(statement());
      return;
    }
    expect('[');
    ws();
    if (peek() == ']') {
      throw GIVE_UP; // an empty Statement array
    }
    while (true) {
      ws();
      b.addStatement(statement());
      if (!more(']')) {
        return;
      }
    }
  }

  private Statement statement() {
    expect('{');
    Statement.Builder b = Statement.builder();
    int seen = 0;
    ws();
    if (peek() == '}') {
      throw GIVE_UP;
    }
    while (true) {
      ws();
      String name = string();
      ws();
      expect(':');
      ws();
      switch (name) {
        case "Sid" -> {
          seen = once(seen, SID);
          b.sid(string());
        }
        case "Effect" -> {
          seen = once(seen, EFFECT);
          var effect = StatementGrammar.effect(string());
          if (effect == null) {
            throw GIVE_UP;
          }
          b.effect(effect);
        }
        case "Principal" -> {
          seen = once(seen, PRINCIPAL);
          b.principal(principal());
        }
        case "NotPrincipal" -> {
          seen = once(seen, NOT_PRINCIPAL);
          b.notPrincipal(principal());
        }
        case "Action" -> {
          seen = once(seen, ACTION);
          b.actions(strings());
        }
        case "NotAction" -> {
          seen = once(seen, NOT_ACTION);
          b.notActions(strings());
        }
        case "Resource" -> {
          seen = once(seen, RESOURCE);
          b.resources(strings());
        }
        case "NotResource" -> {
          seen = once(seen, NOT_RESOURCE);
          b.notResources(strings());
        }
        case "Condition" -> {
          seen = once(seen, CONDITION);
          b.conditions(conditions());
        }
        default -> throw GIVE_UP;
      }
      if (!more('}')) {
        break;
      }
    }
    // StatementGrammar.structure's rules: Effect, an action element, at most one of each pair
    if ((seen & EFFECT) == 0 || (seen & (ACTION | NOT_ACTION)) == 0 || both(seen, ACTION, NOT_ACTION)
        || both(seen, RESOURCE, NOT_RESOURCE) || both(seen, PRINCIPAL, NOT_PRINCIPAL)) {
      throw GIVE_UP;
    }
    return b.build();
  }

  private static boolean both(int seen, int a, int b) {
    return (seen & a) != 0 && (seen & b) != 0;
  }

  /** {@code seen} with {@code bit}; gives up when the member was already there (a repeated key). */
  private static int once(int seen, int bit) {
    if ((seen & bit) != 0) {
      throw GIVE_UP;
    }
    return seen | bit;
  }

  private Principal principal() {
    if (peek() == '"') {
      if (!string().equals("*")) {
        throw GIVE_UP;
      }
      return Principal.all();
    }
    expect('{');
    ws();
    if (peek() == '}') {
      throw GIVE_UP;
    }
    Map<PrincipalType, List<String>> ids = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(4);
    while (true) {
      ws();
      String name = string();
      if (names.contains(name)) {
        throw GIVE_UP;
      }
      names.add(name);
      PrincipalType type = PrincipalType.fromJson(name);
      if (type == null) {
        throw GIVE_UP;
      }
      ws();
      expect(':');
      ws();
      ids.put(type, strings());
      if (!more('}')) {
        break;
      }
    }
    return Principal.of(ids);
  }

  private List<Condition> conditions() {
    expect('{');
    List<Condition> out = new ArrayList<>();
    ws();
    if (peek() == '}') {
      pos++;
      return out;
    }
    List<String> operators = new ArrayList<>(4);
    while (true) {
      ws();
      String op = string();
      if (op.isEmpty() || operators.contains(op)) {
        throw GIVE_UP;
      }
      operators.add(op);
      ConditionOperator operator = ConditionOperator.parse(op);
      ws();
      expect(':');
      ws();
      expect('{');
      ws();
      if (peek() == '}') {
        pos++;
      } else {
        int first = out.size();
        while (true) {
          ws();
          String key = string();
          if (key.isEmpty()) {
            throw GIVE_UP;
          }
          for (int i = first; i < out.size(); i++) {
            if (out.get(i).key().equals(key)) {
              throw GIVE_UP;
            }
          }
          ws();
          expect(':');
          ws();
          out.add(Condition.of(operator, key, conditionValues()));
          if (!more('}')) {
            break;
          }
        }
      }
      if (!more('}')) {
        return out;
      }
    }
  }

  private List<ConditionValue> conditionValues() {
    if (peek() != '[') {
      return List.of(conditionValue());
    }
    pos++;
    List<ConditionValue> out = new ArrayList<>(4);
    ws();
    if (peek() == ']') {
      pos++;
      return out;
    }
    while (true) {
      ws();
      out.add(conditionValue());
      if (!more(']')) {
        return out;
      }
    }
  }

  private ConditionValue conditionValue() {
    char c = peek();
    if (c == '"') {
      return ConditionValue.of(string());
    }
    if (c == 't' || c == 'f') {
      String word = c == 't' ? "true" : "false";
      for (int i = 0; i < word.length(); i++) {
        if (pos + i >= n || t[pos + i] != word.charAt(i)) { // ASCII: a byte is its char
          throw GIVE_UP;
        }
      }
      pos += word.length();
      return ConditionValue.bool(c == 't');
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return new ConditionValue(ConditionValue.Kind.NUMBER, number());
    }
    throw GIVE_UP;
  }

  /** A string or a non-empty array of strings (Action, Resource, a principal's ids). */
  private List<String> strings() {
    if (peek() == '"') {
      return List.of(string());
    }
    expect('[');
    ws();
    if (peek() == ']') {
      throw GIVE_UP;
    }
    List<String> out = new ArrayList<>(8);
    while (true) {
      ws();
      out.add(string());
      if (!more(']')) {
        return out;
      }
    }
  }

}
