package dev.irsa.verify.eval;

import dev.irsa.core.internal.Quote;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one evaluation, in the spirit of IAM's simulator: the decision, the statements
 * that decided it (for a Deny only the Deny statements), for an implicit deny the layers that
 * did not allow, and the context keys a condition looked for but the request lacked.
 */
public final class EvaluationResult {
  private final RequestContext request;
  private final Decision decision;
  private final List<MatchedStatement> matched;
  private final List<PolicyType> blockedBy;
  private final List<String> missingContextKeys;

  EvaluationResult(RequestContext request, Decision decision, List<MatchedStatement> matched,
      List<PolicyType> blockedBy, List<String> missingContextKeys) {
    this.request = Objects.requireNonNull(request, "request");
    this.decision = Objects.requireNonNull(decision, "decision");
    this.matched = List.copyOf(matched);
    this.blockedBy = List.copyOf(blockedBy);
    this.missingContextKeys = List.copyOf(missingContextKeys);
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

  /** A few lines for people: the decision, why, and what was missing. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append(decision).append(": ").append(Quote.cut(request.action())).append(" on ").append(Quote.cut(request.resource()))
        .append(" by ").append(Quote.cut(request.principal().orElse("an anonymous caller"))).append('\n');
    switch (decision) {
      case ALLOWED -> matched.forEach(m -> sb.append("  allowed by ").append(Quote.line(m.toString())).append('\n'));
      case EXPLICIT_DENY -> matched.forEach(m -> sb.append("  denied by ").append(Quote.line(m.toString())).append('\n'));
      case IMPLICIT_DENY -> {
        for (PolicyType t : blockedBy) {
          sb.append("  ").append(reason(t)).append('\n');
        }
      }
    }
    if (!missingContextKeys.isEmpty()) {
      sb.append("  context keys a condition needed but the request lacked: ")
          .append(Quote.line(String.join(", ", missingContextKeys))).append('\n');
    }
    return sb.toString();
  }

  private static String reason(PolicyType t) {
    return switch (t) {
      case IDENTITY -> "no identity policy (and no resource policy naming the caller) allows it";
      case RESOURCE -> "the resource policy does not allow it (required across accounts and for role trust and KMS key policies)";
      case PERMISSIONS_BOUNDARY -> "the permissions boundary does not allow it";
      case SESSION -> "the session policy does not allow it";
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
