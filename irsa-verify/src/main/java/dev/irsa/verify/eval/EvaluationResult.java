package dev.irsa.verify.eval;

import dev.irsa.core.internal.Quote;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one evaluation, in the spirit of IAM's simulator: the decision, the statements
 * that decided it (for a Deny only the Deny statements), for an implicit deny the layers that
 * did not allow, the context keys a condition looked for but the request lacked, for a refused
 * role trust request why the trust policy refused it, and the catalog's warnings about the request
 * (computed on first use).
 */
public final class EvaluationResult {
  private final RequestContext request;
  private final Decision decision;
  private final List<MatchedStatement> matched;
  private final List<PolicyType> blockedBy;
  private final List<String> missingContextKeys;
  private final List<TrustRefusal> trustRefusals;
  private volatile List<EvaluationWarning> warnings;

  EvaluationResult(RequestContext request, Decision decision, List<MatchedStatement> matched,
      List<PolicyType> blockedBy, List<String> missingContextKeys, List<TrustRefusal> trustRefusals) {
    this.request = Objects.requireNonNull(request, "request");
    this.decision = Objects.requireNonNull(decision, "decision");
    this.matched = List.copyOf(matched);
    this.blockedBy = List.copyOf(blockedBy);
    this.missingContextKeys = List.copyOf(missingContextKeys);
    this.trustRefusals = List.copyOf(trustRefusals);
  }

  public RequestContext request() {
    return request;
  }

  public Decision decision() {
    return decision;
  }

  public boolean isAllowed() {
    return decision == Decision.ALLOWED;
  }

  /** Allow statements that granted an ALLOWED, Deny statements for an EXPLICIT_DENY, empty otherwise. */
  public List<MatchedStatement> matched() {
    return matched;
  }

  /** For an IMPLICIT_DENY: the layers that needed an Allow and had none, in evaluation order. */
  public List<PolicyType> blockedBy() {
    return blockedBy;
  }

  /** Context keys a condition of an otherwise applicable statement needed but the request lacked. */
  public List<String> missingContextKeys() {
    return missingContextKeys;
  }

  /**
   * For an IMPLICIT_DENY of a role trust request ({@code sts:AssumeRoleWithWebIdentity},
   * {@code sts:AssumeRole}, {@code sts:TagSession} ... on a role): why the trust policy refused it,
   * one entry per failing part of its closest Allow statements; empty otherwise.
   */
  public List<TrustRefusal> trustRefusals() {
    return trustRefusals;
  }

  /**
   * What the bundled service catalog says is probably a mistake in the request: an unknown service
   * or action (with the nearest real ones), or a resource of a type the action does not take. The
   * decision is what AWS would decide regardless. Computed on first call and cached.
   */
  public List<EvaluationWarning> warnings() {
    List<EvaluationWarning> w = warnings;
    if (w == null) {
      w = RequestWarnings.of(request);
      warnings = w;
    }
    return w;
  }

  /** A few lines for people: the decision, why, what was missing, and the catalog's warnings. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append(decision).append(": ").append(Quote.cut(request.action())).append(" on ").append(Quote.cut(request.resource()))
        .append(" by ").append(Quote.cut(request.principal().orElse("an anonymous caller"))).append('\n');
    boolean trust = Evaluator.isRoleTrust(request);
    switch (decision) {
      case ALLOWED -> {
        if (matched.isEmpty() && request.lowerAction().equals("sts:getcalleridentity")) {
          sb.append("  no permission is required: STS answers GetCallerIdentity for every caller with credentials,"
              + " even under an explicit Deny\n");
        }
        matched.forEach(m -> sb.append("  allowed by ").append(Quote.line(m.toString())).append('\n'));
      }
      case EXPLICIT_DENY -> matched.forEach(m -> sb.append("  denied by ").append(Quote.line(m.toString())).append('\n'));
      case IMPLICIT_DENY -> {
        for (PolicyType t : blockedBy) {
          sb.append("  ").append(reason(t, trust)).append('\n');
        }
        trustRefusals.forEach(r -> sb.append("  ").append(r.message()).append('\n'));
      }
    }
    if (!missingContextKeys.isEmpty()) {
      sb.append("  context keys a condition needed but the request lacked: ")
          .append(Quote.line(String.join(", ", missingContextKeys))).append('\n');
    }
    warnings().forEach(w -> sb.append("  warning: ").append(w.message()).append('\n'));
    return sb.toString();
  }

  private String reason(PolicyType t, boolean trust) {
    return switch (t) {
      case IDENTITY -> "no identity policy (and no resource policy naming the caller) allows it";
      case RESOURCE -> trust ? "the role's trust policy does not allow it"
          : "the resource policy does not allow it (required across accounts and for KMS key policies)";
      case PERMISSIONS_BOUNDARY -> "the permissions boundary does not allow it";
      case SESSION -> request.caller().federatedUser()
          ? "the session policy does not allow it (a federated user session from GetFederationToken has no"
              + " permissions without a session policy)"
          : "the session policy does not allow it";
      case SCP -> "a service control policy level does not allow it";
      case RCP -> "a resource control policy does not allow it";
    };
  }

  @Override
  public String toString() {
    return decision + (matched.isEmpty() ? "" : " " + matched) + (blockedBy.isEmpty() ? "" : " blockedBy=" + blockedBy)
        + (missingContextKeys.isEmpty() ? "" : " missing=" + missingContextKeys);
  }
}
