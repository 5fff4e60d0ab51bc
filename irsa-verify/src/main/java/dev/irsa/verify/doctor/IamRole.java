package dev.irsa.verify.doctor;

import dev.irsa.core.policy.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM role as {@code aws iam get-account-authorization-details} describes it: ARN, trust policy,
 * attached managed policy ARNs, inline policies (name to document, in order) and the permissions
 * boundary's ARN.
 */
public record IamRole(String arn, String name, PolicyDocument trustPolicy, List<String> attachedPolicyArns,
    Map<String, PolicyDocument> inlinePolicies, Optional<String> permissionsBoundaryArn) {
  public IamRole {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trustPolicy, "trustPolicy");
    attachedPolicyArns = List.copyOf(attachedPolicyArns);
    inlinePolicies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inlinePolicies));
    Objects.requireNonNull(permissionsBoundaryArn, "permissionsBoundaryArn");
  }

  @Override
  public String toString() {
    return "Role " + arn;
  }
}
