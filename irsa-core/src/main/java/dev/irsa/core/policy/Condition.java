package dev.irsa.core.policy;

import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * One condition test: an operator, a context key and the values to compare with (OR between the
 * values). A statement's conditions are ANDed. In JSON they are grouped by operator:
 * {@code "Condition": {"StringEquals": {"key": ["v1", "v2"]}}}.
 */
@Value.Immutable
public abstract class Condition {

  public abstract ConditionOperator operator();

  /** The context key as written (keys compare case-insensitively when evaluated). */
  public abstract String key();

  /** The values as written, in order. */
  public abstract List<ConditionValue> values();

  /** A condition with string values, e.g. {@code of("StringEquals", "aws:PrincipalTag/team", "payments")}. */
  public static Condition of(String operator, String key, String... values) {
    List<ConditionValue> list = new ArrayList<>(values.length);
    for (String v : values) {
      list.add(ConditionValue.of(v));
    }
    return of(ConditionOperator.parse(operator), key, list);
  }

  public static Condition of(ConditionOperator operator, String key, List<ConditionValue> values) {
    return ImmutableCondition.builder().operator(operator).key(key).values(values).build();
  }

  /** The values' text, in order. */
  public List<String> texts() {
    List<String> out = new ArrayList<>(values().size());
    for (ConditionValue v : values()) {
      out.add(v.text());
    }
    return out;
  }

  @Value.Check
  void check() {
    if (key().isEmpty()) {
      throw new IllegalArgumentException("condition key must not be empty (operator " + operator() + ")");
    }
  }

  @Override
  public String toString() {
    return operator() + " " + key() + " " + (values().size() == 1 ? values().get(0) : values());
  }
}
