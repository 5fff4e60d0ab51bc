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
        .contains("\"oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub\": \"system:serviceaccount:irsa-demo:aws-cli\"");
  }

  @Test
  void evaluatesTheSeedsFiveChecksOffline() {
    Cli r = Cli.run("walkthrough");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("== 3. Offline checks")
        .containsPattern("aws sts get-caller-identity +sts:AssumeRoleWithWebIdentity +ALLOWED +ALLOWED +by trust statement 0 Allow; "
            + "caller: arn:aws:sts::111122223333:assumed-role/irsa-demo-aws-cli/botocore-session-1")
        .containsPattern("aws s3 ls s3://irsa-demo-bucket +s3:ListBucket +ALLOWED +ALLOWED +by identity\\[0\\] statement 0 \\(Sid ListBucket\\)")
        .containsPattern("aws s3 rm s3://irsa-demo-bucket/hello.txt +s3:DeleteObject +IMPLICIT_DENY +IMPLICIT_DENY")
        .containsPattern("describe-table --table-name irsa-demo-table +dynamodb:DescribeTable +ALLOWED +ALLOWED")
        .containsPattern("delete-table --table-name irsa-demo-table +dynamodb:DeleteTable +IMPLICIT_DENY +IMPLICIT_DENY")
        .contains("all 5 checks as expected");
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
