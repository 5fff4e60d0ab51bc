package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvaluateCommandTest {
  private static final String ALLOW = """
      {"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""";

  @Test
  void writesOneResultLinePerCaseInOrderAndKeepsGoingAfterABadLine() {
    // Given three cases, the second malformed
    String input = String.join("\n",
        "{\"id\":\"a\",\"identityPolicies\":[" + ALLOW + "],\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
            + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}}",
        "{\"id\":\"b\",\"identityPolicies\":[{\"Statement\":{\"Effect\":\"allow\",\"Action\":\"*\"}}],\"request\":{}}",
        "{\"id\":\"c\",\"identityPolicies\":null,\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
            + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\",\"context\":{\"aws:TagKeys\":[\"x\",\"y\"]}}}",
        "not json");

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate");

    // Then each case has its line
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        {"id":"a","decision":"ALLOWED","matched":[{"policy":"identity[0]","statement":0,"sid":"Read"}],"blockedBy":[]}
        {"id":"b","line":2,"decision":"ERROR","error":"$.identityPolicies[0].Statement.Effect 2:54: Effect must be \\"Allow\\" or \\"Deny\\" (case-sensitive), got \\"allow\\""}
        {"id":"c","decision":"IMPLICIT_DENY","matched":[],"blockedBy":["identity"]}
        {"id":null,"line":4,"decision":"ERROR","error":"$ 4:1: unexpected 'not': expected a value"}
        """);
  }

  @Test
  void aResultCarriesTheCatalogsWarningsAboutTheRequest() {
    // Given a typo in the action and an object action on a bucket ARN, against a policy allowing s3:*
    String allow = "{\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
        + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}],";
    String input = String.join("\n",
        "{\"id\":\"typo\"," + allow.substring(1) + "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
            + "\"action\":\"s3:ListBuckets\",\"resource\":\"*\"}}",
        "{\"id\":\"type\"," + allow.substring(1) + "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
            + "\"action\":\"s3:PutObject\",\"resource\":\"arn:aws:s3:::b\"}}");

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate");

    // Then the decisions are the policy's, and each line has a warnings array saying what is wrong
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        {"id":"typo","decision":"ALLOWED","matched":[{"policy":"identity[0]","statement":0}],"blockedBy":[],\
        "warnings":[{"code":"UNKNOWN_ACTION","message":"s3:ListBuckets is not an action of Amazon S3; did you mean \
        s3:ListBucket or s3:ListAllMyBuckets?","suggestions":["s3:ListBucket","s3:ListAllMyBuckets"]}]}
        {"id":"type","decision":"ALLOWED","matched":[{"policy":"identity[0]","statement":0}],"blockedBy":[],\
        "warnings":[{"code":"RESOURCE_TYPE_MISMATCH","message":"s3:PutObject takes accesspointobject \
        (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}), object \
        (arn:${Partition}:s3:::${BucketName}/${ObjectName}); arn:aws:s3:::b is none of them"}]}
        """);
  }

  @Test
  void rejectsMalformedRequestFieldsWithAnErrorLineNamingTheField() {
    // Given cases whose request fields are not what AWS sends, against a policy allowing everything
    String allowAll = "{\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
        + "\"Action\":\"*\",\"Resource\":\"*\"}}],";
    String ok = "\"principal\":\"arn:aws:iam::111122223333:user/bob\",\"action\":\"s3:GetObject\","
        + "\"resource\":\"arn:aws:s3:::b/k\"";
    String input = String.join("\n",
        allowAll + "\"id\":\"p\",\"request\":{" + ok.replace("arn:aws:iam::111122223333:user/bob", "notanarn") + "}}",
        allowAll + "\"id\":\"a\",\"request\":{" + ok.replace("s3:GetObject", "nocolon") + "}}",
        allowAll + "\"id\":\"r\",\"request\":{" + ok.replace("arn:aws:s3:::b/k", "notarn") + "}}",
        allowAll + "\"id\":\"n\",\"request\":{" + ok + ",\"resourceAccount\":\"abc\"}}");

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate");

    // Then none is decided; each ERROR names the field
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        {"id":"p","line":1,"decision":"ERROR","error":"$.request.principal 1:139: principal must be an ARN (arn:partition:service:region:account:resource) or a service principal (e.g. lambda.amazonaws.com), got: 'notanarn'"}
        {"id":"a","line":2,"decision":"ERROR","error":"$.request.action 2:185: action must be service:Action without wildcards (e.g. s3:GetObject), got: 'nocolon'"}
        {"id":"r","line":3,"decision":"ERROR","error":"$.request.resource 3:211: resource must be an ARN (arn:partition:service:region:account:resource) or * for actions without a resource type, got: 'notarn'"}
        {"id":"n","line":4,"decision":"ERROR","error":"$.request.resourceAccount 4:248: resourceAccount must be a 12-digit account ID, got: 'abc'"}
        """);
  }

  @Test
  void anErrorLineGivesTheInputLineAndKeepsTheIdOfALineThatIsNotValidJson() {
    // Given a blank line, then a case cut short after its id, then one whose id is a number
    String input = "\n{\"id\": \"cut\", \"request\": {\"action\": \"s3:Get\n{\"request\":{},\"id\":7,\"x\":[}";

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate");

    // Then each ERROR names its input line, the position in it, and the id
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        {"id":"cut","line":2,"decision":"ERROR","error":"$.request.action 2:37: unterminated string"}
        {"id":"7","line":3,"decision":"ERROR","error":"$.x[0] 3:27: unexpected '}': expected a value"}
        """);
  }

  @Test
  void benchReportsDecisionsPerSecond() {
    String line = "{\"id\":\"a\",\"identityPolicies\":[" + ALLOW + "],\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
        + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}}";

    Cli r = Cli.runWithStdin(line + "\n" + line + "\n", "evaluate", "--bench", "3");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("{\"cases\":2,\"invalid\":0,\"passes\":3,\"decisions\":6,\"seconds\":")
        .contains("\"decisionsPerSecond\":").endsWith("\"allowed\":2,\"explicitDeny\":0,\"implicitDeny\":0}\n");
  }

  @Test
  void benchNeedsAPositivePassCount() {
    Cli r = Cli.runWithStdin("", "evaluate", "--bench", "0");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: --bench needs a positive number of passes, got 0\n");
  }
}
