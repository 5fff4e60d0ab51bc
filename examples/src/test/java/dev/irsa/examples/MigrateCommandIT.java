package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.aws.MotoServer;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.EksAnnotations;
import dev.irsa.k8s.migrate.FakePodIdentityEks;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** {@code migrate} on the seed's service account: moto for IAM, the EKS association fake, fabric8's mock server. */
@EnableKubernetesMockClient(crud = true)
class MigrateCommandIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static MotoServer moto;
  static FakePodIdentityEks eks;
  static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/CLIMIGRATE";
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/irsa-demo-aws-cli";

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    eks = new FakePodIdentityEks();
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    Path kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        contexts:
        - name: mock
          context:
            cluster: mock
            user: mock
        current-context: mock
        users:
        - name: mock
          user:
            token: not-a-secret
        """.formatted(client.getMasterUrl()));
    System.setProperty("kubeconfig", kubeconfig.toString());
  }

  @AfterAll
  static void stop() {
    System.clearProperty("kubeconfig");
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    eks.close();
    moto.close();
  }

  static String[] args(String... more) {
    return Stream.concat(Stream.of("migrate"), Stream.concat(Stream.of(more), Stream.of("--cluster", "demo",
        "--service-account", "irsa-demo:aws-cli", "--issuer", ISSUER, "--account", "123456789012",
        "--endpoint", moto.endpoint().toString(), "--eks-endpoint", eks.endpoint().toString(),
        "--region", "us-east-1"))).toArray(String[]::new);
  }

  @Test
  void planApplyRerunAndRollbackOnTheSeedsServiceAccount() {
    // Given the seed's IRSA setup
    ServiceAccountRef sa = ServiceAccountRef.of("irsa-demo", "aws-cli");
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName("irsa-demo-aws-cli").assumeRolePolicyDocument(
          IrsaTrust.of(OidcProvider.fromIssuer(ISSUER, "123456789012"), sa).toJson()));
    }
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("irsa-demo").endMetadata().build())
        .create();
    client.serviceAccounts().inNamespace("irsa-demo").resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("aws-cli").withAnnotations(Map.of(EksAnnotations.ROLE_ARN, ROLE_ARN)).endMetadata().build()).create();
    client.apps().deployments().inNamespace("irsa-demo").resource(new DeploymentBuilder().withNewMetadata()
        .withName("aws-cli").endMetadata().withNewSpec().withNewTemplate().withNewSpec().withServiceAccountName("aws-cli")
        .addNewContainer().withName("aws").withImage("amazon/aws-cli").endContainer().endSpec().endTemplate()
        .endSpec().build()).create();

    // When it is planned, applied, planned again and rolled back
    Cli plan = Cli.run(args("plan"));
    Cli apply = Cli.run(args("apply"));
    Cli again = Cli.run(args("plan", "--json"));
    Cli cleanupPlan = Cli.run(args("plan", "--phase", "cleanup"));

    // Then
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).isEqualTo("roll-out of " + ROLE_ARN + " for [irsa-demo:aws-cli]\n"
        + "  + ADD_POD_IDENTITY_TRUST " + ROLE_ARN + ": allow pods.eks.amazonaws.com sts:AssumeRole and sts:TagSession "
        + "(the OIDC statements stay)\n"
        + "  + CREATE_ASSOCIATION demo/irsa-demo:aws-cli: " + ROLE_ARN + "\n"
        + "  + RESTART_WORKLOAD Deployment/irsa-demo/aws-cli: rollout restart so new pods get Pod Identity credentials\n");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(eks.associations()).hasSize(1);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("\"blocked\": false").doesNotContain("\"done\": false");
    assertThat(cleanupPlan.out()).contains("  + REMOVE_ANNOTATION irsa-demo:aws-cli", "  + REMOVE_OIDC_TRUST");
    Cli rollback = Cli.run(args("rollback"));
    assertThat(rollback.exitCode()).as(rollback.err()).isZero();
    assertThat(eks.associations()).isEmpty();
  }

  @Test
  void aBlockedMigrationExitsOneWithTheBlockerOnOneLine() {
    Cli missing = Cli.run(Stream.of(args("apply")).map(a -> a.equals("irsa-demo:aws-cli") ? "nowhere:nobody" : a)
        .toArray(String[]::new));

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("error: roll-out blocked: BLOCKER SA_NOT_FOUND nowhere:nobody: no such service "
        + "account in the cluster" + System.lineSeparator());
  }
}
