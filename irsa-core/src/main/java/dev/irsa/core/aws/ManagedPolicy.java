package dev.irsa.core.aws;

import dev.irsa.core.internal.Names;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.SizeQuota;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer managed policy to create (or keep up to date) and attach to the role.
 *
 * @param name 1 to 128 of letters, digits and {@code +=,.@_-}
 * @param path {@code /} or {@code /a/b/}
 * @param description shown in the console; only set on creation (IAM cannot change it later)
 * @param document the permissions, at most 6,144 characters (whitespace not counted)
 */
public record ManagedPolicy(String name, String path, Optional<String> description, PolicyDocument document) {
  /**
   * @throws IllegalArgumentException for an invalid name or path, quoting it, or a document over
   *     the managed-policy size quota ({@link dev.irsa.core.policy.PolicySizeException})
   */
  public ManagedPolicy {
    Names.policyName(name);
    Names.path(path);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(document, "document");
    SizeQuota.MANAGED_POLICY.check(document);
  }

  /** A policy at path {@code /} without a description. */
  public static ManagedPolicy of(String name, PolicyDocument document) {
    return new ManagedPolicy(name, "/", Optional.empty(), document);
  }
}
