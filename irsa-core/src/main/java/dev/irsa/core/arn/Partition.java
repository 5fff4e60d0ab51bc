package dev.irsa.core.arn;

import dev.irsa.core.internal.Quote;

/** AWS partitions: the second part of every ARN. */
public enum Partition {
  AWS("aws", "amazonaws.com"),
  AWS_CN("aws-cn", "amazonaws.com.cn"),
  AWS_US_GOV("aws-us-gov", "amazonaws.com"),
  AWS_ISO("aws-iso", "c2s.ic.gov"),
  AWS_ISO_B("aws-iso-b", "sc2s.sgov.gov"),
  AWS_ISO_E("aws-iso-e", "cloud.adc-e.uk"),
  AWS_ISO_F("aws-iso-f", "csp.hci.ic.gov"),
  AWS_EUSC("aws-eusc", "amazonaws.eu");

  private final String id;
  private final String dnsSuffix;

  Partition(String id, String dnsSuffix) {
    this.id = id;
    this.dnsSuffix = dnsSuffix;
  }

  /** The ARN spelling, e.g. {@code aws-cn}. */
  public String id() {
    return id;
  }

  public String dnsSuffix() {
    return dnsSuffix;
  }

  /**
   * The partition with this ARN spelling.
   *
   * @throws IllegalArgumentException for an unknown partition, listing the known ones
   */
  public static Partition of(String id) {
    for (Partition p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Partition p : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(p.id);
    }
    throw new IllegalArgumentException("unknown partition " + Quote.single(id) + " (expected one of " + known + ")");
  }

  /** The partition a region belongs to, e.g. {@code cn-north-1} → {@code aws-cn}. */
  public static Partition ofRegion(String region) {
    if (region.startsWith("cn-")) {
      return AWS_CN;
    }
    if (region.startsWith("us-gov-")) {
      return AWS_US_GOV;
    }
    if (region.startsWith("us-isob-")) {
      return AWS_ISO_B;
    }
    if (region.startsWith("us-isof-") || region.startsWith("eu-isof-")) {
      return AWS_ISO_F;
    }
    if (region.startsWith("eu-isoe-")) {
      return AWS_ISO_E;
    }
    if (region.startsWith("us-iso-")) {
      return AWS_ISO;
    }
    if (region.startsWith("eusc-")) {
      return AWS_EUSC;
    }
    return AWS;
  }

  @Override
  public String toString() {
    return id;
  }
}
