package dev.irsa.core.arn;

import dev.irsa.core.internal.Names;
import dev.irsa.core.internal.Quote;
import java.util.regex.Pattern;

/** ARNs for DynamoDB tables and indexes; the partition follows from the region. */
public final class DynamoDbArns {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private DynamoDbArns() {}

  /**
   * Validates a table or index name: 3-255 letters, digits, '_', '-' and '.'.
   *
   * @throws IllegalArgumentException quoting the bad name
   */
  public static String tableName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("DynamoDB table or index name must be 3 to 255 letters, digits, '_', '-' "
          + "or '.', got: " + Quote.single(name));
    }
    return name;
  }

  /** {@code arn:aws:dynamodb:us-east-1:111122223333:table/orders}. */
  public static String table(String region, String account, String table) {
    return Arn.of(Partition.ofRegion(region), "dynamodb", region, Names.account(account), "table/" + tableName(table))
        .toString();
  }

  /** {@code .../table/orders/index/by-customer}. */
  public static String index(String region, String account, String table, String index) {
    return table(region, account, table) + "/index/" + tableName(index);
  }

  /** {@code .../table/orders/index/*}: every index of the table. */
  public static String allIndexes(String region, String account, String table) {
    return table(region, account, table) + "/index/*";
  }

  /** The table name in a table (or index) ARN. */
  public static String tableNameOf(String tableArn) {
    Arn arn = Arn.parse(tableArn);
    String[] parts = arn.resource().split("/");
    if (!arn.service().equals("dynamodb") || parts.length < 2 || !parts[0].equals("table")) {
      throw new InvalidArnException(tableArn, "not a DynamoDB table ARN (expected arn:<partition>:dynamodb:<region>:<account>:table/<name>)");
    }
    return parts[1];
  }
}
