package dev.irsa.core.policy;

import dev.irsa.core.internal.Quote;
import java.util.Objects;

/**
 * One value in a condition, kept as written: a JSON string, or an unquoted number or boolean.
 * {@code text()} is what evaluation compares; {@code kind()} only decides how it is written back.
 */
public record ConditionValue(Kind kind, String text) {

  /** How the value was written in JSON. */
  public enum Kind { STRING, NUMBER, BOOLEAN }

  public ConditionValue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (kind == Kind.BOOLEAN && !text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException("boolean condition value must be true or false, got: " + Quote.single(text));
    }
  }

  /** A quoted string value. */
  public static ConditionValue of(String text) {
    return new ConditionValue(Kind.STRING, text);
  }

  /** An unquoted JSON number, exactly as written (e.g. {@code 3600} or {@code 1.5}). */
  public static ConditionValue number(String text) {
    if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      throw new IllegalArgumentException("not a JSON number: " + Quote.single(text));
    }
    return new ConditionValue(Kind.NUMBER, text);
  }

  /** An unquoted JSON boolean. */
  public static ConditionValue bool(boolean value) {
    return new ConditionValue(Kind.BOOLEAN, Boolean.toString(value));
  }

  // Written out, as the generated record methods go through method handles, slow before the JIT
  // has warmed up, and these run for every condition compiled (the evaluator memoizes by condition).
  @Override
  public boolean equals(Object o) {
    return o instanceof ConditionValue v && v.kind == kind && v.text.equals(text);
  }

  @Override
  public int hashCode() {
    return 31 * kind.ordinal() + text.hashCode();
  }

  @Override
  public String toString() {
    return kind == Kind.STRING ? '"' + text + '"' : text;
  }
}
