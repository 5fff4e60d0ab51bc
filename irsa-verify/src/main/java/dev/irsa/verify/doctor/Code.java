package dev.irsa.verify.doctor;

/** What a finding is about: a stable name for programs, with the severity it always has. */
public enum Code {
  /** The service account does not exist in the cluster. */
  SA_NOT_FOUND(Severity.ERROR),
  /** The service account has no {@code eks.amazonaws.com/role-arn} annotation. */
  SA_NOT_ANNOTATED(Severity.ERROR),
  /** An annotation key close to {@code eks.amazonaws.com/role-arn} (e.g. {@code eks.amazon.com/role-arn}). */
  ANNOTATION_KEY_TYPO(Severity.ERROR),
  /** The annotation is not a role ARN; STS answers {@code ValidationError: Request ARN is invalid}. */
  ROLE_ARN_INVALID(Severity.ERROR),
  /** The annotated role does not exist in the account. */
  ROLE_NOT_FOUND(Severity.ERROR),
  /** No IAM OIDC provider for the cluster's issuer in the role's account. */
  OIDC_PROVIDER_MISSING(Severity.ERROR),
  /** The token's audience is not among the provider's client IDs. */
  OIDC_AUDIENCE_NOT_REGISTERED(Severity.ERROR),
  /** The trust names another cluster's or another account's provider. */
  TRUST_PROVIDER_MISMATCH(Severity.ERROR),
  /** The trust does not admit the service account (namespace or name differ, {@code *} under StringEquals, a key typo). */
  TRUST_SUBJECT_MISMATCH(Severity.ERROR),
  /** The trust's {@code :aud} condition does not admit the token's audience. */
  TRUST_AUDIENCE_MISMATCH(Severity.ERROR),
  /** The trust allows another action than {@code sts:AssumeRoleWithWebIdentity}. */
  TRUST_WRONG_ACTION(Severity.ERROR),
  /** Service accounts other than the intended ones can assume the role. */
  TRUST_TOO_BROAD(Severity.WARNING),
  /** The trust policy uses 90% or more of its size quota. */
  TRUST_POLICY_NEAR_QUOTA(Severity.WARNING),
  /** The role has as many managed policies attached as the quota allows. */
  ROLE_POLICY_QUOTA(Severity.WARNING),
  /** The cluster has no EKS pod identity webhook configuration. */
  WEBHOOK_MISSING(Severity.ERROR),
  /** The pod has no IRSA wiring: created before the annotation, or the webhook did not run. */
  POD_NOT_MUTATED(Severity.ERROR),
  /** The pod is wired for another role than its service account names now. */
  POD_ROLE_MISMATCH(Severity.ERROR),
  /** A container cannot read the token file (non-root without fsGroup, or the token is not mounted). */
  TOKEN_UNREADABLE(Severity.ERROR),
  /** Static keys or {@code AWS_PROFILE} in env or envFrom win over the web identity token. */
  CREDENTIALS_OVERRIDDEN(Severity.ERROR),
  /** An EKS Pod Identity association for the service account wins over IRSA. */
  POD_IDENTITY_SHADOWS_IRSA(Severity.ERROR),
  /** An expected permission is denied. */
  PERMISSION_MISSING(Severity.ERROR),
  /** A permission expected to be denied is allowed. */
  PERMISSION_UNEXPECTED(Severity.ERROR),
  /** Audit: a service account names a role that does not exist. */
  ORPHAN_ANNOTATION(Severity.ERROR),
  /** Audit: a role trusts a service account that does not exist, or an issuer no provider or cluster has. */
  ORPHAN_TRUST(Severity.WARNING),
  /** Audit: one role for several service accounts. */
  SHARED_ROLE(Severity.INFO),
  /** Audit: the linter's security findings on the policies of a role pods assume. */
  RISKY_PERMISSIONS(Severity.WARNING);

  private final Severity severity;

  Code(Severity severity) {
    this.severity = severity;
  }

  public Severity severity() {
    return severity;
  }
}
