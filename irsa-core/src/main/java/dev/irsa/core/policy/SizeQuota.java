package dev.irsa.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * A policy-size quota: which kind of policy, how many characters IAM allows (whitespace not
 * counted) and the name of the quota in IAM's error messages.
 *
 * <pre>{@code
 * SizeQuota.TRUST_POLICY.check(trust);              // throws PolicySizeException over 2,048
 * SizeQuota.trustPolicy(4096).check(trust);         // after a quota increase
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM quotas</a>
 */
public record SizeQuota(String policyKind, int limit, String quotaName) {
  /** Customer managed policy: 6,144 characters. */
  public static final SizeQuota MANAGED_POLICY = new SizeQuota("managed policy", 6_144, "PolicySize");
  /** All inline policies of one role together: 10,240 characters. */
  public static final SizeQuota INLINE_ROLE_POLICIES =
      new SizeQuota("inline policies of a role (total)", 10_240, "PolicySize");
  /** Role trust policy: 2,048 characters by default, raisable to 8,192. */
  public static final SizeQuota TRUST_POLICY = new SizeQuota("role trust policy", 2_048, "ACLSizePerRole");

  public SizeQuota {
    Objects.requireNonNull(policyKind, "policyKind");
    Objects.requireNonNull(quotaName, "quotaName");
    if (limit <= 0) {
      throw new IllegalArgumentException("size quota limit must be positive, got: " + limit);
    }
  }

  /** The trust-policy quota of an account where it was raised. */
  public static SizeQuota trustPolicy(int limit) {
    return new SizeQuota(TRUST_POLICY.policyKind, limit, TRUST_POLICY.quotaName);
  }

  /** True when {@code doc} fits. */
  public boolean fits(PolicyDocument doc) {
    return doc.iamSize() <= limit;
  }

  /**
   * Checks one document.
   *
   * @throws PolicySizeException when it is larger than this quota
   */
  public PolicyDocument check(PolicyDocument doc) {
    int size = doc.iamSize();
    if (size > limit) {
      throw new PolicySizeException(this, size);
    }
    return doc;
  }

  /**
   * Checks several documents counted together (the inline policies of one role).
   *
   * @throws PolicySizeException when their total is larger than this quota
   */
  public void checkTotal(List<PolicyDocument> docs) {
    int size = 0;
    for (PolicyDocument d : docs) {
      size += d.iamSize();
    }
    if (size > limit) {
      throw new PolicySizeException(this, size);
    }
  }
}
