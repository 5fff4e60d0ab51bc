package dev.irsa.core.aws;

import dev.irsa.core.policy.PolicyDocument;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to IAM, planned or made: what, on which resource, and the policy document before and
 * after where a document is involved.
 *
 * @param action the kind of change
 * @param resource the ARN of the resource changed (for an inline policy: the role ARN)
 * @param summary one line for people, e.g. {@code add system:serviceaccount:payments:api to the trust policy}
 * @param before the document before the change, when there was one
 * @param after the document after the change, when there is one
 */
public record Change(Action action, String resource, String summary, Optional<PolicyDocument> before,
    Optional<PolicyDocument> after) {
  /** The kinds of change, in the order IAM needs them within a run. */
  public enum Action {
    CREATE_OIDC_PROVIDER,
    ADD_OIDC_AUDIENCE,
    ADOPT_POLICY,
    CREATE_POLICY,
    DELETE_POLICY_VERSION,
    CREATE_POLICY_VERSION,
    ADOPT_ROLE,
    CREATE_ROLE,
    UPDATE_TRUST,
    UPDATE_ROLE,
    PUT_PERMISSIONS_BOUNDARY,
    TAG_ROLE,
    ATTACH_POLICY,
    PUT_INLINE_POLICY,
    DETACH_POLICY,
    DELETE_INLINE_POLICY,
    DELETE_ROLE,
    DELETE_POLICY,
    DELETE_OIDC_PROVIDER;

    /** The JSON spelling, e.g. {@code create-role}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public Change {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** {@code create-role arn:aws:iam::111122223333:role/x: summary}. */
  @Override
  public String toString() {
    return action.id() + " " + resource + ": " + summary;
  }
}
