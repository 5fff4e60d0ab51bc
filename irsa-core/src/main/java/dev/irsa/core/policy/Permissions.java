package dev.irsa.core.policy;

import dev.irsa.core.arn.Arn;
import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.arn.InvalidArnException;
import dev.irsa.core.arn.Partition;
import dev.irsa.core.arn.S3Arns;
import dev.irsa.core.internal.Quote;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Least-privilege permission policies for the resources a pod typically needs.
 *
 * <pre>{@code
 * PolicyDocument policy = Permissions.builder()
 *     .s3Read("my-bucket")                                             // ListBucket + GetObject(Version)
 *     .dynamoDb("arn:aws:dynamodb:us-east-1:111122223333:table/orders", TableAccess.DESCRIBE)
 *     .build();
 * }</pre>
 */
public final class Permissions {
  private Permissions() {}

  public static Builder builder() {
    return new Builder();
  }

  /** What a pod may do with a DynamoDB table. */
  public enum TableAccess {
    /** {@code dynamodb:List*} and {@code dynamodb:Describe*} on the table. */
    DESCRIBE,
    /** DescribeTable, GetItem, BatchGetItem, Query, Scan, ConditionCheckItem on the table and its indexes. */
    READ,
    /** READ plus PutItem, UpdateItem, DeleteItem, BatchWriteItem. */
    READ_WRITE
  }

  /** Appends statements; each preset adds its own statements with a Sid. */
  public static final class Builder {
    private final PolicyDocument.Builder doc = PolicyDocument.builder();
    private Partition partition = Partition.AWS;
    private boolean empty = true;

    private Builder() {}

    /** The partition for S3 ARNs (DynamoDB ARNs carry their own). Default {@code aws}. */
    public Builder partition(Partition partition) {
      this.partition = Objects.requireNonNull(partition, "partition");
      return this;
    }

    /**
     * Read-only access to one bucket: {@code s3:ListBucket} on the bucket, {@code s3:GetObject}
     * and {@code s3:GetObjectVersion} on its objects.
     *
     * @throws IllegalArgumentException for an invalid bucket name
     */
    public Builder s3Read(String bucket) {
      return s3(bucket, null, false);
    }

    /**
     * Read-only access to the keys under {@code prefix}: listing is limited with an
     * {@code s3:prefix} condition, object access to {@code bucket/prefix*}.
     *
     * @throws IllegalArgumentException for an invalid bucket name or an empty prefix
     */
    public Builder s3Read(String bucket, String prefix) {
      return s3(bucket, requirePrefix(prefix), false);
    }

    /** {@link #s3Read(String)} plus {@code s3:PutObject} and {@code s3:DeleteObject}. */
    public Builder s3ReadWrite(String bucket) {
      return s3(bucket, null, true);
    }

    /** {@link #s3Read(String, String)} plus {@code s3:PutObject} and {@code s3:DeleteObject} under the prefix. */
    public Builder s3ReadWrite(String bucket, String prefix) {
      return s3(bucket, requirePrefix(prefix), true);
    }

    private static String requirePrefix(String prefix) {
      if (prefix == null || prefix.isEmpty()) {
        throw new IllegalArgumentException("S3 key prefix must not be empty (use the overload without a prefix)");
      }
      if (prefix.contains("*") || prefix.contains("?")) {
        throw new IllegalArgumentException("S3 key prefix must not contain wildcards, got: " + Quote.single(prefix));
      }
      return prefix;
    }

    private Builder s3(String bucket, String prefix, boolean write) {
      String bucketArn = S3Arns.bucket(partition, bucket);
      String objects = S3Arns.objects(partition, bucket, prefix == null ? "" : prefix);
      doc.addStatement(s -> {
        s.sid(sid("ListBucket")).allow().addAction("s3:ListBucket").addResource(bucketArn);
        if (prefix != null) {
          s.condition("StringLike", "s3:prefix", prefix, prefix + "*");
        }
      });
      doc.addStatement(s -> {
        s.sid(sid(write ? "ReadWriteObjects" : "ReadObjects")).allow()
            .addActions("s3:GetObject", "s3:GetObjectVersion");
        if (write) {
          s.addActions("s3:PutObject", "s3:DeleteObject");
        }
        s.addResource(objects);
      });
      return this;
    }

    /**
     * Access to one DynamoDB table.
     *
     * @param tableArn {@code arn:aws:dynamodb:<region>:<account>:table/<name>}
     * @throws InvalidArnException when {@code tableArn} is not a DynamoDB table ARN
     */
    public Builder dynamoDb(String tableArn, TableAccess access) {
      Objects.requireNonNull(access, "access");
      DynamoDbArns.tableNameOf(tableArn);
      Arn arn = Arn.parse(tableArn);
      if (arn.resource().contains("/index/")) {
        throw new InvalidArnException(tableArn, "expected a table ARN, not an index ARN");
      }
      switch (access) {
        case DESCRIBE -> doc.addStatement(s -> s.sid(sid("DescribeTable")).allow()
            .addActions("dynamodb:List*", "dynamodb:Describe*").addResource(tableArn));
        case READ -> doc.addStatement(s -> s.sid(sid("ReadTable")).allow()
            .addActions("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                "dynamodb:Scan", "dynamodb:ConditionCheckItem")
            .addResources(tableArn, tableArn + "/index/*"));
        case READ_WRITE -> doc.addStatement(s -> s.sid(sid("ReadWriteTable")).allow()
            .addActions("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                "dynamodb:Scan", "dynamodb:ConditionCheckItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem", "dynamodb:BatchWriteItem")
            .addResources(tableArn, tableArn + "/index/*"));
      }
      return this;
    }

    /** {@code dynamoDb(tableArn, TableAccess.DESCRIBE)}. */
    public Builder dynamoDbDescribe(String tableArn) {
      return dynamoDb(tableArn, TableAccess.DESCRIBE);
    }

    /** Appends a hand-built statement. */
    public Builder statement(Consumer<Statement.Builder> spec) {
      doc.addStatement(spec);
      empty = false;
      return this;
    }

    private String sid(String base) {
      empty = false;
      return base;
    }

    /**
     * @throws IllegalStateException when nothing was added
     */
    public PolicyDocument build() {
      if (empty) {
        throw new IllegalStateException("a permission policy needs at least one statement");
      }
      PolicyDocument built = doc.build();
      // Two presets of the same kind would repeat a Sid; number them so Sids stay unique.
      java.util.Map<String, Integer> seen = new java.util.HashMap<>();
      java.util.List<Statement> out = new java.util.ArrayList<>();
      for (Statement s : built.statements()) {
        if (s.sid().isPresent()) {
          int n = seen.merge(s.sid().get(), 1, Integer::sum);
          out.add(n == 1 ? s : s.toBuilder().sid(s.sid().get() + n).build());
        } else {
          out.add(s);
        }
      }
      return built.toBuilder().statements(out).build();
    }
  }
}
