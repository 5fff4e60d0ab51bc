package dev.irsa.verify.junit;

import static dev.irsa.verify.junit.IrsaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.source.OfflineSource;
import dev.irsa.verify.source.Target;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The assertions and the extension, offline (live sources reported skipped, never passed). */
class IrsaVerificationExtensionTest {
  static final OidcProvider CLUSTER = OidcProvider.fromIssuer("https://oidc.eks.us-west-2.amazonaws.com/id/X", "111122223333");
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");

  static IrsaVerificationExtension extension(LiveSettings live) {
    return IrsaVerificationExtension.builder()
        .target(Target.builder().serviceAccount(SA).role(RoleArn.of("111122223333", "app")).provider(CLUSTER).build())
        .expectations(Expectations.builder().callerIdentity().s3Read("bucket", "key").build())
        .addSource(OfflineSource.builder().trust(IrsaTrust.of(CLUSTER, SA))
            .addIdentityPolicy("app", Permissions.builder().s3Read("bucket").build()).build())
        .live(live).build();
  }

  @Test
  void offlineAssertionsPassAndLiveSourcesAreSkipped() {
    IrsaVerificationExtension irsa = extension(LiveSettings.offlineOnly());
    assertThat(irsa.report()).allows("s3:GetObject", "arn:aws:s3:::bucket/key")
        .denies("s3:DeleteObject", "arn:aws:s3:::bucket/key").passes();
    org.assertj.core.api.Assertions.assertThat(irsa.report().check("s3:GetObject", "arn:aws:s3:::bucket/key").orElseThrow()
        .answer("token").orElseThrow().answer()).isEqualTo(Answer.SKIPPED);
    assertThatThrownBy(irsa::liveReport).isInstanceOf(TestAbortedException.class)
        .hasMessage("live verification skipped: live sources disabled (offline only)");
  }

  @Test
  void failureMessagesCarryTheExplanation() {
    IrsaVerificationExtension irsa = extension(LiveSettings.offlineOnly());
    assertThatThrownBy(() -> assertThat(irsa.report()).denies("s3:GetObject", "arn:aws:s3:::bucket/key"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected s3:GetObject on arn:aws:s3:::bucket/key to be denied, but it is allowed:"
            + System.lineSeparator() + "PASS: expected allow s3:GetObject on arn:aws:s3:::bucket/key (aws s3 cp s3://bucket/key -)"
            + System.lineSeparator() + "  offline: ALLOWED (ALLOWED: allowed by app statement 1 (Sid ");
    assertThatThrownBy(() -> assertThat(irsa.report()).allows("s3:PutObject", "arn:aws:s3:::other/key"))
        .hasMessageStartingWith("expected s3:PutObject on arn:aws:s3:::other/key to be allowed, but the report has no such check");
  }

  @Test
  void environmentWithoutClusterOrCredentialsMeansOfflineOnly(@TempDir Path home) {
    LiveSettings none = LiveSettings.fromEnvironment(Map.of("HOME", home.toString()), new Properties());
    org.assertj.core.api.Assertions.assertThat(none.unavailable())
        .hasValue("no cluster: no kubeconfig (KUBECONFIG, ~/.kube/config) and no irsa.verify.kubeContext");
    LiveSettings noAws = LiveSettings.fromEnvironment(Map.of("HOME", home.toString(), "KUBECONFIG", "/x"), new Properties());
    org.assertj.core.api.Assertions.assertThat(noAws.unavailable()).hasValueSatisfying(
        s -> org.assertj.core.api.Assertions.assertThat(s).startsWith("no AWS credentials"));
    LiveSettings all = LiveSettings.fromEnvironment(Map.of("HOME", home.toString(), "KUBECONFIG", "/x",
        "AWS_PROFILE", "p", "AWS_REGION", "us-west-2"), new Properties());
    org.assertj.core.api.Assertions.assertThat(all.unavailable()).isEmpty();
  }
}
