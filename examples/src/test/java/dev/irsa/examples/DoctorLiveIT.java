package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.MotoServer;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.ServiceAccountBinding;
import dev.irsa.k8s.TestPod;
import dev.irsa.k8s.embedded.EmbeddedCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code doctor} and {@code audit} without files: live from the "current context" (the embedded
 * cluster, named through fabric8's {@code kubernetes.master} property as a kubeconfig would) and the
 * default AWS credentials (system properties, the first link of the SDK's chain) against moto.
 */
class DoctorLiveIT {
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");
  static final OidcProvider PROVIDER = OidcProvider.fromIssuer(EmbeddedCluster.DEFAULT_ISSUER, "123456789012");
  static MotoServer moto;
  static EmbeddedCluster cluster;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    cluster = EmbeddedCluster.builder().quiet(true).start();
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    System.setProperty("kubernetes.master", cluster.url().toString());
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    try (IamClient iam = moto.iam()) {
      IamProvisioner.using(iam).apply(ServiceAccountRole.builder().roleName("irsa-demo-aws-cli").serviceAccount(PROVIDER, SA)
          .managedPolicy("irsa-demo-aws-cli", Permissions.builder().s3Read("irsa-demo-bucket").build()).build());
    }
    IrsaKubernetes k8s = IrsaKubernetes.using(cluster.client());
    k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(SA)
        .role(RoleArn.of("123456789012", "irsa-demo-aws-cli")).createNamespace(true).build());
    k8s.testPods().create(TestPod.awsCli(SA));
    cluster.client().admissionRegistration().v1().mutatingWebhookConfigurations().resource(
        new io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder()
            .withNewMetadata().withName("pod-identity-webhook").endMetadata()
            .addNewWebhook().withName("iam-for-pods.amazonaws.com").withAdmissionReviewVersions("v1beta1")
            .withSideEffects("None").endWebhook().build()).create();
  }

  @AfterAll
  static void stop() {
    for (String p : new String[] {"aws.accessKeyId", "aws.secretAccessKey", "kubernetes.master",
        "kubernetes.auth.tryKubeConfig", "kubernetes.auth.tryServiceAccount"}) {
      System.clearProperty(p);
    }
    cluster.close();
    moto.close();
  }

  @Test
  void doctorAndAuditCollectLive() {
    Cli ok = Cli.run("doctor", "--service-account", "irsa-demo:aws-cli", "--endpoint", moto.endpoint().toString(),
        "--region", "us-east-1");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.err()).contains("collecting live: the current kubeconfig context and the default AWS credentials");
    assertThat(ok.out()).startsWith("doctor irsa-demo:aws-cli: no broken link found\n");

    try (IamClient iam = moto.iam()) {
      iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(PROVIDER.arn()));
    }
    Cli broken = Cli.run("audit", "--endpoint", moto.endpoint().toString(), "--region", "us-east-1");
    assertThat(broken.exitCode()).as(broken.err()).isEqualTo(1);
    assertThat(broken.out()).contains("\"code\": \"OIDC_PROVIDER_MISSING\"");
  }
}
