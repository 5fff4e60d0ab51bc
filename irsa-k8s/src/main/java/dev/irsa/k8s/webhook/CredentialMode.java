package dev.irsa.k8s.webhook;

/** How a pod gets AWS credentials from the webhook. */
public enum CredentialMode {
  /** Not mutated: no role annotation (and no Pod Identity association). */
  NONE,
  /** IAM Roles for Service Accounts: {@code AWS_ROLE_ARN} plus a web identity token. */
  IRSA,
  /** EKS Pod Identity: the container credentials endpoint plus an authorization token; wins over IRSA. */
  POD_IDENTITY
}
