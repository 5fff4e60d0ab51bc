package dev.irsa.core.arn;

import dev.irsa.core.internal.Names;
import java.util.Objects;

/**
 * An IAM role ARN, {@code arn:aws:iam::111122223333:role/path/name}. Sessions of the role drop the
 * path: {@link #session(String)} gives {@code arn:aws:sts::111122223333:assumed-role/name/session}.
 */
public final class RoleArn {
  private final Partition partition;
  private final String account;
  private final String path;
  private final String name;

  private RoleArn(Partition partition, String account, String path, String name) {
    this.partition = partition;
    this.account = account;
    this.path = path;
    this.name = name;
  }

  /**
   * A role in the {@code aws} partition at path {@code /}.
   *
   * @throws IllegalArgumentException for an invalid account ID or role name, quoting it
   */
  public static RoleArn of(String account, String name) {
    return of(Partition.AWS, account, "/", name);
  }

  /**
   * @throws IllegalArgumentException for an invalid account ID, path or role name, quoting it
   */
  public static RoleArn of(Partition partition, String account, String path, String name) {
    return new RoleArn(Objects.requireNonNull(partition, "partition"), Names.account(account), Names.path(path),
        Names.roleName(name));
  }

  /**
   * Parses a role ARN.
   *
   * @throws InvalidArnException when the text is not an IAM role ARN
   */
  public static RoleArn parse(String text) {
    Arn arn = Arn.parse(text);
    if (!arn.service().equals("iam") || !arn.resource().startsWith("role/") || !arn.region().isEmpty()) {
      throw new InvalidArnException(text, "not an IAM role ARN (expected arn:<partition>:iam::<account>:role/<path/>name)");
    }
    String rest = arn.resource().substring("role".length());
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

  public String account() {
    return account;
  }

  /** The path, {@code /} by default. */
  public String path() {
    return path;
  }

  public String name() {
    return name;
  }

  /** The ARN of a session of this role, as STS returns it (path dropped). */
  public AssumedRoleArn session(String sessionName) {
    return AssumedRoleArn.of(partition, account, name, sessionName);
  }

  public Arn toArn() {
    return Arn.parse(toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoleArn r && r.partition == partition && r.account.equals(account) && r.path.equals(path)
        && r.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partition, account, path, name);
  }

  @Override
  public String toString() {
    return "arn:" + partition.id() + ":iam::" + account + ":role" + path + name;
  }
}
