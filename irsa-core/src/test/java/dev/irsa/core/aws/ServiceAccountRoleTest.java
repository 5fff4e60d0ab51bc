package dev.irsa.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceAccountRoleTest {
  static final OidcProvider CLUSTER =
      OidcProvider.fromIssuer("https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "111122223333");
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");
  static final PolicyDocument READ = Permissions.builder().s3Read("irsa-demo-bucket").build();

  static ServiceAccountRole.Builder valid() {
    return ServiceAccountRole.builder().roleName("irsa-demo-aws-cli").serviceAccount(CLUSTER, SA);
  }

  @Test
  void derivesArnsAndTrustFromTheClusters() {
    // Given a role at a path with a managed policy and an AWS managed attachment
    ServiceAccountRole role = valid().path("/irsa/").managedPolicy("irsa-demo-read", READ)
        .addAttachedPolicy(dev.irsa.core.arn.PolicyArn.awsManaged("ReadOnlyAccess")).build();

    // Then ARNs are in the cluster's account and the trust is IrsaTrust's
    assertThat(role.roleArn()).hasToString("arn:aws:iam::111122223333:role/irsa/irsa-demo-aws-cli");
    assertThat(role.policiesToAttach()).extracting(Object::toString).containsExactly(
        "arn:aws:iam::111122223333:policy/irsa-demo-read", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertThat(role.trustPolicy()).isEqualTo(IrsaTrust.of(CLUSTER, SA));
    assertThat(role.adopt()).isFalse();
    assertThat(role.manageOidcProviders()).isTrue();
    assertThat(role.thumbprint()).isEqualTo(Thumbprint.omit());
    assertThat(role).hasToString("ServiceAccountRole{irsa-demo-aws-cli trusting "
        + "[irsa-demo:aws-cli@https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE]}");
  }

  static Stream<Arguments> invalid() {
    OidcProvider otherAccount = CLUSTER.inAccount("444455556666");
    return Stream.of(
        Arguments.of("role name", (Consumer<ServiceAccountRole.Builder>) b -> b.roleName("bad/name"),
            "role name must be 1 to 64 letters, digits or +=,.@_- characters, got: 'bad/name'"),
        Arguments.of("path", (Consumer<ServiceAccountRole.Builder>) b -> b.path("irsa"),
            "IAM path must begin and end with '/' and contain only printable ASCII (at most 512 characters), got: 'irsa'"),
        Arguments.of("account", (Consumer<ServiceAccountRole.Builder>) b -> b.serviceAccount(otherAccount, SA),
            "the OIDC providers of all clusters must be in the role's account: " + CLUSTER.arn() + " and "
                + otherAccount.arn() + " differ (create the provider in the role's account with OidcProvider.inAccount)"),
        Arguments.of("session", (Consumer<ServiceAccountRole.Builder>) b -> b.maxSessionDuration(Duration.ofMinutes(30)),
            "max session duration must be whole seconds between 1 and 12 hours, got: PT30M"),
        Arguments.of("reserved tag", (Consumer<ServiceAccountRole.Builder>) b -> b.putTag("irsa.dev/managed-by", "me"),
            "tag key 'irsa.dev/managed-by' is reserved for irsa's ownership tag"),
        Arguments.of("tag value", (Consumer<ServiceAccountRole.Builder>) b -> b.putTag("team", "a;b"),
            "tag value must be at most 256 letters, digits, spaces or _.:/=+-@, got: 'a;b' for key 'team'"),
        Arguments.of("inline name", (Consumer<ServiceAccountRole.Builder>) b -> b.putInlinePolicy("no spaces", READ),
            "policy name must be 1 to 128 letters, digits or +=,.@_- characters, got: 'no spaces'"),
        Arguments.of("twice", (Consumer<ServiceAccountRole.Builder>) b -> b.managedPolicy("p", READ).managedPolicy("p", READ),
            "managed policy 'p' is listed twice"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidInputIsRefusedWhenBuilt(String what, Consumer<ServiceAccountRole.Builder> change, String message) {
    // Given a valid builder with one bad setting
    ServiceAccountRole.Builder b = valid();
    change.accept(b);

    // When building, Then the message names the value
    assertThatThrownBy(b::build).isInstanceOf(RuntimeException.class).hasMessage(message);
  }

  @Test
  void aRoleNeedsAServiceAccount() {
    assertThatThrownBy(() -> ServiceAccountRole.builder().roleName("r").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("role 'r' needs at least one service account to trust");
  }

  @Test
  void patternsAreNotProvisioned() {
    assertThatThrownBy(() -> valid().serviceAccount(CLUSTER, ServiceAccountRef.pattern("irsa-demo", "*")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service account pattern 'irsa-demo:*' cannot be provisioned; name concrete service accounts");
  }

  @Test
  void managedPolicyNamesAndSizesAreChecked() {
    assertThatThrownBy(() -> ManagedPolicy.of("", READ)).hasMessage("policy name must not be empty");
    Permissions.Builder big = Permissions.builder();
    for (int i = 0; i < 40; i++) {
      big.s3Read("a-rather-long-bucket-name-number-" + i);
    }
    assertThatThrownBy(() -> ManagedPolicy.of("big", big.build()))
        .hasMessageEndingWith("over the 6,144-character limit (IAM quota PolicySize)");
  }

  @Test
  void thumbprintsAreFortyHexDigits() {
    assertThat(Thumbprint.of("9E99A48A9960B14926BB7F3B02E22DA2B0AB7280").values())
        .containsExactly("9e99a48a9960b14926bb7f3b02e22da2b0ab7280");
    assertThatThrownBy(() -> Thumbprint.of("abc"))
        .hasMessage("thumbprint must be 40 hex digits (a SHA-1 fingerprint), got: 'abc'");
    assertThatThrownBy(Thumbprint::of).hasMessage("an OIDC provider takes 1 to 5 thumbprints, got 0");
  }
}
