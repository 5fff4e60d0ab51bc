package dev.irsa.verify.expect;

import dev.irsa.core.arn.Arn;
import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.arn.S3Arns;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The checks for one service account, in order, without duplicates. The presets mirror the
 * permission presets of {@code dev.irsa.core.policy.Permissions}: what such a policy must allow and
 * what it must still deny.
 *
 * <pre>{@code
 * // the seed: Permissions.builder().s3Read(bucket).dynamoDbDescribe(tableArn)
 * Expectations checks = Expectations.builder()
 *     .callerIdentity()
 *     .s3Read("irsa-demo-bucket", "hello.txt")
 *     .dynamoDbDescribe("arn:aws:dynamodb:us-west-2:111122223333:table/irsa-demo-table")
 *     .build();
 * }</pre>
 */
public final class Expectations implements Iterable<Expectation> {
  private final List<Expectation> all;

  private Expectations(List<Expectation> all) {
    this.all = List.copyOf(all);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Exactly these expectations (duplicates dropped, order kept). */
  public static Expectations of(List<Expectation> expectations) {
    return builder().addAll(expectations).build();
  }

  public List<Expectation> all() {
    return all;
  }

  public int size() {
    return all.size();
  }

  @Override
  public Iterator<Expectation> iterator() {
    return all.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expectations e && e.all.equals(all);
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  @Override
  public String toString() {
    return "Expectations" + all;
  }

  /** Appends checks; every method validates as {@link Expectation#allow(String, String)} does. */
  public static final class Builder {
    private final LinkedHashSet<Expectation> all = new LinkedHashSet<>();

    private Builder() {}

    /**
     * {@code action} on {@code resource} must be allowed.
     *
     * @throws IllegalArgumentException see {@link Expectation#allow(String, String)}
     */
    public Builder allow(String action, String resource) {
      return add(Expectation.allow(action, resource));
    }

    /**
     * {@code action} on {@code resource} must be denied.
     *
     * @throws IllegalArgumentException see {@link Expectation#allow(String, String)}
     */
    public Builder deny(String action, String resource) {
      return add(Expectation.deny(action, resource));
    }

    /** The identity check ({@code sts:GetCallerIdentity}: the service account gets a session of the role). */
    public Builder callerIdentity() {
      return add(Expectation.callerIdentity());
    }

    public Builder add(Expectation e) {
      all.add(Objects.requireNonNull(e, "expectation"));
      return this;
    }

    public Builder addAll(Iterable<Expectation> es) {
      es.forEach(this::add);
      return this;
    }

    /**
     * What {@code Permissions.s3Read(bucket)} must give and withhold, probed on {@code key}: allowed
     * {@code s3:ListBucket} on the bucket and {@code s3:GetObject} on the object; denied
     * {@code s3:DeleteObject} and {@code s3:PutObject} on it.
     *
     * @throws IllegalArgumentException for an invalid bucket name or an empty key
     */
    public Builder s3Read(String bucket, String key) {
      String b = S3Arns.bucket(bucket);
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("key must not be empty");
      }
      String o = S3Arns.object(bucket, key);
      add(Expectation.allow("s3:ListBucket", b).withLabel("aws s3 ls s3://" + bucket));
      add(Expectation.allow("s3:GetObject", o).withLabel("aws s3 cp s3://" + bucket + "/" + key + " -"));
      add(Expectation.deny("s3:DeleteObject", o).withLabel("aws s3 rm s3://" + bucket + "/" + key));
      add(Expectation.deny("s3:PutObject", o).withLabel("aws s3 cp - s3://" + bucket + "/" + key));
      return this;
    }

    /**
     * What {@code Permissions.dynamoDbDescribe(tableArn)} must give and withhold: allowed
     * {@code dynamodb:DescribeTable}; denied {@code dynamodb:DeleteTable} and {@code dynamodb:PutItem}.
     *
     * @throws IllegalArgumentException when {@code tableArn} is not a DynamoDB table ARN
     */
    public Builder dynamoDbDescribe(String tableArn) {
      Arn.parse(tableArn);
      String table = DynamoDbArns.tableNameOf(tableArn);
      add(Expectation.allow("dynamodb:DescribeTable", tableArn).withLabel("aws dynamodb describe-table --table-name " + table));
      add(Expectation.deny("dynamodb:DeleteTable", tableArn).withLabel("aws dynamodb delete-table --table-name " + table));
      add(Expectation.deny("dynamodb:PutItem", tableArn).withLabel("aws dynamodb put-item --table-name " + table));
      return this;
    }

    public Expectations build() {
      return new Expectations(new ArrayList<>(all));
    }
  }
}
