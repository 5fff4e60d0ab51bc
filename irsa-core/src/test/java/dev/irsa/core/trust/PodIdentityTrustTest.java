package dev.irsa.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.arn.InvalidArnException;
import dev.irsa.core.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

class PodIdentityTrustTest {
  @Test
  void unconditioned() {
    PolicyDocument trust = PodIdentityTrust.any();
    IrsaTrustTest.assertGolden("pod-identity", trust);
    assertThat(trust.statements().get(0).actions()).containsExactly("sts:AssumeRole", "sts:TagSession");
  }

  @Test
  void withSessionTagConditions() {
    PolicyDocument trust = PodIdentityTrust.builder()
        .clusterArn("arn:aws:eks:us-west-2:111122223333:cluster/demo")
        .namespace("irsa-demo")
        .serviceAccount("aws-cli")
        .build();
    IrsaTrustTest.assertGolden("pod-identity-conditions", trust);
  }

  @Test
  void rejectsANonClusterArn() {
    assertThatThrownBy(() -> PodIdentityTrust.builder().clusterArn("arn:aws:iam::111122223333:role/x"))
        .isInstanceOf(InvalidArnException.class)
        .hasMessage("invalid ARN 'arn:aws:iam::111122223333:role/x': not an EKS cluster ARN "
            + "(expected arn:<partition>:eks:<region>:<account>:cluster/<name>)");
  }
}
