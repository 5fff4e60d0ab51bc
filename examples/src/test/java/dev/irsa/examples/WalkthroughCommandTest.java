package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalkthroughCommandTest {
  @Test
  void printsTheSeedPolicyAndTrust() {
    Cli r = Cli.run("walkthrough", "--offline");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"Action\": \"s3:ListBucket\"")
        .contains("\"Resource\": \"arn:aws:s3:::irsa-demo-bucket/*\"")
        .contains("\"dynamodb:Describe*\"")
        .contains("\"oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub\": \"system:serviceaccount:irsa-demo:aws-cli\"")
        .contains("== Offline checks", "all 5 checks as expected")
        .endsWith("== 5. Doctor's verdict on irsa-demo:aws-cli (cluster read live from the embedded cluster; role, trust, "
            + "policy and OIDC provider as built above): no broken link found (0 errors, 0 warnings, 0 info)"
            + System.lineSeparator());
  }

  @Test
  void printsTheReportAsJsonAndSaysWhatItSkipped() {
    Cli r = Cli.run("walkthrough", "--json", "--offline");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("{\n  \"serviceAccount\": \"irsa-demo/aws-cli\",\n"
            + "  \"role\": \"arn:aws:iam::111122223333:role/irsa-demo-aws-cli\",\n  \"passed\": true,")
        .contains("\"source\": \"account\",\n      \"ran\": false,\n      \"reason\": \"--offline\"")
        .contains("\"expected\": \"DENY\",\n      \"action\": \"s3:DeleteObject\",\n"
            + "      \"resource\": \"arn:aws:s3:::irsa-demo-bucket/hello.txt\",\n"
            + "      \"label\": \"aws s3 rm s3://irsa-demo-bucket/hello.txt\",\n      \"verdict\": \"PASS\"")
        .doesNotContain("== 1.");
    assertThat(r.err()).isEqualTo("skipped the account, token and pod sources (--offline): run without --offline on a machine "
        + "with python3 and moto (pip install 'moto[server]==5.2.1') and the aws CLI" + System.lineSeparator());
  }
}
