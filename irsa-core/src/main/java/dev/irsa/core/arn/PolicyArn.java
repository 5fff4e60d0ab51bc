package dev.irsa.core.arn;

import dev.irsa.core.internal.Names;
import java.util.Objects;

/**
 * A managed policy ARN: customer managed ({@code arn:aws:iam::111122223333:policy/path/name}) or AWS
 * managed ({@code arn:aws:iam::aws:policy/ReadOnlyAccess}).
 */
public final class PolicyArn {
  private final Partition partition;
  private final String account;
  private final String path;
  private final String name;

  private PolicyArn(Partition partition, String account, String path, String name) {
    this.partition = partition;
    this.account = account;
    this.path = path;
    this.name = name;
  }

  /**
   * A customer managed policy at path {@code /} in the {@code aws} partition.
   *
   * @throws IllegalArgumentException for an invalid account ID or policy name, quoting it
   */
  public static PolicyArn of(String account, String name) {
    return of(Partition.AWS, account, "/", name);
  }

  /**
   * @param account a 12-digit account, or {@code aws} for an AWS managed policy
   * @throws IllegalArgumentException for an invalid account, path or name, quoting it
   */
  public static PolicyArn of(Partition partition, String account, String path, String name) {
    return new PolicyArn(Objects.requireNonNull(partition, "partition"),
        "aws".equals(account) ? account : Names.account(account), Names.path(path), Names.policyName(name));
  }

  /** An AWS managed policy such as {@code ReadOnlyAccess} or {@code service-role/AmazonEKSClusterPolicy}. */
  public static PolicyArn awsManaged(String pathAndName) {
    int slash = pathAndName.lastIndexOf('/');
    return of(Partition.AWS, "aws", "/" + pathAndName.substring(0, slash + 1), pathAndName.substring(slash + 1));
  }

  /**
   * @throws InvalidArnException when the text is not a managed policy ARN
   */
  public static PolicyArn parse(String text) {
    Arn arn = Arn.parse(text);
    if (!arn.service().equals("iam") || !arn.resource().startsWith("policy/")) {
      throw new InvalidArnException(text, "not a managed policy ARN (expected arn:<partition>:iam::<account>:policy/<path/>name)");
    }
    String rest = arn.resource().substring("policy".length());
    int slash = rest.lastIndexOf('/');
    try {
      return of(arn.partition(), arn.account(), rest.substring(0, slash + 1), rest.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidArnException(text, e.getMessage());
    }
  }

  public Partition partition() {
    return partition;
  }

  /** The owning account, or {@code aws}. */
  public String account() {
    return account;
  }

  public String path() {
    return path;
  }

  public String name() {
    return name;
  }

  public boolean isAwsManaged() {
    return account.equals("aws");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyArn p && p.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "arn:" + partition.id() + ":iam::" + account + ":policy" + path + name;
  }
}
