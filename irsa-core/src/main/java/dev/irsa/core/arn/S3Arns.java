package dev.irsa.core.arn;

import dev.irsa.core.internal.Quote;
import java.util.regex.Pattern;

/** ARNs and ARN patterns for S3 buckets and objects (S3 ARNs have no region or account). */
public final class S3Arns {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private S3Arns() {}

  /**
   * Validates a bucket name: 3-63 lowercase letters, digits, '.' and '-'.
   *
   * @throws IllegalArgumentException quoting the bad name
   */
  public static String bucketName(String bucket) {
    if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      throw new IllegalArgumentException("S3 bucket name must be 3 to 63 lowercase letters, digits, '.' or '-', "
          + "starting and ending with a letter or digit, got: " + Quote.single(bucket));
    }
    return bucket;
  }

  /** {@code arn:aws:s3:::bucket}: what ListBucket and other bucket actions take. */
  public static String bucket(String bucket) {
    return bucket(Partition.AWS, bucket);
  }

  public static String bucket(Partition partition, String bucket) {
    return "arn:" + partition.id() + ":s3:::" + bucketName(bucket);
  }

  /** {@code arn:aws:s3:::bucket/*}: every object in the bucket. */
  public static String allObjects(String bucket) {
    return objects(Partition.AWS, bucket, "");
  }

  /** {@code arn:aws:s3:::bucket/prefix*}: objects whose key starts with {@code prefix}. */
  public static String objects(Partition partition, String bucket, String prefix) {
    return bucket(partition, bucket) + "/" + prefix + "*";
  }

  /** {@code arn:aws:s3:::bucket/key}: one object. */
  public static String object(String bucket, String key) {
    return object(Partition.AWS, bucket, key);
  }

  public static String object(Partition partition, String bucket, String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("S3 object key must not be empty");
    }
    return bucket(partition, bucket) + "/" + key;
  }
}
