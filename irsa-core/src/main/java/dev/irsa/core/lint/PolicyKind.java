package dev.irsa.core.lint;

import dev.irsa.core.policy.SizeQuota;
import java.util.Locale;

/** Where a policy document is used, which decides the element rules and the size quota. */
public enum PolicyKind {
  /** A permission policy attached to a role, user or group (managed or inline). */
  IDENTITY("identity", SizeQuota.MANAGED_POLICY),
  /** A resource-based policy (S3 bucket policy, SQS queue policy ...): needs a Principal. */
  RESOURCE("resource", new SizeQuota("S3 bucket policy", 20_480, "bucket policy size")),
  /** A role trust policy: Principal required, no Resource, only STS actions. */
  TRUST("trust", SizeQuota.TRUST_POLICY),
  /** A permissions boundary (a managed policy used as a boundary). */
  BOUNDARY("boundary", SizeQuota.MANAGED_POLICY),
  /** An AWS Organizations service control policy. */
  SCP("scp", new SizeQuota("service control policy", 5_120, "MaxPolicySize")),
  /** A session policy passed to AssumeRole*. */
  SESSION("session", new SizeQuota("session policy", 2_048, "PackedPolicyTooLarge"));

  private final String cliName;
  private final SizeQuota quota;

  PolicyKind(String cliName, SizeQuota quota) {
    this.cliName = cliName;
    this.quota = quota;
  }

  /** The lower-case name used on the command line, e.g. {@code trust}. */
  public String cliName() {
    return cliName;
  }

  /** The default size quota of this kind (whitespace not counted). */
  public SizeQuota quota() {
    return quota;
  }

  /** True for kinds that must not name a Principal. */
  public boolean forbidsPrincipal() {
    return this == IDENTITY || this == BOUNDARY || this == SCP || this == SESSION;
  }

  /**
   * The kind with this name, ignoring case.
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static PolicyKind parse(String name) {
    for (PolicyKind k : values()) {
      if (k.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown policy kind '" + name
        + "' (expected identity, resource, trust, boundary, scp or session)");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
