package dev.irsa.core.policy;

import java.util.Locale;

/** A policy over its size quota; the message names the quota, the size and the limit. */
public final class PolicySizeException extends IllegalArgumentException {
  private final SizeQuota quota;
  private final int size;

  public PolicySizeException(SizeQuota quota, int size) {
    super(String.format(Locale.ROOT,
        "%s is %,d characters (whitespace not counted), over the %,d-character limit (IAM quota %s)",
        quota.policyKind(), size, quota.limit(), quota.quotaName()));
    this.quota = quota;
    this.size = size;
  }

  public SizeQuota quota() {
    return quota;
  }

  /** The counted size. */
  public int size() {
    return size;
  }
}
