package dev.irsa.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.PodIdentityTrust;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.core.trust.SubjectMatch;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.eval.PolicyType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEvaluatorTest {
  private static final OidcProvider CLUSTER = OidcProvider.fromIssuer(
      "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "111122223333");
  private static final RoleArn ROLE = RoleArn.of("111122223333", "irsa-demo-aws-cli");
  private final PolicyEvaluator eval = PolicyEvaluator.create();

  @ParameterizedTest(name = "trust for {0}, caller {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "irsa-demo:aws-cli | irsa-demo:aws-cli | ALLOWED",
      "irsa-demo:aws-cli | irsa-demo:other   | IMPLICIT_DENY",
      "irsa-demo:aws-cli | other:aws-cli     | IMPLICIT_DENY",
  })
  void irsaTrustAdmitsExactlyTheNamedServiceAccount(String trusted, String caller, Decision expected) {
    // Given the trust policy irsa builds for one service account
    PolicyDocument trust = IrsaTrust.of(CLUSTER, ServiceAccountRef.parse(trusted));

    // When a pod of another (or the same) service account assumes the role
    EvaluationResult r = eval.irsaTrust(trust, ROLE, CLUSTER, ServiceAccountRef.parse(caller));

    // Then only the named one may
    assertThat(r.decision()).isEqualTo(expected);
    if (expected == Decision.IMPLICIT_DENY) {
      assertThat(r.blockedBy()).containsExactly(PolicyType.RESOURCE);
    } else {
      assertThat(r.matched()).extracting(m -> m.policy() + "#" + m.statement()).containsExactly("trust#0");
    }
  }

  @Test
  void irsaTrustChecksTheTokenAudience() {
    PolicyDocument trust = IrsaTrust.of(CLUSTER, ServiceAccountRef.of("irsa-demo", "aws-cli"));

    EvaluationResult typo = eval.irsaTrust(trust, ROLE, CLUSTER, "system:serviceaccount:irsa-demo:aws-cli", "sts.amazon.com");

    assertThat(typo.decision()).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void aWildcardSubjectNeedsStringLike() {
    PolicyDocument like = IrsaTrust.builder().match(SubjectMatch.LIKE)
        .serviceAccount(CLUSTER, ServiceAccountRef.pattern("irsa-demo", "*")).build();
    String equalsJson = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Federated": "%s"},
         "Action": "sts:AssumeRoleWithWebIdentity",
         "Condition": {"StringEquals": {"%s": "system:serviceaccount:irsa-demo:*", "%s": "sts.amazonaws.com"}}}}"""
        .formatted(CLUSTER.arn(), CLUSTER.subKey(), CLUSTER.audKey());

    assertThat(eval.irsaTrust(like, ROLE, CLUSTER, ServiceAccountRef.of("irsa-demo", "any")).decision())
        .isEqualTo(Decision.ALLOWED);
    assertThat(eval.irsaTrust(PolicyDocument.fromJson(equalsJson), ROLE, CLUSTER, ServiceAccountRef.of("irsa-demo", "any"))
        .decision()).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void trustInAnotherAccountsProviderDoesNotAdmitThisCluster() {
    PolicyDocument trust = IrsaTrust.of(CLUSTER.inAccount("444455556666"), ServiceAccountRef.of("irsa-demo", "aws-cli"));

    assertThat(eval.irsaTrust(trust, ROLE, CLUSTER, ServiceAccountRef.of("irsa-demo", "aws-cli")).decision())
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void podIdentityTrustNeedsAssumeRoleAndTagSession() {
    Map<String, String> tags = Map.of("kubernetes-namespace", "payments", "kubernetes-service-account", "api");
    PolicyDocument both = PodIdentityTrust.builder().namespace("payments").serviceAccount("api").build();
    PolicyDocument assumeOnly = PolicyDocument.fromJson("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "pods.eks.amazonaws.com"},
         "Action": "sts:AssumeRole"}}""");

    assertThat(eval.podIdentityTrust(both, ROLE, tags).decision()).isEqualTo(Decision.ALLOWED);
    EvaluationResult r = eval.podIdentityTrust(assumeOnly, ROLE, tags);
    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.request().action()).isEqualTo("sts:TagSession");
    assertThat(eval.podIdentityTrust(both, ROLE, Map.of("kubernetes-namespace", "other", "kubernetes-service-account", "api"))
        .decision()).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void issuerMustMatchTheTokenExactly() {
    assertThat(PolicyEvaluator.issuerMatches(CLUSTER, CLUSTER.issuerUrl())).isTrue();
    assertThat(PolicyEvaluator.issuerMatches(CLUSTER, CLUSTER.issuerUrl() + "/")).isFalse();
  }
}
