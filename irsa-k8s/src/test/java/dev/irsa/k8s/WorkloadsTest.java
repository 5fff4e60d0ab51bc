package dev.irsa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.webhook.Finding;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class WorkloadsTest {
  static KubernetesClient client;
  static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::111122223333:role/payments-api");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC);

  static PodTemplateSpec template(String sa) {
    return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "x").endMetadata()
        .withNewSpec().withServiceAccountName(sa).addNewContainer().withName("app").withImage("app").endContainer()
        .endSpec().build();
  }

  /** A pod as the API server would hold it: mutated by the webhook when {@code annotated} at creation. */
  static Pod pod(String ns, String name, String ownerKind, String ownerName, boolean annotated) {
    Pod p = new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata()
        .withNewSpec().withServiceAccountName("api").addNewContainer().withName("app").withImage("app").endContainer()
        .endSpec().build();
    if (ownerKind != null) {
      p.getMetadata().setOwnerReferences(List.of(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
          .withKind(ownerKind).withName(ownerName).withApiVersion("apps/v1").withUid(ownerName).withController(true).build()));
    }
    if (annotated) {
      ServiceAccount sa = new io.fabric8.kubernetes.api.model.ServiceAccountBuilder().withNewMetadata().withNamespace(ns)
          .withName("api").addToAnnotations("eks.amazonaws.com/role-arn", ROLE.toString()).endMetadata().build();
      p = PodIdentityWebhook.eks().mutate(p, sa).pod();
    }
    return client.pods().inNamespace(ns).resource(p).create();
  }

  void cluster(String ns) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder().withNewMetadata().withName("web")
        .endMetadata().withNewSpec().withTemplate(template("api")).endSpec().build()).create();
    client.apps().replicaSets().inNamespace(ns).resource(new ReplicaSetBuilder().withNewMetadata().withName("web-5d9f")
        .addNewOwnerReference().withKind("Deployment").withName("web").withApiVersion("apps/v1").withUid("web")
        .withController(true).endOwnerReference().endMetadata().withNewSpec().withTemplate(template("api")).endSpec()
        .build()).create();
    client.apps().statefulSets().inNamespace(ns).resource(new StatefulSetBuilder().withNewMetadata().withName("db")
        .endMetadata().withNewSpec().withTemplate(template("api")).endSpec().build()).create();
    client.apps().daemonSets().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder()
        .withNewMetadata().withName("agent").endMetadata().withNewSpec().withTemplate(template("api")).endSpec().build())
        .create();
    client.batch().v1().jobs().inNamespace(ns).resource(new JobBuilder().withNewMetadata().withName("migrate")
        .endMetadata().withNewSpec().withTemplate(template("api")).endSpec().build()).create();
    client.batch().v1().jobs().inNamespace(ns).resource(new JobBuilder().withNewMetadata().withName("other")
        .endMetadata().withNewSpec().withTemplate(template("someone-else")).endSpec().build()).create();
    // pods created before the role annotation...
    pod(ns, "web-5d9f-a", "ReplicaSet", "web-5d9f", false);
    pod(ns, "web-5d9f-b", "ReplicaSet", "web-5d9f", false);
    pod(ns, "db-0", "StatefulSet", "db", false);
    pod(ns, "bare", null, null, false);
    pod(ns, "migrate-x7", "Job", "migrate", false);
    // ...and one after
    pod(ns, "web-5d9f-c", "ReplicaSet", "web-5d9f", true);
    // then the service account is annotated
    IrsaKubernetes.using(client).serviceAccounts().ensure(ServiceAccountBinding.of(ServiceAccountRef.of(ns, "api"), ROLE));
  }

  @Test
  void findsControllersAndPodsUnderTheServiceAccount() {
    cluster("find");

    Workloads.Report r = IrsaKubernetes.using(client).workloads().find(ServiceAccountRef.of("find", "api"));

    assertThat(r.controllers()).extracting(Workload::toString)
        .containsExactlyInAnyOrder("Deployment/find/web", "StatefulSet/find/db", "DaemonSet/find/agent", "Job/find/migrate");
    assertThat(r.pods()).extracting(p -> p.pod().name() + " <- " + p.controller().map(Workload::toString).orElse("-"))
        .containsExactlyInAnyOrder("web-5d9f-a <- Deployment/find/web", "web-5d9f-b <- Deployment/find/web",
            "db-0 <- StatefulSet/find/db", "bare <- -", "web-5d9f-c <- Deployment/find/web", "migrate-x7 <- Job/find/migrate");
    assertThat(r.stalePods()).extracting(p -> p.pod().name())
        .containsExactlyInAnyOrder("web-5d9f-a", "web-5d9f-b", "db-0", "bare", "migrate-x7");
    assertThat(r.stalePods()).allSatisfy(p -> assertThat(p.wiring().has(Finding.Code.STALE_NOT_WIRED)).isTrue());
  }

  @Test
  void restartsStaleWorkloads() {
    cluster("restart");

    List<Workloads.Action> actions = IrsaKubernetes.using(client, CLOCK).workloads()
        .restartStale(ServiceAccountRef.of("restart", "api"));

    assertThat(actions).extracting(a -> a.kind() + " " + a.target())
        .containsExactlyInAnyOrder("ROLLOUT_RESTART Deployment/restart/web", "DELETE_POD Pod/restart/db-0",
            "DELETE_POD Pod/restart/migrate-x7", "SKIPPED Pod/restart/bare");
    assertThat(client.apps().deployments().inNamespace("restart").withName("web").get().getSpec().getTemplate()
        .getMetadata().getAnnotations()).containsEntry("kubectl.kubernetes.io/restartedAt", "2026-11-29T08:00:00Z");
    assertThat(client.pods().inNamespace("restart").withName("db-0").get()).isNull();
    assertThat(client.pods().inNamespace("restart").withName("bare").get()).isNotNull();
    assertThat(actions.stream().filter(a -> a.kind() == Workloads.Action.Kind.SKIPPED).findFirst().orElseThrow().reason())
        .isEqualTo("STALE_NOT_WIRED; not owned by a controller, so deleting it would not bring it back: recreate it yourself");
  }
}
