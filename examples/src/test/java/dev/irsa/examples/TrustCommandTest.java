package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.core.trust.SubjectMatch;
import org.junit.jupiter.api.Test;

class TrustCommandTest {
  static final String ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  static final OidcProvider CLUSTER = OidcProvider.fromIssuer(ISSUER, "111122223333");

  @Test
  void irsaForSeveralServiceAccounts() {
    Cli r = Cli.run("trust", "irsa", "--issuer", ISSUER, "--account", "111122223333",
        "--service-account", "payments:api", "--service-account", "payments:worker");
    assertThat(r.exitCode()).isZero();
    assertThat(PolicyDocument.fromJson(r.out())).isEqualTo(IrsaTrust.builder()
        .serviceAccount(CLUSTER, ServiceAccountRef.of("payments", "api"), ServiceAccountRef.of("payments", "worker"))
        .build());
  }

  @Test
  void wildcardNeedsMatchLike() {
    Cli refused = Cli.run("trust", "irsa", "--issuer", ISSUER, "--account", "111122223333", "--service-account", "payments:*");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("error: service account 'payments:*' has a wildcard: pass --match like to allow it\n");

    Cli r = Cli.run("trust", "irsa", "--issuer", ISSUER, "--account", "111122223333", "--service-account", "payments:*",
        "--match", "like", "--audience", "custom");
    assertThat(r.exitCode()).isZero();
    assertThat(PolicyDocument.fromJson(r.out())).isEqualTo(IrsaTrust.builder().match(SubjectMatch.LIKE).audience("custom")
        .serviceAccount(CLUSTER, ServiceAccountRef.pattern("payments", "*")).build());
  }

  @Test
  void partitionOverride() {
    Cli r = Cli.run("trust", "irsa", "--issuer", "https://oidc.example.com/id/X", "--account", "111122223333",
        "--partition", "aws-us-gov", "--service-account", "a:b");
    assertThat(r.out()).contains("\"Federated\":\"arn:aws-us-gov:iam::111122223333:oidc-provider/oidc.example.com/id/X\"");
  }

  @Test
  void badValuesAreOneLineErrors() {
    Cli r = Cli.run("trust", "irsa", "--issuer", ISSUER, "--account", "1234", "--service-account", "a:b");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: AWS account ID must be 12 digits, got: '1234'\n");

    Cli ns = Cli.run("trust", "irsa", "--issuer", ISSUER, "--account", "111122223333", "--service-account", "My_NS:b");
    assertThat(ns.err()).startsWith("error: namespace must be a DNS-1123 label");
  }

  @Test
  void missingOptionIsOneErrorLine() {
    Cli r = Cli.run("trust", "irsa", "--issuer", ISSUER, "--account", "111122223333");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(
        "error: Missing required option: '--service-account=NS:NAME' (see 'irsa trust irsa --help')\n");
  }

  @Test
  void podIdentity() {
    Cli r = Cli.run("trust", "pod-identity", "--cluster-arn", "arn:aws:eks:us-west-2:111122223333:cluster/demo",
        "--service-account", "irsa-demo:aws-cli");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowEksAuthToAssumeRoleForPodIdentity\","
        + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"pods.eks.amazonaws.com\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"],"
        + "\"Condition\":{\"StringEquals\":{\"aws:RequestTag/eks-cluster-arn\":\"arn:aws:eks:us-west-2:111122223333:cluster/demo\","
        + "\"aws:RequestTag/kubernetes-namespace\":\"irsa-demo\",\"aws:RequestTag/kubernetes-service-account\":\"aws-cli\"}}}]}\n");
  }

  @Test
  void matchIsAChoiceAndABadValueListsTheCandidates() {
    Cli like = Cli.run("trust", "irsa", "--issuer", ISSUER, "--account", "111122223333", "--service-account", "payments:*",
        "--match", "LIKE");
    assertThat(like.exitCode()).isZero();

    Cli r = Cli.run("trust", "irsa", "--issuer", ISSUER, "--account", "111122223333", "--service-account", "a:b",
        "--match", "glob");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: Invalid value for option '--match': expected one of [EXACT, LIKE] "
        + "(case-insensitive) but was 'glob' (see 'irsa trust irsa --help')\n");
  }

  @Test
  void podIdentityTakesANamespaceAloneOrAServiceAccountAsNamespaceColonName() {
    Cli ns = Cli.run("trust", "pod-identity", "--namespace", "irsa-demo");
    assertThat(ns.exitCode()).isZero();
    assertThat(ns.out()).contains("\"aws:RequestTag/kubernetes-namespace\":\"irsa-demo\"")
        .doesNotContain("kubernetes-service-account");

    Cli conflict = Cli.run("trust", "pod-identity", "--namespace", "payments", "--service-account", "irsa-demo:aws-cli");
    assertThat(conflict.exitCode()).isEqualTo(2);
    assertThat(conflict.err()).isEqualTo(
        "error: --namespace 'payments' and --service-account 'irsa-demo:aws-cli' name different namespaces\n");

    Cli nameOnly = Cli.run("trust", "pod-identity", "--service-account", "aws-cli");
    assertThat(nameOnly.exitCode()).isEqualTo(2);
    assertThat(nameOnly.err()).startsWith("error: ");
  }
}
