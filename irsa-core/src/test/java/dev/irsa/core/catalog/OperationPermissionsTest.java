package dev.irsa.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OperationPermissionsTest {
  private static final Map<String, String> VALUES = Map.of("Partition", "aws", "BucketName", "b", "Key", "k",
      "SourceBucketName", "src", "SourceKey", "sk", "Region", "us-west-2", "Account", "111122223333",
      "TableName", "t");

  @ParameterizedTest(name = "{0} needs {1} on {2}")
  @CsvSource({
      "s3:ListObjectsV2, s3:ListBucket, arn:aws:s3:::b",
      "s3:ListObjects, s3:ListBucket, arn:aws:s3:::b",
      "s3:HeadBucket, s3:ListBucket, arn:aws:s3:::b",
      "s3:HeadObject, s3:GetObject, arn:aws:s3:::b/k",
      "s3:GetObject, s3:GetObject, arn:aws:s3:::b/k",
      "s3:GetObjectVersion, s3:GetObjectVersion, arn:aws:s3:::b/k",
      "s3:PutObject, s3:PutObject, arn:aws:s3:::b/k",
      "s3:DeleteObject, s3:DeleteObject, arn:aws:s3:::b/k",
      "s3:DeleteObjectVersion, s3:DeleteObjectVersion, arn:aws:s3:::b/k",
      "s3:ListBuckets, s3:ListAllMyBuckets, *",
      "dynamodb:DescribeTable, dynamodb:DescribeTable, arn:aws:dynamodb:us-west-2:111122223333:table/t",
      "dynamodb:DeleteTable, dynamodb:DeleteTable, arn:aws:dynamodb:us-west-2:111122223333:table/t",
      "dynamodb:GetItem, dynamodb:GetItem, arn:aws:dynamodb:us-west-2:111122223333:table/t",
      "dynamodb:BatchWriteItem, dynamodb:BatchWriteItem, arn:aws:dynamodb:us-west-2:111122223333:table/t",
      "dynamodb:TransactGetItems, dynamodb:GetItem, arn:aws:dynamodb:us-west-2:111122223333:table/t",
      "dynamodb:ListTables, dynamodb:ListTables, *"
  })
  void mapsOneOperationToOnePermission(String operation, String action, String resource) {
    List<RequiredPermission> p = OperationPermissions.of(operation).orElseThrow();
    assertThat(p).hasSize(1);
    assertThat(p.get(0).action()).isEqualTo(action);
    assertThat(p.get(0).resource(VALUES)).isEqualTo(resource);
  }

  @Test
  void copyObjectReadsTheSourceAndWritesTheTarget() {
    assertThat(OperationPermissions.of("s3:copyobject").orElseThrow()).extracting(p -> p.action() + " " + p.resource(VALUES))
        .containsExactly("s3:GetObject arn:aws:s3:::src/sk", "s3:PutObject arn:aws:s3:::b/k");
  }

  @Test
  void transactWriteItemsListsEveryItemAction() {
    assertThat(OperationPermissions.of("dynamodb:TransactWriteItems").orElseThrow()).extracting(RequiredPermission::action)
        .containsExactly("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
  }

  @Test
  void getCallerIdentityNeedsNothingAndUnknownOperationsAreAbsent() {
    assertThat(OperationPermissions.of("sts:GetCallerIdentity")).hasValue(List.of());
    assertThat(OperationPermissions.of("s3:RestoreObject")).isEmpty();
  }

  @Test
  void aMissingPlaceholderValueIsNamed() {
    RequiredPermission p = OperationPermissions.of("s3:GetObject").orElseThrow().get(0);
    assertThatThrownBy(() -> p.resource(Map.of("Partition", "aws")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for ${BucketName} in arn:${Partition}:s3:::${BucketName}/${Key} (given: [Partition])");
  }

  static List<String> allOperations() {
    return OperationPermissions.operations();
  }

  @ParameterizedTest
  @MethodSource("allOperations")
  void everyPermissionIsARealActionThatCanMatchItsResource(String operation) {
    for (RequiredPermission p : OperationPermissions.of(operation).orElseThrow()) {
      ServiceAction action = ServiceCatalog.aws().action(p.action()).orElseThrow(() -> new AssertionError(p.action()));
      assertThat(action.canMatch(p.resource(VALUES))).as(p.toString()).isTrue();
    }
  }
}
