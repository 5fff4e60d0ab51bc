package dev.irsa.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A condition operator as written, e.g. {@code ForAnyValue:StringLikeIfExists}, split into its
 * set qualifier, base operator and {@code IfExists} suffix. Unknown base names are kept (so a
 * linter can report them) and {@link #type()} is then empty.
 */
public final class ConditionOperator {
  /** The set-operator prefix for multivalued keys. */
  public enum Qualifier {
    NONE(""),
    FOR_ALL_VALUES("ForAllValues:"),
    FOR_ANY_VALUE("ForAnyValue:");

    private final String prefix;

    Qualifier(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  private static final String IF_EXISTS = "IfExists";

  private final String name;
  private final Qualifier qualifier;
  private final String baseName;
  private final boolean ifExists;
  private final OperatorType type;

  private ConditionOperator(String name, Qualifier qualifier, String baseName, boolean ifExists, OperatorType type) {
    this.name = name;
    this.qualifier = qualifier;
    this.baseName = baseName;
    this.ifExists = ifExists;
    this.type = type;
  }

  /**
   * Splits an operator name. Never fails for a non-empty name; an unknown base operator gives an
   * operator whose {@link #type()} is empty.
   *
   * @throws IllegalArgumentException if {@code name} is empty
   */
  public static ConditionOperator parse(String name) {
    Objects.requireNonNull(name, "name");
    ConditionOperator known = Known.BY_NAME.get(name);
    if (known != null) {
      return known;
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("condition operator must not be empty");
    }
    Qualifier q = Qualifier.NONE;
    String rest = name;
    if (rest.startsWith(Qualifier.FOR_ALL_VALUES.prefix)) {
      q = Qualifier.FOR_ALL_VALUES;
      rest = rest.substring(q.prefix.length());
    } else if (rest.startsWith(Qualifier.FOR_ANY_VALUE.prefix)) {
      q = Qualifier.FOR_ANY_VALUE;
      rest = rest.substring(q.prefix.length());
    }
    boolean ifExists = false;
    OperatorType type = OperatorType.fromJson(rest);
    if (type == null && rest.endsWith(IF_EXISTS) && rest.length() > IF_EXISTS.length()) {
      OperatorType t = OperatorType.fromJson(rest.substring(0, rest.length() - IF_EXISTS.length()));
      if (t != null) {
        type = t;
        ifExists = true;
        rest = rest.substring(0, rest.length() - IF_EXISTS.length());
      }
    }
    return new ConditionOperator(name, q, rest, ifExists, type);
  }

  /** Every known operator by name (3 qualifiers x operators x IfExists), as {@link #parse} reads them. */
  private static final class Known {
    static final java.util.Map<String, ConditionOperator> BY_NAME = new java.util.HashMap<>();

    static {
      for (Qualifier q : Qualifier.values()) {
        for (OperatorType t : OperatorType.values()) {
          for (boolean ifExists : new boolean[] {false, true}) {
            ConditionOperator op = of(q, t, ifExists);
            BY_NAME.put(op.name(), op);
          }
        }
      }
    }
  }

  /** A known operator with the given qualifier and suffix. */
  public static ConditionOperator of(Qualifier qualifier, OperatorType type, boolean ifExists) {
    String name = qualifier.prefix + type.json() + (ifExists ? IF_EXISTS : "");
    return new ConditionOperator(name, qualifier, type.json(), ifExists, type);
  }

  /** A plain known operator such as {@code StringEquals}. */
  public static ConditionOperator of(OperatorType type) {
    return of(Qualifier.NONE, type, false);
  }

  /** The name as written. */
  public String name() {
    return name;
  }

  public Qualifier qualifier() {
    return qualifier;
  }

  /** The name without qualifier and (for known operators) without {@code IfExists}. */
  public String baseName() {
    return baseName;
  }

  public boolean ifExists() {
    return ifExists;
  }

  /** The base operator, empty when the name is not one IAM knows. */
  public Optional<OperatorType> type() {
    return Optional.ofNullable(type);
  }

  /** True when the base operator is known. */
  public boolean isKnown() {
    return type != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConditionOperator c && c.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
