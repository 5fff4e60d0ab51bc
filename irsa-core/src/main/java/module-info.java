/**
 * irsa's core: the IAM policy model and its JSON, ARNs, OIDC providers, trust and permission
 * builders, the AWS service catalog, the policy linter, and IAM provisioning.
 *
 * <p>The AWS SDK is optional ({@code requires static}): only {@link dev.irsa.core.aws} needs it, and
 * {@link dev.irsa.core.aws.IamProvisioner} says which artifact is missing when it is absent.
 */
@SuppressWarnings({"module", "requires-automatic"}) // exports to irsa modules not on this path; Immutables has no module-info
module dev.irsa.core {
  // Immutables' annotations have CLASS retention: needed to compile only.
  requires static org.immutables.value;
  // IAM provisioning (dev.irsa.core.aws): software.amazon.awssdk:iam and :eks, the application's choice.
  requires static software.amazon.awssdk.services.iam;
  requires static software.amazon.awssdk.services.eks;
  requires static software.amazon.awssdk.awscore;
  requires static software.amazon.awssdk.core;

  exports dev.irsa.core;
  exports dev.irsa.core.arn;
  exports dev.irsa.core.aws;
  exports dev.irsa.core.catalog;
  exports dev.irsa.core.export;
  exports dev.irsa.core.lint;
  exports dev.irsa.core.policy;
  exports dev.irsa.core.trust;

  // irsa's own modules only: name validation and optional-dependency checks, the JSON tree and
  // writer, the policy codec.
  exports dev.irsa.core.internal to dev.irsa.k8s, dev.irsa.verify, dev.irsa.examples;
  exports dev.irsa.core.internal.json to dev.irsa.k8s, dev.irsa.verify, dev.irsa.examples;
  exports dev.irsa.core.policy.internal to dev.irsa.verify;
  // the one wildcard matcher and typed-value reader, shared by the linter and the evaluator
  exports dev.irsa.core.iam.internal to dev.irsa.k8s, dev.irsa.verify;
  // PolicyText (URL-decoding IAM's documents) for the Pod Identity migration and the doctor
  exports dev.irsa.core.aws.internal to dev.irsa.k8s, dev.irsa.verify, dev.irsa.examples;
}
