package dev.irsa.verify.doctor;

import dev.irsa.core.policy.PolicyDocument;
import java.util.Objects;

/** A managed policy and the document of its default version. */
public record ManagedPolicy(String arn, String name, PolicyDocument document) {
  public ManagedPolicy {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(document, "document");
  }

  /** The name in a policy ARN: what follows the last {@code /}. */
  public static String nameOf(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return "ManagedPolicy " + arn;
  }
}
