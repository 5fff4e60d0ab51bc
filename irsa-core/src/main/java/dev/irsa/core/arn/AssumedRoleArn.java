package dev.irsa.core.arn;

import dev.irsa.core.internal.Names;
import java.util.Objects;

/** An STS role-session ARN, {@code arn:aws:sts::111122223333:assumed-role/role-name/session-name}. */
public final class AssumedRoleArn {
  private final Partition partition;
  private final String account;
  private final String roleName;
  private final String sessionName;

  private AssumedRoleArn(Partition partition, String account, String roleName, String sessionName) {
    this.partition = partition;
    this.account = account;
    this.roleName = roleName;
    this.sessionName = sessionName;
  }

  /**
   * @throws IllegalArgumentException for an invalid account, role name or session name, quoting it
   */
  public static AssumedRoleArn of(Partition partition, String account, String roleName, String sessionName) {
    return new AssumedRoleArn(Objects.requireNonNull(partition, "partition"), Names.account(account),
        Names.roleName(roleName), Names.sessionName(sessionName));
  }

  /**
   * @throws InvalidArnException when the text is not an assumed-role session ARN
   */
  public static AssumedRoleArn parse(String text) {
    Arn arn = Arn.parse(text);
    String[] parts = arn.resource().split("/", -1);
    if (!arn.service().equals("sts") || parts.length != 3 || !parts[0].equals("assumed-role")) {
      throw new InvalidArnException(text,
          "not an assumed-role ARN (expected arn:<partition>:sts::<account>:assumed-role/<role>/<session>)");
    }
    try {
      return of(arn.partition(), arn.account(), parts[1], parts[2]);
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

  public String roleName() {
    return roleName;
  }

  public String sessionName() {
    return sessionName;
  }

  /** The role at path {@code /}; the session ARN does not carry the role's real path. */
  public RoleArn roleAtRootPath() {
    return RoleArn.of(partition, account, "/", roleName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssumedRoleArn a && a.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "arn:" + partition.id() + ":sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
  }
}
