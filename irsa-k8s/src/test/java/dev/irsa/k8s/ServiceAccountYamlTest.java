package dev.irsa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.ServiceAccountRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exported ServiceAccount manifest, applied to a cluster, is what {@link ServiceAccounts#ensure} creates. */
@EnableKubernetesMockClient(crud = true)
class ServiceAccountYamlTest {
  static KubernetesMockServer server;
  static KubernetesClient client;

  static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::111122223333:role/irsa-demo-aws-cli");

  @Test
  void yamlIsExactAndQuoted() {
    ServiceAccountBinding b = ServiceAccountBinding.builder().serviceAccount(ServiceAccountRef.of("irsa-demo", "aws-cli"))
        .role(ROLE).audience("sts.amazonaws.com").putLabel("team", "demo").build();

    assertThat(b.toYaml()).isEqualTo("""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: "aws-cli"
          namespace: "irsa-demo"
          labels:
            "app.kubernetes.io/managed-by": "irsa"
            "team": "demo"
          annotations:
            "eks.amazonaws.com/role-arn": "arn:aws:iam::111122223333:role/irsa-demo-aws-cli"
            "eks.amazonaws.com/audience": "sts.amazonaws.com"
        """);
  }

  @Test
  void appliedToTheClusterItReadsBackEqualToWhatEnsureCreates() {
    // Given two bindings exported as one YAML stream
    ServiceAccountBinding api = ServiceAccountBinding.builder().serviceAccount(ServiceAccountRef.of("yaml-a", "api"))
        .role(ROLE).stsRegionalEndpoints(true).tokenExpirationSeconds(3600L).build();
    ServiceAccountBinding worker = ServiceAccountBinding.of(ServiceAccountRef.of("yaml-a", "worker"), ROLE);
    String yaml = ServiceAccountBinding.toYaml(List.of(api, worker));
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("yaml-a").endMetadata().build())
        .create();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("yaml-b").endMetadata().build())
        .create();

    // When the YAML is applied as a user would (kubectl apply -f), and ensure() creates the same in another namespace
    List<HasMetadata> applied = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    applied.forEach(o -> client.resource(o).create());
    IrsaKubernetes.using(client).serviceAccounts().ensure(ServiceAccountBinding.builder()
        .serviceAccount(ServiceAccountRef.of("yaml-b", "api")).role(ROLE).stsRegionalEndpoints(true)
        .tokenExpirationSeconds(3600L).build());

    // Then both read back with the same annotations and labels
    assertThat(applied).hasSize(2);
    ServiceAccount fromYaml = client.serviceAccounts().inNamespace("yaml-a").withName("api").get();
    ServiceAccount fromEnsure = client.serviceAccounts().inNamespace("yaml-b").withName("api").get();
    assertThat(fromYaml.getMetadata().getAnnotations()).isEqualTo(api.annotations())
        .isEqualTo(fromEnsure.getMetadata().getAnnotations());
    assertThat(fromYaml.getMetadata().getLabels()).isEqualTo(fromEnsure.getMetadata().getLabels());
    assertThat(client.serviceAccounts().inNamespace("yaml-a").withName("worker").get().getMetadata().getAnnotations())
        .containsEntry(EksAnnotations.ROLE_ARN, ROLE.toString());
  }
}
