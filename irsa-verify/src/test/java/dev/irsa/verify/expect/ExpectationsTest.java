package dev.irsa.verify.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expectations are checked against the AWS service authorization reference when they are built. */
class ExpectationsTest {
  static final String TABLE = "arn:aws:dynamodb:us-west-2:111122223333:table/irsa-demo-table";

  @Test
  void unknownActionIsRefusedWithTheCatalogsSuggestions() {
    // The seed's text says "s3:ListBuckets": no such IAM action exists, so a deny check on it would pass vacuously.
    assertThatThrownBy(() -> Expectation.deny("s3:ListBuckets", "arn:aws:s3:::irsa-demo-bucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown action s3:ListBuckets (did you mean s3:ListBucket, s3:ListAllMyBuckets?)");
  }

  @Test
  void unknownServiceIsRefused() {
    assertThatThrownBy(() -> Expectation.allow("s4:GetObject", "*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown service in action s4:GetObject");
  }

  @Test
  void wildcardsAndBadResourcesAreRefused() {
    assertThatThrownBy(() -> Expectation.allow("s3:Get*", "*"))
        .hasMessage("action must name one action (no wildcard), got: 's3:Get*'");
    assertThatThrownBy(() -> Expectation.allow("s3:GetObject", "bucket/key"))
        .hasMessage("resource must be an ARN or *, got: 'bucket/key'");
    assertThatThrownBy(() -> Expectation.allow("s3:GetObject", "arn:aws:s3:::bucket/*"))
        .hasMessage("resource must name one resource (no wildcard), got: 'arn:aws:s3:::bucket/*'");
  }

  @Test
  void anArnTheActionCanNeverApplyToIsRefused() {
    // s3:GetObject takes objects (arn:aws:s3:::bucket/key), never a bucket
    assertThatThrownBy(() -> Expectation.allow("s3:GetObject", "arn:aws:s3:::irsa-demo-bucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("s3:GetObject can never apply to arn:aws:s3:::irsa-demo-bucket (it takes ");
  }

  @Test
  void actionIsSpelledAsTheCatalogDoes() {
    Expectation e = Expectation.allow("S3:listbucket", "arn:aws:s3:::irsa-demo-bucket");
    assertThat(e.action()).isEqualTo("s3:ListBucket");
    assertThat(e).hasToString("allow s3:ListBucket on arn:aws:s3:::irsa-demo-bucket");
    assertThat(e).isEqualTo(Expectation.allow("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket").withLabel("x"));
  }

  @Test
  void seedPresetMirrorsThePermissionPresets() {
    // Permissions.builder().s3Read(bucket).dynamoDbDescribe(tableArn): what it must give and withhold
    Expectations seed = Expectations.builder().callerIdentity().s3Read("irsa-demo-bucket", "hello.txt")
        .dynamoDbDescribe(TABLE).build();
    assertThat(seed.all()).extracting(Expectation::name).containsExactly(
        "allow sts:GetCallerIdentity on *",
        "allow s3:ListBucket on arn:aws:s3:::irsa-demo-bucket",
        "allow s3:GetObject on arn:aws:s3:::irsa-demo-bucket/hello.txt",
        "deny s3:DeleteObject on arn:aws:s3:::irsa-demo-bucket/hello.txt",
        "deny s3:PutObject on arn:aws:s3:::irsa-demo-bucket/hello.txt",
        "allow dynamodb:DescribeTable on " + TABLE,
        "deny dynamodb:DeleteTable on " + TABLE,
        "deny dynamodb:PutItem on " + TABLE);
    assertThat(seed.all()).extracting(Expectation::label).contains("aws s3 ls s3://irsa-demo-bucket",
        "aws s3 rm s3://irsa-demo-bucket/hello.txt", "aws dynamodb delete-table --table-name irsa-demo-table");
  }

  @Test
  void duplicatesAreDroppedInOrder() {
    Expectations e = Expectations.builder().allow("s3:ListBucket", "arn:aws:s3:::b").allow("s3:ListBucket", "arn:aws:s3:::b")
        .build();
    assertThat(e.size()).isEqualTo(1);
  }
}
