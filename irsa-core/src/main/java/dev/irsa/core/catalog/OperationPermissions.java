package dev.irsa.core.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IAM permissions that SDK operations need, for the operations irsa verifies. Keys are
 * {@code service:Operation} as in the SDK ({@code s3:ListObjectsV2}); a few pseudo-operations
 * name a variant of one API call that IAM authorizes differently ({@code s3:GetObjectVersion} is
 * GetObject with a versionId, {@code s3:DeleteObjectVersion} DeleteObject with one).
 *
 * <pre>{@code
 * OperationPermissions.of("s3:ListObjectsV2")
 *     // [s3:ListBucket on arn:${Partition}:s3:::${BucketName}]
 * OperationPermissions.of("sts:GetCallerIdentity")   // [] : needs no permission
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html">S3 API operations and their actions</a>
 */
public final class OperationPermissions {
  private static final String BUCKET = "arn:${Partition}:s3:::${BucketName}";
  private static final String OBJECT = "arn:${Partition}:s3:::${BucketName}/${Key}";
  private static final String SOURCE_OBJECT = "arn:${Partition}:s3:::${SourceBucketName}/${SourceKey}";
  private static final String TABLE = "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}";
  private static final Map<String, List<RequiredPermission>> TABLE_OF_OPERATIONS = Collections.unmodifiableMap(build());

  private OperationPermissions() {}

  private static Map<String, List<RequiredPermission>> build() {
    Map<String, List<RequiredPermission>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    put(m, "s3:ListObjectsV2", "s3:ListBucket", BUCKET);
    put(m, "s3:ListObjects", "s3:ListBucket", BUCKET);
    put(m, "s3:ListObjectVersions", "s3:ListBucketVersions", BUCKET);
    put(m, "s3:HeadBucket", "s3:ListBucket", BUCKET);
    put(m, "s3:HeadObject", "s3:GetObject", OBJECT);
    put(m, "s3:GetObject", "s3:GetObject", OBJECT);
    put(m, "s3:GetObjectVersion", "s3:GetObjectVersion", OBJECT);
    put(m, "s3:PutObject", "s3:PutObject", OBJECT);
    put(m, "s3:DeleteObject", "s3:DeleteObject", OBJECT);
    put(m, "s3:DeleteObjectVersion", "s3:DeleteObjectVersion", OBJECT);
    put(m, "s3:CopyObject", "s3:GetObject", SOURCE_OBJECT, "s3:PutObject", OBJECT);
    put(m, "s3:ListBuckets", "s3:ListAllMyBuckets", "*");
    for (String op : List.of("DescribeTable", "DeleteTable", "GetItem", "PutItem", "UpdateItem", "DeleteItem",
        "Query", "Scan", "BatchGetItem", "BatchWriteItem")) {
      put(m, "dynamodb:" + op, "dynamodb:" + op, TABLE);
    }
    // Transactions have no actions of their own: each item is authorized as its single-item action.
    put(m, "dynamodb:TransactGetItems", "dynamodb:GetItem", TABLE);
    put(m, "dynamodb:TransactWriteItems", "dynamodb:PutItem", TABLE, "dynamodb:UpdateItem", TABLE,
        "dynamodb:DeleteItem", TABLE, "dynamodb:ConditionCheckItem", TABLE);
    put(m, "dynamodb:ListTables", "dynamodb:ListTables", "*");
    put(m, "sts:GetCallerIdentity");
    return m;
  }

  private static void put(Map<String, List<RequiredPermission>> m, String operation, String... actionAndResource) {
    List<RequiredPermission> list = new ArrayList<>();
    for (int i = 0; i < actionAndResource.length; i += 2) {
      list.add(new RequiredPermission(actionAndResource[i], actionAndResource[i + 1]));
    }
    m.put(operation, List.copyOf(list));
  }

  /**
   * The permissions {@code service:Operation} needs, all of them required; empty list for an
   * operation that needs none (STS GetCallerIdentity); empty Optional for an operation not in the
   * table. {@code dynamodb:TransactWriteItems} lists the action of each kind of item it may carry.
   */
  public static Optional<List<RequiredPermission>> of(String operation) {
    return Optional.ofNullable(TABLE_OF_OPERATIONS.get(operation));
  }

  /** The operations in the table, as {@code service:Operation}, sorted ignoring case. */
  public static List<String> operations() {
    return List.copyOf(TABLE_OF_OPERATIONS.keySet());
  }
}
