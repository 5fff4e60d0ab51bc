package dev.irsa.verify.eval;

import dev.irsa.core.policy.Effect;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement that applied to the request and took part in the decision.
 *
 * @param policy the policy's name in its {@link PolicySet} (e.g. {@code identity[0]})
 * @param type the layer the policy belongs to
 * @param statement 0-based index of the statement in the policy
 * @param sid the statement's Sid, when it has one
 * @param effect Allow or Deny
 */
public record MatchedStatement(String policy, PolicyType type, int statement, Optional<String> sid, Effect effect) {
  public MatchedStatement {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(effect, "effect");
  }

  @Override
  public String toString() {
    return policy + " statement " + statement + sid.map(s -> " (Sid " + s + ")").orElse("") + " " + effect;
  }
}
