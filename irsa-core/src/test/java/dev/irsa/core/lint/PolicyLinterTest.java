package dev.irsa.core.lint;

import static dev.irsa.core.lint.FindingCode.*;
import static dev.irsa.core.lint.PolicyKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.PodIdentityTrust;
import dev.irsa.core.trust.ServiceAccountRef;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyLinterTest {
  private static final PolicyLinter LINTER = PolicyLinter.create();
  private static final String HOST = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  private static final String PROVIDER = "arn:aws:iam::111122223333:oidc-provider/" + HOST;

  /** A 2012-10-17 document with the given statements. */
  private static String doc(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  private static String allow(String rest) {
    return "{\"Effect\":\"Allow\"," + rest + "}";
  }

  /** An IRSA trust statement with the given Condition object. */
  private static String irsa(String condition) {
    return doc("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + PROVIDER + "\"},"
        + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":" + condition + "}");
  }

  private static String sub(String op, String value) {
    if (op.equals("StringEquals")) {
      return "{\"StringEquals\":{\"" + HOST + ":sub\":\"" + value + "\",\"" + HOST + ":aud\":\"sts.amazonaws.com\"}}";
    }
    return "{\"" + op + "\":{\"" + HOST + ":sub\":\"" + value + "\"},\"StringEquals\":{\"" + HOST
        + ":aud\":\"sts.amazonaws.com\"}}";
  }

  private static final String GOOD_IRSA = irsa(sub("StringEquals", "system:serviceaccount:irsa-demo:aws-cli"));

  private static String podIdentity(String actions) {
    return doc("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"pods.eks.amazonaws.com\"},\"Action\":" + actions + "}");
  }

  /** code, kind, a document that has the problem, the path of the finding, a document that does not. */
  static Stream<Arguments> checks() {
    return Stream.of(
        arguments(INVALID_ELEMENT, IDENTITY, doc(allow("\"Action\":[],\"Resource\":\"*\"")), "$.Statement[0].Action",
            doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(INVALID_ELEMENT, IDENTITY, "{\"Version\":\"2012-10-17\",\"Statement\":[]}", "$.Statement",
            doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(UNKNOWN_ELEMENT, IDENTITY, doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"resource\":\"*\"")),
            "$.Statement[0].resource", doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(INVALID_VERSION, IDENTITY,
            "{\"Version\":\"2024-01-01\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}}",
            "$.Version", doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(MISSING_VERSION, IDENTITY,
            "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}}", "$",
            doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(MISSING_EFFECT, IDENTITY, doc("{\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}"), "$.Statement[0]",
            doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(INVALID_EFFECT, IDENTITY, doc("{\"Effect\":\"allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}"),
            "$.Statement[0].Effect", doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(MISSING_ACTION, IDENTITY, doc(allow("\"Resource\":\"*\"")), "$.Statement[0]",
            doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(CONFLICTING_ELEMENTS, IDENTITY,
            doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"")),
            "$.Statement[0].NotAction", doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(MISSING_RESOURCE, IDENTITY, doc(allow("\"Action\":\"s3:ListAllMyBuckets\"")), "$.Statement[0]",
            doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(RESOURCE_NOT_ALLOWED, TRUST, irsaWith("\"Resource\":\"*\","), "$.Statement[0].Resource", GOOD_IRSA),
        arguments(MISSING_PRINCIPAL, RESOURCE, doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"")),
            "$.Statement[0]", doc(allow("\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/*\""))),
        arguments(PRINCIPAL_NOT_ALLOWED, IDENTITY, doc(allow("\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::b/*\"")), "$.Statement[0].Principal",
            doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\""))),
        arguments(INVALID_ARN, IDENTITY, doc(allow("\"Action\":\"s3:ListBucket\",\"Resource\":\"my-bucket\"")),
            "$.Statement[0].Resource", doc(allow("\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::my-bucket\""))),
        arguments(INVALID_SID, IDENTITY, doc("{\"Sid\":\"list-bucket\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
            + "\"Resource\":\"arn:aws:s3:::b\"}"), "$.Statement[0].Sid",
            doc("{\"Sid\":\"ListBucket\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\"}")),
        arguments(DUPLICATE_SID, IDENTITY, doc(
            "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\"}",
            "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"),
            "$.Statement[1].Sid", doc(
            "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\"}",
            "{\"Sid\":\"B\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}")),
        arguments(POLICY_SIZE_EXCEEDS_QUOTA, SESSION, doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":["
            + "\"arn:aws:s3:::b/k\",".repeat(150) + "\"arn:aws:s3:::b/last\"]")), "$",
            doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\""))),
        arguments(INVALID_ACTION, IDENTITY, doc(allow("\"Action\":\"GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"")),
            "$.Statement[0].Action", doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\""))),
        arguments(UNKNOWN_SERVICE, IDENTITY, doc(allow("\"Action\":[\"s3:GetObject\",\"s4:GetObject\"],"
            + "\"Resource\":\"arn:aws:s3:::b/*\"")), "$.Statement[0].Action[1]",
            doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\""))),
        arguments(UNKNOWN_ACTION, IDENTITY, doc(allow("\"Action\":\"s3:ListBuckets\",\"Resource\":\"arn:aws:s3:::b\"")),
            "$.Statement[0].Action", doc(allow("\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\""))),
        arguments(RESOURCE_TYPE_MISMATCH, IDENTITY, doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b\"")),
            "$.Statement[0].Action", doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\""))),
        arguments(ACTION_REQUIRES_WILDCARD_RESOURCE, IDENTITY,
            doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"arn:aws:s3:::b\"")), "$.Statement[0].Action",
            doc(allow("\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\""))),
        arguments(TRUST_ACTION_NOT_STS, TRUST, doc("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
            + "\"Action\":[\"sts:AssumeRole\",\"s3:GetObject\"]}"), "$.Statement[0].Action[1]",
            doc("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}")),
        arguments(INVALID_CONDITION_OPERATOR, IDENTITY, withCondition("{\"stringEquals\":{\"aws:PrincipalOrgID\":\"o-a1\"}}"),
            "$.Statement[0].Condition.stringEquals", withCondition("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1\"}}")),
        arguments(NULL_WITH_IF_EXISTS, IDENTITY, withCondition("{\"NullIfExists\":{\"aws:TokenIssueTime\":\"true\"}}"),
            "$.Statement[0].Condition.NullIfExists", withCondition("{\"Null\":{\"aws:TokenIssueTime\":\"true\"}}")),
        arguments(CONDITION_TYPE_MISMATCH, IDENTITY,
            withCondition("{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"one hour\"}}"),
            "$.Statement[0].Condition.NumericLessThan['aws:MultiFactorAuthAge']",
            withCondition("{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":3600}}")),
        arguments(CONDITION_TYPE_MISMATCH, IDENTITY,
            withCondition("{\"DateLessThan\":{\"aws:CurrentTime\":\"next tuesday\"}}"),
            "$.Statement[0].Condition.DateLessThan['aws:CurrentTime']",
            withCondition("{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-12-31T23:59:59Z\"}}")),
        arguments(CONDITION_TYPE_MISMATCH, IDENTITY,
            withCondition("{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"10.0.0.300\"]}}"),
            "$.Statement[0].Condition.IpAddress['aws:SourceIp'][1]",
            withCondition("{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}}")),
        arguments(CONDITION_TYPE_MISMATCH, IDENTITY, withCondition("{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":[\"1h\"]}}"),
            "$.Statement[0].Condition.NumericLessThan['aws:MultiFactorAuthAge'][0]",
            withCondition("{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":[\"3600\"]}}")),
        arguments(CONDITION_TYPE_MISMATCH, IDENTITY, withCondition("{\"Bool\":{\"aws:SecureTransport\":\"yes\"}}"),
            "$.Statement[0].Condition.Bool['aws:SecureTransport']",
            withCondition("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}")),
        arguments(CONDITION_TYPE_MISMATCH, IDENTITY, withCondition("{\"StringEquals\":{\"aws:SecureTransport\":\"true\"}}"),
            "$.Statement[0].Condition.StringEquals['aws:SecureTransport']",
            withCondition("{\"Bool\":{\"aws:SecureTransport\":true}}")),
        arguments(FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY, IDENTITY,
            withCondition("{\"ForAllValues:StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1\"}}"),
            "$.Statement[0].Condition['ForAllValues:StringEquals']['aws:PrincipalOrgID']",
            withCondition("{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"env\"]}}")),
        arguments(FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY, IDENTITY,
            withCondition("{\"ForAnyValue:StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1\"}}"),
            "$.Statement[0].Condition['ForAnyValue:StringEquals']['aws:PrincipalOrgID']",
            withCondition("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1\"}}")),
        arguments(MULTIVALUED_KEY_WITHOUT_SET_OPERATOR, IDENTITY, withCondition("{\"StringEquals\":{\"aws:TagKeys\":\"team\"}}"),
            "$.Statement[0].Condition.StringEquals['aws:TagKeys']",
            withCondition("{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":\"team\"}}")),
        arguments(WILDCARD_WITHOUT_LIKE, IDENTITY, withCondition("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-*\"}}"),
            "$.Statement[0].Condition.StringEquals['aws:PrincipalOrgID']",
            withCondition("{\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}}")),
        arguments(POLICY_VARIABLE_NOT_ALLOWED, IDENTITY, doc(allow("\"Action\":\"s3:${aws:username}\",\"Resource\":\"*\"")),
            "$.Statement[0].Action", doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\""))),
        arguments(POLICY_VARIABLE_IN_OLD_VERSION, IDENTITY, "{\"Version\":\"2008-10-17\",\"Statement\":" + allow(
            "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\"") + "}", "$.Statement.Resource",
            doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\""))),
        arguments(ALLOW_WITH_NOT_ACTION, IDENTITY, doc(allow("\"NotAction\":\"iam:*\",\"Resource\":\"*\"")),
            "$.Statement[0].NotAction", doc("{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}")),
        arguments(ALLOW_WITH_NOT_RESOURCE, IDENTITY, doc(allow("\"Action\":\"s3:GetObject\",\"NotResource\":\"arn:aws:s3:::secret/*\"")),
            "$.Statement[0].NotResource", doc("{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"NotResource\":\"arn:aws:s3:::b/*\"}")),
        arguments(ALLOW_WITH_NOT_PRINCIPAL, RESOURCE, doc(allow("\"NotPrincipal\":{\"AWS\":\"111122223333\"},"
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"")), "$.Statement[0].NotPrincipal",
            doc("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/*\"}")),
        arguments(PASS_ROLE_ON_ALL_RESOURCES, IDENTITY, doc(allow("\"Action\":\"iam:PassRole\",\"Resource\":\"*\"")),
            "$.Statement[0].Resource", doc(allow("\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::111122223333:role/app\""))),
        arguments(PERMISSIONS_MANAGEMENT_ON_ALL_RESOURCES, IDENTITY, doc(allow("\"Action\":\"iam:PutRolePolicy\",\"Resource\":\"*\"")),
            "$.Statement[0].Resource",
            doc(allow("\"Action\":\"iam:PutRolePolicy\",\"Resource\":\"arn:aws:iam::111122223333:role/app\""))),
        arguments(WRITE_ON_ALL_RESOURCES, IDENTITY, doc(allow("\"Action\":\"s3:PutObject\",\"Resource\":\"*\"")),
            "$.Statement[0].Resource", doc(allow("\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::b/*\""))),
        // IRSA and Pod Identity trust
        arguments(FEDERATED_NOT_OIDC_PROVIDER, TRUST, GOOD_IRSA.replace(PROVIDER, HOST), "$.Statement[0].Principal.Federated",
            GOOD_IRSA),
        arguments(CONDITION_KEY_HAS_SCHEME, TRUST, GOOD_IRSA.replace("\"" + HOST + ":sub", "\"https://" + HOST + ":sub"),
            "$.Statement[0].Condition.StringEquals['https://" + HOST + ":sub']", GOOD_IRSA),
        arguments(CONDITION_KEY_HOST_MISMATCH, TRUST, GOOD_IRSA.replace(HOST + ":sub", HOST.replace("EXAMPLED", "OTHER") + ":sub"),
            "$.Statement[0].Condition.StringEquals['" + HOST.replace("EXAMPLED", "OTHER") + ":sub']", GOOD_IRSA),
        arguments(MISSING_SUB_CONDITION, TRUST, irsa("{\"StringEquals\":{\"" + HOST + ":aud\":\"sts.amazonaws.com\"}}"),
            "$.Statement[0]", GOOD_IRSA),
        arguments(MISSING_AUD_CONDITION, TRUST, irsa("{\"StringEquals\":{\"" + HOST + ":sub\":\"system:serviceaccount:a:b\"}}"),
            "$.Statement[0]", GOOD_IRSA),
        arguments(AUDIENCE_MISMATCH, TRUST, GOOD_IRSA.replace("sts.amazonaws.com", "sts.amazon.com"),
            "$.Statement[0].Condition.StringEquals['" + HOST + ":aud']", GOOD_IRSA),
        arguments(WILDCARD_IN_STRING_EQUALS, TRUST, irsa(sub("StringEquals", "system:serviceaccount:irsa-demo:*")),
            "$.Statement[0].Condition.StringEquals['" + HOST + ":sub']",
            irsa(sub("StringLike", "system:serviceaccount:irsa-demo:*"))),
        arguments(SUB_WILDCARD_NAMESPACE, TRUST, irsa(sub("StringLike", "system:serviceaccount:*:aws-cli")),
            "$.Statement[0].Condition.StringLike['" + HOST + ":sub']",
            irsa(sub("StringLike", "system:serviceaccount:irsa-demo:aws-*"))),
        arguments(SUB_ANY_SERVICE_ACCOUNT, TRUST, irsa(sub("StringLike", "system:serviceaccount:*")),
            "$.Statement[0].Condition.StringLike['" + HOST + ":sub']", GOOD_IRSA),
        arguments(SUB_ANY_SERVICE_ACCOUNT, TRUST, irsa(sub("StringLike", "*")),
            "$.Statement[0].Condition.StringLike['" + HOST + ":sub']", GOOD_IRSA),
        arguments(SUB_NOT_SERVICE_ACCOUNT, TRUST, irsa(sub("StringEquals", "irsa-demo:aws-cli")),
            "$.Statement[0].Condition.StringEquals['" + HOST + ":sub']", GOOD_IRSA),
        arguments(SUB_NEGATED_ONLY, TRUST, irsa(sub("StringNotEquals", "system:serviceaccount:kube-system:default")),
            "$.Statement[0].Condition.StringNotEquals['" + HOST + ":sub']", GOOD_IRSA),
        arguments(IRSA_WRONG_ACTION, TRUST, GOOD_IRSA.replace("sts:AssumeRoleWithWebIdentity", "sts:AssumeRole"),
            "$.Statement[0].Action", GOOD_IRSA),
        arguments(POD_IDENTITY_MISSING_TAG_SESSION, TRUST, podIdentity("\"sts:AssumeRole\""), "$.Statement[0].Action",
            podIdentity("[\"sts:AssumeRole\",\"sts:TagSession\"]")),
        arguments(POD_IDENTITY_MISSING_ASSUME_ROLE, TRUST, podIdentity("\"sts:TagSession\""), "$.Statement[0].Action",
            podIdentity("[\"sts:AssumeRole\",\"sts:TagSession\"]")),
        // Simplifications
        arguments(EMPTY_CONDITION, IDENTITY, withCondition("{}"), "$.Statement[0].Condition",
            withCondition("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}")),
        arguments(EMPTY_CONDITION, IDENTITY, withCondition("{\"StringEquals\":{}}"), "$.Statement[0].Condition.StringEquals",
            withCondition("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}")),
        arguments(REDUNDANT_ACTION, IDENTITY, doc(allow("\"Action\":[\"s3:Get*\",\"s3:getobject\"],\"Resource\":\"arn:aws:s3:::b/*\"")),
            "$.Statement[0].Action[1]", doc(allow("\"Action\":[\"s3:Get*\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::b/*\""))),
        arguments(REDUNDANT_ACTION, IDENTITY, doc(allow("\"Action\":[\"s3:GetObject\",\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::b/*\"")),
            "$.Statement[0].Action[1]", doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\""))),
        arguments(REDUNDANT_RESOURCE, IDENTITY, doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":[\"arn:aws:s3:::b/*\","
            + "\"arn:aws:s3:::b/reports/1.csv\"]")), "$.Statement[0].Resource[1]",
            doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":[\"arn:aws:s3:::b/*\",\"arn:aws:s3:::B/reports/1.csv\"]"))));
  }

  private static String withCondition(String condition) {
    return doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":" + condition));
  }

  private static String irsaWith(String extra) {
    return GOOD_IRSA.replace("\"Action\":", extra + "\"Action\":");
  }

  @ParameterizedTest(name = "{0} ({1}) at {3}")
  @MethodSource("checks")
  void eachCheckFiresOnItsFailingExample(FindingCode code, PolicyKind kind, String bad, String path, String good) {
    // Given a policy with the problem / When it is linted
    LintReport report = LINTER.lint(bad, kind);
    // Then the finding is there, at the offending element, with the code's severity (or less for resource policies)
    assertThat(report.findings(code)).as(report.toTable()).extracting(Finding::path).contains(path);
  }

  @ParameterizedTest(name = "{0} ({1}) passes its fixed example")
  @MethodSource("checks")
  void eachCheckIsQuietOnItsPassingExample(FindingCode code, PolicyKind kind, String bad, String path, String good) {
    LintReport report = LINTER.lint(good, kind);
    assertThat(report.findings(code)).as(report.toTable()).isEmpty();
  }

  @Test
  void everyCodeHasAFailingAndAPassingExample() {
    List<FindingCode> covered = checks().map(a -> (FindingCode) a.get()[0]).distinct().toList();
    assertThat(covered).containsExactlyInAnyOrder(FindingCode.values());
  }

  @Test
  void theSeedPoliciesHaveNoErrors() {
    // Given the seed's permission policy (ListBucket, GetObject(Version), dynamodb List*/Describe* on one table)
    PolicyDocument policy = Permissions.builder().s3Read("irsa-demo-bucket")
        .dynamoDbDescribe(DynamoDbArns.table("us-west-2", "111122223333", "irsa-demo-table")).build();
    OidcProvider cluster = OidcProvider.fromIssuer("https://" + HOST, "111122223333");
    PolicyDocument trust = IrsaTrust.of(cluster, ServiceAccountRef.of("irsa-demo", "aws-cli"));
    // When they are linted / Then there is nothing to report
    assertThat(LINTER.lint(policy, IDENTITY).findings()).isEmpty();
    assertThat(LINTER.lint(trust, TRUST).findings()).isEmpty();
    assertThat(LINTER.lint(PodIdentityTrust.builder().build(), TRUST).findings()).isEmpty();
  }

  @Test
  void theSeedsListBucketsWordingGetsASuggestion() {
    // Given the permission as the seed's text words it
    String json = doc(allow("\"Action\":\"s3:ListBuckets\",\"Resource\":\"arn:aws:s3:::irsa-demo-bucket\""));
    // When linted
    LintReport report = LINTER.lint(json, IDENTITY);
    // Then one unknown-action error names both real actions
    assertThat(report.findings()).containsExactly(new Finding(UNKNOWN_ACTION, Severity.ERROR,
        "s3:ListBuckets is not an action of Amazon S3; did you mean s3:ListBucket or s3:ListAllMyBuckets?",
        "$.Statement[0].Action"));
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void aWildcardActionIsFineWhenOneOfItsActionsMatchesTheResource() {
    String json = doc(allow("\"Action\":[\"dynamodb:List*\",\"dynamodb:Describe*\"],"
        + "\"Resource\":\"arn:aws:dynamodb:us-west-2:111122223333:table/irsa-demo-table\""));
    assertThat(LINTER.lint(json, IDENTITY).findings()).isEmpty();
  }

  @Test
  void messagesSayWhatToDo() {
    LintReport r = LINTER.lint(doc(allow("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::irsa-demo-bucket\"")),
        IDENTITY);
    assertThat(r.findings()).extracting(Finding::message).containsExactly("s3:GetObject applies to accesspointobject"
        + " (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}), object"
        + " (arn:${Partition}:s3:::${BucketName}/${ObjectName}); no Resource of this statement can be one of them, so"
        + " the statement never matches it: use a matching ARN or move the action to a statement that names one");

    LintReport t = LINTER.lint(irsa(sub("StringLike", "system:serviceaccount:*:aws-cli")), TRUST);
    assertThat(t.findings()).extracting(Finding::message).containsExactly("\"system:serviceaccount:*:aws-cli\" has a"
        + " wildcard in the namespace, so anyone who can create a matching namespace can assume the role: name the"
        + " namespace");
  }

  @Test
  void anotherAudienceCanBeConfigured() {
    String custom = GOOD_IRSA.replace("sts.amazonaws.com", "my-audience");
    assertThat(LINTER.lint(custom, TRUST).findings(AUDIENCE_MISMATCH)).hasSize(1);
    assertThat(LINTER.audience("my-audience").lint(custom, TRUST).findings()).isEmpty();
  }

  @Test
  void githubActionsSubjectsAreNotHeldToServiceAccountRules() {
    String host = "token.actions.githubusercontent.com";
    String json = doc("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/"
        + host + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"" + host
        + ":aud\":\"sts.amazonaws.com\"},\"StringLike\":{\"" + host + ":sub\":\"repo:org/app:*\"}}}");
    assertThat(LINTER.lint(json, TRUST).findings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"policy\"", "42", "{}", "{\"Statement\":5}", "{\"Statement\":[1,{\"Effect\":\"Allow\"}]}",
      "{\"Version\":1,\"Id\":[],\"Statement\":{\"Effect\":\"Allow\",\"Action\":{\"a\":1},\"Resource\":null}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"k\":[{}]}}}}"})
  void neverThrowsForWellFormedJson(String json) {
    LintReport report = LINTER.lint(json, IDENTITY);
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void aStatementIamRejectsStillLetsTheOthersBeChecked() {
    String json = doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\","
        + "\"Condition\":{\"StringEquals\":{\"k\":null}}}", allow("\"Action\":\"s3:ListBuckets\",\"Resource\":\"*\""));
    assertThat(LINTER.lint(json, IDENTITY).findings()).extracting(Finding::toString).containsExactly(
        "ERROR INVALID_ELEMENT $.Statement[0].Condition.StringEquals.k: expected a string, number or boolean condition"
            + " value, got null",
        "ERROR UNKNOWN_ACTION $.Statement[1].Action: s3:ListBuckets is not an action of Amazon S3; did you mean"
            + " s3:ListBucket or s3:ListAllMyBuckets?");
  }

  @Test
  void textThatIsNotJsonIsAParseException() {
    assertThatThrownBy(() -> LINTER.lint("{\"Version\": ", IDENTITY)).isInstanceOf(PolicyParseException.class);
  }

  @Test
  void findingsAreOrderedBySeverityThenDocumentOrder() {
    String json = "{\"Statement\":[" + allow("\"Action\":\"s3:PutObject\",\"Resource\":\"*\"") + ","
        + allow("\"Action\":\"s3:GetObjects\",\"Resource\":\"*\"") + "]}";
    assertThat(LINTER.lint(json, IDENTITY).findings()).extracting(Finding::code)
        .containsExactly(UNKNOWN_ACTION, MISSING_VERSION, WRITE_ON_ALL_RESOURCES);
  }

  @Test
  void reportsAsJsonAndAsATable() {
    LintReport r = LINTER.lint(doc(allow("\"Action\":\"s3:ListBuckets\",\"Resource\":\"*\"")), IDENTITY);
    assertThat(r.toJson(false)).isEqualTo("[{\"code\":\"UNKNOWN_ACTION\",\"severity\":\"ERROR\",\"message\":"
        + "\"s3:ListBuckets is not an action of Amazon S3; did you mean s3:ListBucket or s3:ListAllMyBuckets?\","
        + "\"path\":\"$.Statement[0].Action\"}]");
    assertThat(r.toTable()).isEqualTo("""
        SEVERITY  CODE            PATH                   MESSAGE
        ERROR     UNKNOWN_ACTION  $.Statement[0].Action  s3:ListBuckets is not an action of Amazon S3; did you mean \
        s3:ListBucket or s3:ListAllMyBuckets?
        """);
    assertThat(LINTER.lint(doc(allow("\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\"")), IDENTITY).toTable())
        .isEqualTo("no findings (identity policy)\n");
    assertThat(r.summary()).isEqualTo("1 finding: 1 ERROR");
    assertThat(LINTER.lint("{\"Statement\":[" + allow("\"Action\":\"s3:PutObject\",\"Resource\":\"*\"") + ","
        + allow("\"Action\":\"s3:GetObjects\",\"Resource\":\"*\"") + "]}", IDENTITY).summary())
        .isEqualTo("3 findings: 1 ERROR, 2 WARNING");
  }

  @Test
  void theFrontDoorLints() {
    assertThat(dev.irsa.core.Irsa.lint(doc(allow("\"Action\":\"s3:ListBuckets\",\"Resource\":\"*\"")), IDENTITY)
        .findings()).extracting(Finding::code).containsExactly(UNKNOWN_ACTION);
    assertThat(dev.irsa.core.Irsa.catalog()).isSameAs(dev.irsa.core.catalog.ServiceCatalog.aws());
  }

  @Test
  void kindsParseFromTheirCommandLineNames() {
    assertThat(PolicyKind.parse("Trust")).isEqualTo(TRUST);
    assertThatThrownBy(() -> PolicyKind.parse("role"))
        .hasMessage("unknown policy kind 'role' (expected identity, resource, trust, boundary, scp or session)");
  }
}
