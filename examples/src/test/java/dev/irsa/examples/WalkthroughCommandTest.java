package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalkthroughCommandTest {
  @Test
  void printsTheSeedPolicyAndTrust() {
    Cli r = Cli.run("walkthrough");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"Action\": \"s3:ListBucket\"")
        .contains("\"Resource\": \"arn:aws:s3:::irsa-demo-bucket/*\"")
        .contains("\"dynamodb:Describe*\"")
        .contains("\"oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub\": \"system:serviceaccount:irsa-demo:aws-cli\"")
        .contains("== Offline checks", "all 5 checks as expected")
        .contains("== Doctor's verdict on irsa-demo:aws-cli (cluster read live from the embedded cluster; role, trust, "
            + "policy and OIDC provider as built above): no broken link found (0 errors, 0 warnings, 0 info)");
  }

  @Test
  void printsTheChecksAsJson() {
    Cli r = Cli.run("walkthrough", "--json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("[\n  {\n    \"check\": \"aws sts get-caller-identity\"")
        .contains("\"action\": \"s3:DeleteObject\",\n    \"resource\": \"arn:aws:s3:::irsa-demo-bucket/hello.txt\",\n"
            + "    \"expected\": \"IMPLICIT_DENY\",\n    \"decision\": \"IMPLICIT_DENY\",\n    \"ok\": true")
        .doesNotContain("== 1.");
  }
}
