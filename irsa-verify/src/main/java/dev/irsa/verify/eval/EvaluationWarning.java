package dev.irsa.verify.eval;

import java.util.List;
import java.util.Objects;

/**
 * Something about a request that the bundled service catalog says is probably a mistake: a typo in
 * the action, an unknown service, or a resource of a type the action does not take. A warning never
 * changes the decision (AWS decides such a request too, usually as an implicit deny), but it tells
 * why an "assert denied" test may pass for the wrong reason.
 *
 * @param code what kind of mistake
 * @param message one line for people, e.g. {@code s3:GetObjekt is not an action of Amazon S3; did
 *     you mean s3:GetObject?}
 * @param suggestions the nearest real actions, for unknown services and actions (may be empty)
 */
public record EvaluationWarning(Code code, String message, List<String> suggestions) {
  /** The kinds of warning, named as the linter names the same mistakes in policies. */
  public enum Code {
    /** The service prefix is not in the catalog. */
    UNKNOWN_SERVICE,
    /** The service exists; the action does not. */
    UNKNOWN_ACTION,
    /** The resource is of no type the action takes ({@code s3:GetObject} on a bucket ARN). */
    RESOURCE_TYPE_MISMATCH,
    /** The action has no resource-level permissions (AWS checks it against {@code *}), yet the request names an ARN. */
    ACTION_REQUIRES_WILDCARD_RESOURCE
  }

  public EvaluationWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    suggestions = List.copyOf(suggestions);
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
