package dev.irsa.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import dev.irsa.verify.eval.TrustRefusal;
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
  void aRefusedServiceAccountIsExplainedByTheSubjectConditionWithWhatTheTrustWantedAndWhatTheTokenHad() {
    // Given the trust policy irsa builds for payments:api
    PolicyDocument trust = IrsaTrust.of(CLUSTER, ServiceAccountRef.of("payments", "api"));

    // When payments:worker assumes the role
    EvaluationResult r = eval.irsaTrust(trust, ROLE, CLUSTER, ServiceAccountRef.of("payments", "worker"));

    // Then the refusal names the condition, the key, the wanted and the actual value, as a value and in the explanation
    assertThat(r.trustRefusals()).singleElement().satisfies(t -> {
      assertThat(t.reason()).isEqualTo(TrustRefusal.Reason.SUBJECT);
      assertThat(t.statement()).hasValue(0);
      assertThat(t.key()).contains(CLUSTER.subKey());
      assertThat(t.operator()).contains("StringEquals");
      assertThat(t.wanted()).containsExactly("system:serviceaccount:payments:api");
      assertThat(t.got()).containsExactly("system:serviceaccount:payments:worker");
    });
    assertThat(r.explain()).isEqualTo("""
        IMPLICIT_DENY: sts:AssumeRoleWithWebIdentity on arn:aws:iam::111122223333:role/irsa-demo-aws-cli by %1$s
          the role's trust policy does not allow it
          statement 0, StringEquals: %2$s:sub wanted system:serviceaccount:payments:api, got system:serviceaccount:payments:worker
        """.formatted(CLUSTER.arn(), CLUSTER.conditionKeyPrefix()));
  }

  @Test
  void aRefusedAudienceIsExplainedAsTheAudience() {
    PolicyDocument trust = IrsaTrust.of(CLUSTER, ServiceAccountRef.of("irsa-demo", "aws-cli"));

    EvaluationResult r = eval.irsaTrust(trust, ROLE, CLUSTER, "system:serviceaccount:irsa-demo:aws-cli", "sts.amazon.com");

    assertThat(r.trustRefusals()).extracting(TrustRefusal::reason, TrustRefusal::message).containsExactly(
        tuple(TrustRefusal.Reason.AUDIENCE, "statement 0, StringEquals: " + CLUSTER.audKey()
            + " wanted sts.amazonaws.com, got sts.amazon.com"));
  }

  @Test
  void aTrustPolicyForAnotherClusterIsExplainedByThePrincipal() {
    OidcProvider other = OidcProvider.fromIssuer("https://oidc.eks.us-west-2.amazonaws.com/id/OTHER", "111122223333");
    PolicyDocument trust = IrsaTrust.of(other, ServiceAccountRef.of("irsa-demo", "aws-cli"));

    EvaluationResult r = eval.irsaTrust(trust, ROLE, CLUSTER, ServiceAccountRef.of("irsa-demo", "aws-cli"));

    assertThat(r.trustRefusals()).extracting(TrustRefusal::reason, TrustRefusal::message).containsExactly(
        tuple(TrustRefusal.Reason.PROVIDER, "statement 0: Principal wanted " + other.arn() + ", got " + CLUSTER.arn()));
  }

  @Test
  void aMissingActionIsExplainedByTheAction() {
    PolicyDocument assumeOnly = PolicyDocument.fromJson("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "pods.eks.amazonaws.com"},
         "Action": "sts:AssumeRole"}}""");

    EvaluationResult r = eval.podIdentityTrust(assumeOnly, ROLE, Map.of("kubernetes-namespace", "payments"));

    assertThat(r.trustRefusals()).extracting(TrustRefusal::message)
        .containsExactly("statement 0: Action wanted sts:AssumeRole, got sts:TagSession");
  }

  @Test
  void aPodIdentityTagConditionIsExplainedAsACondition() {
    PolicyDocument trust = PodIdentityTrust.builder().namespace("payments").serviceAccount("api").build();

    EvaluationResult r = eval.podIdentityTrust(trust, ROLE,
        Map.of("kubernetes-namespace", "ops", "kubernetes-service-account", "api"));

    assertThat(r.trustRefusals()).extracting(TrustRefusal::reason, TrustRefusal::message).containsExactly(
        tuple(TrustRefusal.Reason.CONDITION,
            "statement 0, StringEquals: aws:RequestTag/kubernetes-namespace wanted payments, got ops"));
  }

  @Test
  void anAllowedTrustHasNoRefusals() {
    PolicyDocument trust = IrsaTrust.of(CLUSTER, ServiceAccountRef.of("payments", "api"));

    assertThat(eval.irsaTrust(trust, ROLE, CLUSTER, ServiceAccountRef.of("payments", "api")).trustRefusals()).isEmpty();
  }

  @Test
  void issuerMustMatchTheTokenExactly() {
    assertThat(PolicyEvaluator.issuerMatches(CLUSTER, CLUSTER.issuerUrl())).isTrue();
    assertThat(PolicyEvaluator.issuerMatches(CLUSTER, CLUSTER.issuerUrl() + "/")).isFalse();
  }
}
