package dev.irsa.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.Golden;
import dev.irsa.core.policy.JsonFormat;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.SizeQuota;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrsaTrustTest {
  static final OidcProvider CLUSTER = OidcProvider.fromIssuer(
      "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "111122223333");
  static final OidcProvider OTHER_CLUSTER = OidcProvider.fromIssuer(
      "https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF", "111122223333");

  static void assertGolden(String name, PolicyDocument doc) {
    String json = doc.toJson(JsonFormat.PRETTY);
    Golden.assertMatches("trust/" + name + ".json", json);
    assertThat(PolicyDocument.fromJson(Golden.read("trust/" + name + ".json"))).isEqualTo(doc);
  }

  @Test
  void singleServiceAccount() {
    PolicyDocument trust = IrsaTrust.of(CLUSTER, ServiceAccountRef.of("irsa-demo", "aws-cli"));
    assertGolden("single-service-account", trust);
  }

  @Test
  void severalServiceAccountsShareOneStatementPerCluster() {
    PolicyDocument trust = IrsaTrust.builder()
        .serviceAccount(CLUSTER, ServiceAccountRef.of("payments", "api"), ServiceAccountRef.of("payments", "worker"))
        .serviceAccount(CLUSTER, ServiceAccountRef.of("reports", "nightly"))
        .build();
    assertThat(trust.statements()).hasSize(1);
    assertGolden("several-service-accounts", trust);
  }

  @Test
  void severalClustersGetOneStatementEach() {
    PolicyDocument trust = IrsaTrust.builder()
        .serviceAccount(CLUSTER, ServiceAccountRef.of("payments", "api"))
        .serviceAccount(OTHER_CLUSTER, ServiceAccountRef.of("payments", "api"))
        .build();
    assertThat(trust.statements()).hasSize(2);
    assertGolden("several-clusters", trust);
  }

  @Test
  void wildcardSubjectsNeedTheLikeOptIn() {
    ServiceAccountRef pattern = ServiceAccountRef.pattern("payments", "api-*");

    assertThatThrownBy(() -> IrsaTrust.builder().serviceAccount(CLUSTER, pattern).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("service account pattern 'payments:api-*' needs match(SubjectMatch.LIKE): "
            + "StringEquals compares '*' literally and would never match");

    PolicyDocument trust = IrsaTrust.builder().match(SubjectMatch.LIKE).serviceAccount(CLUSTER, pattern).build();
    assertGolden("wildcard-opt-in", trust);
  }

  @Test
  void customAudience() {
    PolicyDocument trust = IrsaTrust.builder().audience("my-audience")
        .serviceAccount(CLUSTER, ServiceAccountRef.of("irsa-demo", "aws-cli")).build();
    assertThat(trust.statements().get(0).conditions(CLUSTER.audKey()).get(0).texts()).containsExactly("my-audience");
  }

  @Test
  void addingServiceAccountsKeepsEverythingAlreadyThere() {
    // Given a trust policy with a foreign statement and one service account
    PolicyDocument existing = PolicyDocument.fromJson("""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Ec2","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},
          {"Effect":"Allow","Principal":{"Federated":"%s"},"Action":"sts:AssumeRoleWithWebIdentity",
           "Condition":{"StringEquals":{"%s":"system:serviceaccount:payments:api","%s":"sts.amazonaws.com"}}}]}
        """.formatted(CLUSTER.arn(), CLUSTER.subKey(), CLUSTER.audKey()));

    // When two service accounts are added, one of them already trusted
    PolicyDocument merged = IrsaTrust.addServiceAccounts(existing, CLUSTER,
        List.of(ServiceAccountRef.of("payments", "api"), ServiceAccountRef.of("payments", "worker")));

    // Then the new subject is appended and nothing else changes
    assertThat(merged.statements().get(0)).isEqualTo(existing.statements().get(0));
    assertThat(IrsaTrust.trustedSubjects(merged, CLUSTER))
        .containsExactly("system:serviceaccount:payments:api", "system:serviceaccount:payments:worker");
    assertThat(merged.statements()).hasSize(2);
  }

  @Test
  void addingToAnotherClusterAppendsAStatement() {
    PolicyDocument existing = IrsaTrust.of(CLUSTER, ServiceAccountRef.of("payments", "api"));
    PolicyDocument merged = IrsaTrust.addServiceAccounts(existing, OTHER_CLUSTER, List.of(ServiceAccountRef.of("payments", "api")));
    assertThat(merged.statements()).hasSize(2);
    assertThat(merged.statements().get(0)).isEqualTo(existing.statements().get(0));
    assertThat(merged).isEqualTo(IrsaTrust.builder()
        .serviceAccount(CLUSTER, ServiceAccountRef.of("payments", "api"))
        .serviceAccount(OTHER_CLUSTER, ServiceAccountRef.of("payments", "api")).build());
  }

  @Test
  void addingWhatIsAlreadyTrustedReturnsTheSameDocument() {
    PolicyDocument existing = IrsaTrust.of(CLUSTER, ServiceAccountRef.of("payments", "api"));
    assertThat(IrsaTrust.addServiceAccounts(existing, CLUSTER, List.of(ServiceAccountRef.of("payments", "api"))))
        .isSameAs(existing);
  }

  @Test
  void aboutFourServiceAccountRelationshipsFitTheDefaultTrustQuota() {
    IrsaTrust.Builder b = IrsaTrust.builder();
    for (int i = 0; i < 4; i++) {
      OidcProvider p = OidcProvider.fromIssuer("https://oidc.eks.us-west-2.amazonaws.com/id/CLUSTER" + i
          + "D539D4633E53DE1B71EXAMPLE", "111122223333");
      b.serviceAccount(p, ServiceAccountRef.of("payments", "api"));
    }
    assertThat(SizeQuota.TRUST_POLICY.fits(b.build())).isTrue();
    for (int i = 4; i < 6; i++) {
      OidcProvider p = OidcProvider.fromIssuer("https://oidc.eks.us-west-2.amazonaws.com/id/CLUSTER" + i
          + "D539D4633E53DE1B71EXAMPLE", "111122223333");
      b.serviceAccount(p, ServiceAccountRef.of("payments", "api"));
    }
    assertThat(SizeQuota.TRUST_POLICY.fits(b.build())).isFalse();
  }

  @Test
  void emptyBuilderIsRejected() {
    assertThatThrownBy(() -> IrsaTrust.builder().build())
        .hasMessage("an IRSA trust policy needs at least one service account");
  }
}
