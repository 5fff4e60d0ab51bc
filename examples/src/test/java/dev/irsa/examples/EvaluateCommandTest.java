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
        {"id":"b","decision":"ERROR","error":"$.identityPolicies[0].Statement.Effect 1:54: Effect must be \\"Allow\\" or \\"Deny\\" (case-sensitive), got \\"allow\\""}
        {"id":"c","decision":"IMPLICIT_DENY","matched":[],"blockedBy":["identity"]}
        {"id":null,"decision":"ERROR","error":"$ 1:1: unexpected 'not': expected a value"}
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
