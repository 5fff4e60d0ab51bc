package dev.irsa.core.policy;

import dev.irsa.core.policy.internal.StatementGrammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One policy statement. Build it fluently:
 *
 * <pre>{@code
 * Statement s = Statement.builder()
 *     .sid("ReadObjects")
 *     .allow()
 *     .addActions("s3:GetObject", "s3:GetObjectVersion")
 *     .addResource("arn:aws:s3:::my-bucket/*")
 *     .build();
 * }</pre>
 *
 * An empty list means the element is absent. At most one of each pair (Action/NotAction,
 * Resource/NotResource, Principal/NotPrincipal) may be present, and Action or NotAction must be.
 */
@Value.Immutable
public abstract class Statement {

  public abstract Optional<String> sid();

  public abstract Effect effect();

  public abstract Optional<Principal> principal();

  public abstract Optional<Principal> notPrincipal();

  public abstract List<String> actions();

  public abstract List<String> notActions();

  public abstract List<String> resources();

  public abstract List<String> notResources();

  /** Conditions in the order written; all must hold. */
  public abstract List<Condition> conditions();

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** True for {@code Effect: Allow}. */
  public boolean isAllow() {
    return effect() == Effect.ALLOW;
  }

  /** The conditions whose key equals {@code key}, ignoring case as IAM does. */
  public List<Condition> conditions(String key) {
    List<Condition> out = new ArrayList<>();
    for (Condition c : conditions()) {
      if (c.key().equalsIgnoreCase(key)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * JSON groups conditions by operator, so the model keeps them grouped too: conditions of one
   * operator are moved next to the first one of that operator (a stable regrouping, which does not
   * change meaning since all conditions are ANDed). This keeps {@code fromJson(s.toJson())} equal
   * to {@code s}.
   */
  @Value.Check
  Statement normalize() {
    check();
    List<Condition> cs = conditions();
    if (cs.size() < 2) {
      return this; // nothing to group (most statements: this runs for every statement read)
    }
    java.util.Map<ConditionOperator, List<Condition>> grouped = new java.util.LinkedHashMap<>();
    for (Condition c : cs) {
      grouped.computeIfAbsent(c.operator(), k -> new ArrayList<>()).add(c);
    }
    List<Condition> ordered = new ArrayList<>(cs.size());
    grouped.values().forEach(ordered::addAll);
    return ordered.equals(cs) ? this : toBuilder().conditions(ordered).build();
  }

  private void check() {
    boolean wellFormed = actions().isEmpty() != notActions().isEmpty()
        && (resources().isEmpty() || notResources().isEmpty())
        && (principal().isEmpty() || notPrincipal().isEmpty());
    if (!wellFormed) { // the usual case is checked above without building the violations
      for (StatementGrammar.Violation v : StatementGrammar.elements("$", this::has)) {
        throw new IllegalStateException(where() + ": " + (v.rule() == StatementGrammar.Rule.MISSING_ACTION
            ? "needs an Action or NotAction"
            : "has both " + v.pair().positive() + " and " + v.pair().negated() + "; use one"));
      }
    }
    if (conditions().size() < 2) {
      return;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Condition c : conditions()) {
      if (!seen.add(c.operator().name() + "\u0000" + c.key())) {
        throw new IllegalStateException(where() + ": condition " + c.operator() + " on " + c.key()
            + " appears twice; put all values in one condition (values are ORed)");
      }
    }
  }

  private String where() {
    return sid().map(s -> "statement " + s).orElse("statement");
  }

  /** True when the statement has the element (an empty list is an absent element). */
  private boolean has(String element) {
    return switch (element) {
      case "Action" -> !actions().isEmpty();
      case "NotAction" -> !notActions().isEmpty();
      case "Resource" -> !resources().isEmpty();
      case "NotResource" -> !notResources().isEmpty();
      case "Principal" -> principal().isPresent();
      case "NotPrincipal" -> notPrincipal().isPresent();
      default -> false;
    };
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Statement{");
    sid().ifPresent(s -> sb.append(s).append(' '));
    sb.append(effect());
    principal().ifPresent(p -> sb.append(" Principal=").append(p));
    notPrincipal().ifPresent(p -> sb.append(" NotPrincipal=").append(p));
    if (!actions().isEmpty()) {
      sb.append(" Action=").append(actions());
    }
    if (!notActions().isEmpty()) {
      sb.append(" NotAction=").append(notActions());
    }
    if (!resources().isEmpty()) {
      sb.append(" Resource=").append(resources());
    }
    if (!notResources().isEmpty()) {
      sb.append(" NotResource=").append(notResources());
    }
    if (!conditions().isEmpty()) {
      sb.append(" Condition=").append(conditions());
    }
    return sb.append('}').toString();
  }

  /** Builds a {@link Statement}; {@link #allow()} or {@link #deny()} is required. */
  public static final class Builder extends ImmutableStatement.Builder {
    Builder() {}

    /** {@code "Effect": "Allow"}. */
    public Builder allow() {
      effect(Effect.ALLOW);
      return this;
    }

    /** {@code "Effect": "Deny"}. */
    public Builder deny() {
      effect(Effect.DENY);
      return this;
    }

    /** Appends a condition with string values, e.g. {@code condition("StringEquals", key, "a", "b")}. */
    public Builder condition(String operator, String key, String... values) {
      addCondition(Condition.of(operator, key, values));
      return this;
    }
  }
}
