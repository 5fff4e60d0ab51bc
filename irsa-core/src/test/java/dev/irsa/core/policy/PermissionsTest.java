package dev.irsa.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.Golden;
import dev.irsa.core.arn.InvalidArnException;
import org.junit.jupiter.api.Test;

class PermissionsTest {
  static final String TABLE = "arn:aws:dynamodb:us-west-2:111122223333:table/irsa-demo-table";

  static void assertGolden(String name, PolicyDocument doc) {
    Golden.assertMatches("policy/" + name + ".json", doc.toJson(JsonFormat.PRETTY));
    assertThat(PolicyDocument.fromJson(Golden.read("policy/" + name + ".json"))).isEqualTo(doc);
  }

  @Test
  void theSeedPolicyIsOneShortBuilderCall() {
    PolicyDocument seed = Permissions.builder().s3Read("irsa-demo-bucket").dynamoDbDescribe(TABLE).build();
    assertGolden("seed", seed);
  }

  @Test
  void readOnlyUnderAPrefix() {
    assertGolden("s3-read-prefix", Permissions.builder().s3Read("irsa-demo-bucket", "reports/").build());
  }

  @Test
  void readWriteAndTableAccessLevels() {
    assertGolden("read-write", Permissions.builder()
        .s3ReadWrite("irsa-demo-bucket")
        .dynamoDb(TABLE, Permissions.TableAccess.READ_WRITE)
        .build());
    PolicyDocument read = Permissions.builder().dynamoDb(TABLE, Permissions.TableAccess.READ).build();
    assertThat(read.statements().get(0).resources()).containsExactly(TABLE, TABLE + "/index/*");
    assertThat(read.statements().get(0).actions()).doesNotContain("dynamodb:PutItem");
  }

  @Test
  void repeatedPresetsKeepSidsUnique() {
    PolicyDocument two = Permissions.builder().s3Read("bucket-one").s3Read("bucket-two").build();
    assertThat(two.statements()).extracting(s -> s.sid().orElseThrow())
        .containsExactly("ListBucket", "ReadObjects", "ListBucket2", "ReadObjects2");
  }

  @Test
  void validatesEarlyQuotingTheBadValue() {
    assertThatThrownBy(() -> Permissions.builder().s3Read("My_Bucket"))
        .hasMessage("S3 bucket name must be 3 to 63 lowercase letters, digits, '.' or '-', starting and ending with "
            + "a letter or digit, got: 'My_Bucket'");
    assertThatThrownBy(() -> Permissions.builder().dynamoDbDescribe("arn:aws:s3:::bucket"))
        .isInstanceOf(InvalidArnException.class)
        .hasMessage("invalid ARN 'arn:aws:s3:::bucket': not a DynamoDB table ARN "
            + "(expected arn:<partition>:dynamodb:<region>:<account>:table/<name>)");
    assertThatThrownBy(() -> Permissions.builder().s3Read("b-1", "logs/*"))
        .hasMessage("S3 key prefix must not contain wildcards, got: 'logs/*'");
    assertThatThrownBy(() -> Permissions.builder().build())
        .hasMessage("a permission policy needs at least one statement");
  }
}
