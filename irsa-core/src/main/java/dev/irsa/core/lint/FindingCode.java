package dev.irsa.core.lint;

/**
 * The stable codes of {@link Finding}s with their usual severity. A few are reported with another
 * severity where the policy kind makes them matter less (an invalid Sid in a resource policy, for
 * example, is only a warning there).
 */
public enum FindingCode {
  // Syntax and element rules
  /** The document, or one of its statements, is not the shape IAM expects. */
  INVALID_ELEMENT(Severity.ERROR),
  /** An element name IAM does not know (names are case-sensitive). */
  UNKNOWN_ELEMENT(Severity.ERROR),
  /** Version is neither 2012-10-17 nor 2008-10-17. */
  INVALID_VERSION(Severity.ERROR),
  /** No Version: policy variables are then literal text. */
  MISSING_VERSION(Severity.WARNING),
  MISSING_EFFECT(Severity.ERROR),
  INVALID_EFFECT(Severity.ERROR),
  MISSING_ACTION(Severity.ERROR),
  /** Both an element and its Not form (Action and NotAction ...). */
  CONFLICTING_ELEMENTS(Severity.ERROR),
  MISSING_RESOURCE(Severity.ERROR),
  /** A trust policy names a Resource. */
  RESOURCE_NOT_ALLOWED(Severity.ERROR),
  MISSING_PRINCIPAL(Severity.ERROR),
  /** Principal in an identity, boundary, SCP or session policy; NotPrincipal in a trust policy. */
  PRINCIPAL_NOT_ALLOWED(Severity.ERROR),
  /** A Resource that is neither {@code *} nor an ARN. */
  INVALID_ARN(Severity.ERROR),
  /** A Sid with characters other than letters and digits (IAM policies). */
  INVALID_SID(Severity.ERROR),
  DUPLICATE_SID(Severity.WARNING),
  /** Larger than the quota of its kind (whitespace not counted). */
  POLICY_SIZE_EXCEEDS_QUOTA(Severity.WARNING),

  // Actions and resources
  /** Not {@code service:action}. */
  INVALID_ACTION(Severity.ERROR),
  UNKNOWN_SERVICE(Severity.ERROR),
  UNKNOWN_ACTION(Severity.ERROR),
  /** No resource of the statement is of a type the action takes. */
  RESOURCE_TYPE_MISMATCH(Severity.ERROR),
  /**
   * The reference lists no resource types for the action (only {@code "Resource": "*"}), but the
   * statement names specific resources. A warning: some services still authorize such actions
   * against a service-wide ARN such as {@code arn:aws:s3:::*}.
   */
  ACTION_REQUIRES_WILDCARD_RESOURCE(Severity.WARNING),
  /** A trust policy action outside STS. */
  TRUST_ACTION_NOT_STS(Severity.ERROR),

  // Conditions
  INVALID_CONDITION_OPERATOR(Severity.ERROR),
  NULL_WITH_IF_EXISTS(Severity.ERROR),
  /** A value that is not of the operator's type, or an operator that does not fit the key's type. */
  CONDITION_TYPE_MISMATCH(Severity.WARNING),
  FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY(Severity.SECURITY_WARNING),
  FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY(Severity.WARNING),
  MULTIVALUED_KEY_WITHOUT_SET_OPERATOR(Severity.WARNING),
  /** {@code *} or {@code ?} with an operator that compares them literally. */
  WILDCARD_WITHOUT_LIKE(Severity.WARNING),

  // Policy variables
  /** A policy variable where IAM does not substitute it (Action, Principal, Sid, ARN before the resource part). */
  POLICY_VARIABLE_NOT_ALLOWED(Severity.ERROR),
  /** A policy variable in a document whose Version does not substitute variables. */
  POLICY_VARIABLE_IN_OLD_VERSION(Severity.WARNING),

  // Broad grants
  ALLOW_WITH_NOT_ACTION(Severity.SECURITY_WARNING),
  ALLOW_WITH_NOT_RESOURCE(Severity.SECURITY_WARNING),
  ALLOW_WITH_NOT_PRINCIPAL(Severity.SECURITY_WARNING),
  PASS_ROLE_ON_ALL_RESOURCES(Severity.SECURITY_WARNING),
  PERMISSIONS_MANAGEMENT_ON_ALL_RESOURCES(Severity.SECURITY_WARNING),
  WRITE_ON_ALL_RESOURCES(Severity.WARNING),

  // IRSA and Pod Identity trust
  /** A Federated principal for AssumeRoleWithWebIdentity that is not an OIDC provider ARN. */
  FEDERATED_NOT_OIDC_PROVIDER(Severity.ERROR),
  /** An OIDC condition key written with {@code https://}. */
  CONDITION_KEY_HAS_SCHEME(Severity.ERROR),
  /** An OIDC condition key for another provider than the statement's principal. */
  CONDITION_KEY_HOST_MISMATCH(Severity.ERROR),
  /** No {@code <issuer>:sub} condition: every service account of the cluster can assume the role. */
  MISSING_SUB_CONDITION(Severity.SECURITY_WARNING),
  MISSING_AUD_CONDITION(Severity.WARNING),
  /** The {@code :aud} condition does not admit the audience the tokens carry. */
  AUDIENCE_MISMATCH(Severity.ERROR),
  /** A wildcard in a StringEquals test of {@code :sub} or {@code :aud}, which never matches. */
  WILDCARD_IN_STRING_EQUALS(Severity.ERROR),
  /** A {@code :sub} test with a wildcard namespace. */
  SUB_WILDCARD_NAMESPACE(Severity.SECURITY_WARNING),
  /** A {@code :sub} test any service account passes ({@code system:serviceaccount:*}). */
  SUB_ANY_SERVICE_ACCOUNT(Severity.SECURITY_WARNING),
  /** A {@code :sub} value that no service account token can carry. */
  SUB_NOT_SERVICE_ACCOUNT(Severity.ERROR),
  /** Only StringNotEquals/StringNotLike guard {@code :sub}: every other subject is admitted. */
  SUB_NEGATED_ONLY(Severity.SECURITY_WARNING),
  /** An OIDC statement whose action is not {@code sts:AssumeRoleWithWebIdentity}. */
  IRSA_WRONG_ACTION(Severity.ERROR),
  /** A Pod Identity trust without {@code sts:TagSession}. */
  POD_IDENTITY_MISSING_TAG_SESSION(Severity.ERROR),
  /** A Pod Identity trust without {@code sts:AssumeRole}. */
  POD_IDENTITY_MISSING_ASSUME_ROLE(Severity.ERROR),

  // Simplifications
  /** An empty Condition block, or an operator with no keys: it tests nothing. */
  EMPTY_CONDITION(Severity.SUGGESTION),
  /** An action listed twice, or already covered by a wildcard entry of the same statement. */
  REDUNDANT_ACTION(Severity.SUGGESTION),
  /** A resource listed twice, or already covered by a wildcard entry of the same statement. */
  REDUNDANT_RESOURCE(Severity.SUGGESTION);

  private final Severity severity;

  FindingCode(Severity severity) {
    this.severity = severity;
  }

  /** The usual severity of this code. */
  public Severity severity() {
    return severity;
  }
}
