package dev.irsa.core.arn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArnTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:s3:::my-bucket",
      "arn:aws:s3:::my-bucket/path/to/key",
      "arn:aws:dynamodb:us-east-1:111122223333:table/orders/index/by-customer",
      "arn:aws-cn:iam::111122223333:role/service/demo",
      "arn:aws-us-gov:sts::111122223333:assumed-role/demo/session",
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
      "arn:aws:logs:eu-west-1:111122223333:log-group:app:*",
      "arn:aws-iso-b:ec2:us-isob-east-1:111122223333:instance/i-1",
      "arn:aws-eusc:s3:::bucket",
  })
  void parsesAndFormatsInEveryPartition(String text) {
    Arn arn = Arn.parse(text);
    assertThat(arn.toString()).isEqualTo(text);
    assertThat(Arn.of(arn.partition(), arn.service(), arn.region(), arn.account(), arn.resource())).isEqualTo(arn);
  }

  @Test
  void parts() {
    Arn arn = Arn.parse("arn:aws:logs:eu-west-1:111122223333:log-group:app:*");
    assertThat(arn.partition()).isEqualTo(Partition.AWS);
    assertThat(arn.service()).isEqualTo("logs");
    assertThat(arn.region()).isEqualTo("eu-west-1");
    assertThat(arn.account()).isEqualTo("111122223333");
    assertThat(arn.resource()).isEqualTo("log-group:app:*");
    assertThat(arn.resourceType()).isEqualTo("log-group");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "arn:aws:s3 | invalid ARN 'arn:aws:s3': expected 6 colon-separated parts (arn:partition:service:region:account:resource), got 3",
      "urn:aws:s3:::b | invalid ARN 'urn:aws:s3:::b': must start with 'arn:'",
      "arn:amazon:s3:::b | invalid ARN 'arn:amazon:s3:::b': unknown partition 'amazon' (expected one of aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc)",
      "arn:aws:S3:::b | invalid ARN 'arn:aws:S3:::b': service must be lowercase letters, digits and '-', got 'S3'",
      "arn:aws:dynamodb:useast1:111122223333:table/t | invalid ARN 'arn:aws:dynamodb:useast1:111122223333:table/t': region must be empty or like 'us-east-1', got 'useast1'",
      "arn:aws:iam::1234:role/r | invalid ARN 'arn:aws:iam::1234:role/r': account must be empty, 12 digits or 'aws', got '1234'",
      "arn:aws:s3::: | invalid ARN 'arn:aws:s3:::': resource part must not be empty",
  })
  void rejectsInvalidArnsNamingThePart(String text, String message) {
    assertThatThrownBy(() -> Arn.parse(text)).isInstanceOf(InvalidArnException.class).hasMessage(message);
    assertThat(Arn.isValid(text)).isFalse();
  }

  @Test
  void roleArnsWithPathsAndTheirSessions() {
    RoleArn role = RoleArn.parse("arn:aws:iam::111122223333:role/service/team/irsa-demo");
    assertThat(role.path()).isEqualTo("/service/team/");
    assertThat(role.name()).isEqualTo("irsa-demo");
    // STS drops the path from session ARNs
    assertThat(role.session("botocore-session-1").toString())
        .isEqualTo("arn:aws:sts::111122223333:assumed-role/irsa-demo/botocore-session-1");
    assertThat(RoleArn.of("111122223333", "irsa-demo").toString()).isEqualTo("arn:aws:iam::111122223333:role/irsa-demo");
    assertThatThrownBy(() -> RoleArn.parse("arn:aws:iam::111122223333:user/bob"))
        .hasMessage("invalid ARN 'arn:aws:iam::111122223333:user/bob': not an IAM role ARN "
            + "(expected arn:<partition>:iam::<account>:role/<path/>name)");
    assertThatThrownBy(() -> RoleArn.of("111122223333", "a".repeat(65)))
        .hasMessageStartingWith("role name must be 1 to 64 letters, digits or +=,.@_- characters, got: 'aaaa");
    assertThatThrownBy(() -> RoleArn.of(Partition.AWS, "111122223333", "no-slash", "r"))
        .hasMessage("IAM path must begin and end with '/' and contain only printable ASCII (at most 512 characters), got: 'no-slash'");
  }

  @Test
  void assumedRoleArns() {
    AssumedRoleArn s = AssumedRoleArn.parse("arn:aws:sts::111122223333:assumed-role/irsa-demo/session-1");
    assertThat(s.roleName()).isEqualTo("irsa-demo");
    assertThat(s.sessionName()).isEqualTo("session-1");
    assertThat(s.roleAtRootPath()).isEqualTo(RoleArn.of("111122223333", "irsa-demo"));
    assertThatThrownBy(() -> AssumedRoleArn.parse("arn:aws:sts::111122223333:assumed-role/irsa-demo"))
        .hasMessageContaining("not an assumed-role ARN");
  }

  @Test
  void managedPolicyArns() {
    assertThat(PolicyArn.parse("arn:aws:iam::aws:policy/service-role/AmazonEKSClusterPolicy").isAwsManaged()).isTrue();
    assertThat(PolicyArn.awsManaged("ReadOnlyAccess").toString()).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
    PolicyArn p = PolicyArn.of(Partition.AWS, "111122223333", "/irsa/", "irsa-demo");
    assertThat(p.toString()).isEqualTo("arn:aws:iam::111122223333:policy/irsa/irsa-demo");
    assertThat(PolicyArn.parse(p.toString())).isEqualTo(p);
  }

  @Test
  void s3AndDynamoDbHelpers() {
    assertThat(S3Arns.bucket("my-bucket")).isEqualTo("arn:aws:s3:::my-bucket");
    assertThat(S3Arns.allObjects("my-bucket")).isEqualTo("arn:aws:s3:::my-bucket/*");
    assertThat(S3Arns.objects(Partition.AWS_CN, "my-bucket", "logs/")).isEqualTo("arn:aws-cn:s3:::my-bucket/logs/*");
    assertThat(S3Arns.object("my-bucket", "a/b.txt")).isEqualTo("arn:aws:s3:::my-bucket/a/b.txt");
    assertThat(DynamoDbArns.table("cn-north-1", "111122223333", "orders"))
        .isEqualTo("arn:aws-cn:dynamodb:cn-north-1:111122223333:table/orders");
    assertThat(DynamoDbArns.index("us-east-1", "111122223333", "orders", "by-customer"))
        .isEqualTo("arn:aws:dynamodb:us-east-1:111122223333:table/orders/index/by-customer");
    assertThat(DynamoDbArns.tableNameOf("arn:aws:dynamodb:us-east-1:111122223333:table/orders/index/x")).isEqualTo("orders");
    assertThatThrownBy(() -> DynamoDbArns.table("us-east-1", "111122223333", "a b"))
        .hasMessage("DynamoDB table or index name must be 3 to 255 letters, digits, '_', '-' or '.', got: 'a b'");
  }

  @ParameterizedTest
  @CsvSource({"us-east-1, aws", "cn-northwest-1, aws-cn", "us-gov-east-1, aws-us-gov", "us-iso-east-1, aws-iso",
      "us-isob-east-1, aws-iso-b", "eu-isoe-west-1, aws-iso-e", "us-isof-south-1, aws-iso-f", "eusc-de-east-1, aws-eusc"})
  void partitionOfRegion(String region, String partition) {
    assertThat(Partition.ofRegion(region).id()).isEqualTo(partition);
  }
}
