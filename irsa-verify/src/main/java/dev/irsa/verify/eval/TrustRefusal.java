package dev.irsa.verify.eval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a role's trust policy refused a request (an IRSA token, EKS Pod Identity, another principal):
 * the condition that failed with its key, what the policy wanted and what the request had; or that
 * the provider, the action or the audience was the reason. One per failing part of the closest Allow
 * statement (the statements naming the caller's provider and action, else those naming it, else all).
 *
 * <pre>{@code
 * r.trustRefusals().get(0).message();
 * // statement 0, StringEquals: oidc.eks.us-west-2.amazonaws.com/id/X:sub wanted
 * //   system:serviceaccount:payments:api, got system:serviceaccount:payments:worker
 * }</pre>
 *
 * @param reason what failed
 * @param statement the 0-based index of the trust statement, when one statement is at fault
 * @param key the condition key ({@code <issuer>:sub}), for {@link Reason#SUBJECT}, {@link Reason#AUDIENCE}
 *     and {@link Reason#CONDITION}
 * @param operator the condition operator as written ({@code StringEquals}), for the same reasons
 * @param wanted what the statement asks for: condition values, principal ARNs, or actions (for
 *     {@link Reason#PROVIDER_ACCOUNT}: the role's account)
 * @param got what the request had: its values for the key (empty when the key is absent), the
 *     caller, or the action
 */
public record TrustRefusal(Reason reason, OptionalInt statement, Optional<String> key, Optional<String> operator,
    List<String> wanted, List<String> got) {

  /** What a trust policy refused on. */
  public enum Reason {
    /** The trust policy has no Allow statement. */
    NO_ALLOW_STATEMENT,
    /** No statement allows the request's action ({@code sts:AssumeRoleWithWebIdentity}, {@code sts:TagSession} ...). */
    ACTION,
    /** No statement names the caller: another OIDC provider (cluster), account, role or service. */
    PROVIDER,
    /** The OIDC provider is registered in another account than the role's: STS never accepts it. */
    PROVIDER_ACCOUNT,
    /** A condition on the token's subject ({@code <issuer>:sub}): namespace or service account. */
    SUBJECT,
    /** A condition on the token's audience ({@code <issuer>:aud}). */
    AUDIENCE,
    /** Another condition ({@code aws:RequestTag/kubernetes-namespace}, ...). */
    CONDITION
  }

  public TrustRefusal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    wanted = List.copyOf(wanted);
    got = List.copyOf(got);
  }

  /** One line for people, e.g. {@code statement 0, StringEquals: <issuer>:sub wanted a, got b}. */
  public String message() {
    String at = statement.isPresent() ? "statement " + statement.getAsInt() : "";
    return switch (reason) {
      case NO_ALLOW_STATEMENT -> "the trust policy has no Allow statement";
      case ACTION -> at + ": Action wanted " + String.join(" or ", wanted) + ", got " + String.join("", got);
      case PROVIDER -> at + ": Principal wanted " + String.join(" or ", wanted) + ", got "
          + (got.isEmpty() ? "an anonymous caller" : String.join("", got));
      case PROVIDER_ACCOUNT -> "the OIDC provider " + String.join("", got) + " is not in the role's account "
          + String.join("", wanted) + ": AssumeRoleWithWebIdentity only accepts a provider registered in the account"
          + " that owns the role";
      case SUBJECT, AUDIENCE, CONDITION -> at + ", " + operator.orElse("") + ": " + key.orElse("") + " wanted "
          + wantedText() + ", got " + (got.isEmpty() ? "nothing (the request has no such key)" : gotText());
    };
  }

  private String wantedText() {
    boolean negated = operator.orElse("").contains("Not");
    if (negated) {
      return wanted.size() == 1 ? "not " + wanted.get(0) : "none of " + wanted;
    }
    return String.join(" or ", wanted);
  }

  private String gotText() {
    return got.size() == 1 ? got.get(0) : got.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
