package dev.irsa.verify.doctor;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The faults produced for real on the embedded cluster (fabric8 mock server with the webhook
 * reproduction) and moto, then collected twice: live through the clients, and from the files the
 * standard tools print ({@code aws iam get-account-authorization-details}, the README's OIDC providers
 * loop, the cluster's objects as {@code kubectl get -o json} prints them). Both must give the same report.
 */
class LiveDoctorIT {
  static final String ISSUER = EmbeddedCluster.DEFAULT_ISSUER;
  static final String ACCOUNT = "123456789012";   // moto's account
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");
  static final OidcProvider PROVIDER = OidcProvider.fromIssuer(ISSUER, ACCOUNT);

  static MotoServer moto;
  static IamClient iam;
  static EmbeddedCluster cluster;
  static IrsaKubernetes k8s;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    iam = moto.iam();
    cluster = EmbeddedCluster.builder().issuer(ISSUER).webhook(PodIdentityWebhook.builder().build()).quiet(true).start();
    k8s = IrsaKubernetes.using(cluster.client());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (iam != null) {
      iam.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  /** The seed's set-up: provider, policy and role in moto; webhook configuration, annotated service account and pod. */
  private void healthy() {
    moto.reset();
    IamProvisioner.using(iam).apply(ServiceAccountRole.builder().roleName("irsa-demo-aws-cli").serviceAccount(PROVIDER, SA)
        .managedPolicy("irsa-demo-aws-cli", Permissions.builder().s3Read("irsa-demo-bucket").build()).build());
    KubernetesClient c = cluster.client();
    c.admissionRegistration().v1().mutatingWebhookConfigurations().resource(new MutatingWebhookConfigurationBuilder()
        .withNewMetadata().withName("pod-identity-webhook").endMetadata()
        .addNewWebhook().withName("iam-for-pods.amazonaws.com").withAdmissionReviewVersions("v1beta1")
        .withSideEffects("None").endWebhook().build()).createOr(existing -> existing.update());
    k8s.testPods().delete(SA.namespace(), "aws-cli");
    k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(SA)
        .role(dev.irsa.core.arn.RoleArn.of(ACCOUNT, "irsa-demo-aws-cli")).createNamespace(true).build());
    k8s.testPods().create(TestPod.awsCli(SA));
  }

  private Snapshot live() {
    return LiveCollector.builder().kubernetes(cluster.client()).iam(iam).build().collect();
  }

  /** The same state read back from files in the standard formats. */
  private Snapshot files() throws IOException, InterruptedException {
    KubernetesClient c = cluster.client();
    List<HasMetadata> items = new ArrayList<>();
    items.addAll(c.serviceAccounts().inAnyNamespace().list().getItems());
    items.addAll(c.pods().inAnyNamespace().list().getItems());
    String k8sList = Serialization.asJson(Map.of("apiVersion", "v1", "kind", "List", "items", items));
    String hooks = Serialization.asJson(Map.of("apiVersion", "v1", "kind", "List", "items",
        c.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems()));
    String iamJson = aws("aws iam get-account-authorization-details --output json");
    Path script = Path.of("scripts/oidc-providers.sh").toAbsolutePath();
    String providers = aws("bash " + script);
    Snapshot.Builder b = Snapshot.builder().issuer(ISSUER);
    SnapshotFiles.addKubernetes(b, "k8s.json", k8sList);
    SnapshotFiles.addKubernetes(b, "webhooks.json", hooks);
    SnapshotFiles.addIam(b, "iam.json", iamJson);
    SnapshotFiles.addOidcProviders(b, "oidc-providers.json", providers);
    return b.build();
  }

  /** Runs a command line with the AWS CLI pointed at moto, in a HOME of its own. */
  private String aws(String command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
    env.put("HOME", dir.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(command).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private Report diagnose(Snapshot s) {
    return Doctor.create().diagnose(s, SA);
  }

  /** Live and files agree on the whole report; returns the codes. */
  private List<Code> agreed() throws IOException, InterruptedException {
    Snapshot liveSnapshot = live();
    Snapshot fileSnapshot = files();
    Report live = diagnose(liveSnapshot);
    assertThat(live.toJson()).isEqualTo(diagnose(fileSnapshot).toJson());
    assertThat(Doctor.create().audit(liveSnapshot, null, Doctor.Progress.NONE).toJson())
        .isEqualTo(Doctor.create().audit(fileSnapshot, null, Doctor.Progress.NONE).toJson());
    return live.codes();
  }

  @Test
  void healthyThenEachFaultForReal() throws Exception {
    healthy();
    assertThat(agreed()).isEmpty();

    // delete the provider
    iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(PROVIDER.arn()));
    assertThat(agreed()).containsExactly(Code.OIDC_PROVIDER_MISSING);

    // the provider again, with the audience mistyped
    iam.createOpenIDConnectProvider(r -> r.url(ISSUER).clientIDList("sts.amazon.com"));
    assertThat(agreed()).containsExactly(Code.OIDC_AUDIENCE_NOT_REGISTERED);

    // the trust for another namespace
    healthy();
    iam.updateAssumeRolePolicy(r -> r.roleName("irsa-demo-aws-cli").policyDocument(
        dev.irsa.core.trust.IrsaTrust.of(PROVIDER, ServiceAccountRef.of("default", "aws-cli")).toJson()));
    assertThat(agreed()).containsExactly(Code.TRUST_SUBJECT_MISMATCH);

    // annotate after the pod exists
    healthy();
    k8s.testPods().delete(SA.namespace(), "aws-cli");
    k8s.serviceAccounts().unbind(SA);
    k8s.testPods().create(TestPod.awsCli(SA));
    k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(SA)
        .role(dev.irsa.core.arn.RoleArn.of(ACCOUNT, "irsa-demo-aws-cli")).build());
    assertThat(agreed()).containsExactly(Code.POD_NOT_MUTATED);

    // the webhook configuration deleted (the pod created before keeps its wiring)
    healthy();
    cluster.client().admissionRegistration().v1().mutatingWebhookConfigurations().withName("pod-identity-webhook").delete();
    assertThat(agreed()).containsExactly(Code.WEBHOOK_MISSING);
  }
}
