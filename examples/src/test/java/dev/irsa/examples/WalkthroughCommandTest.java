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
}
