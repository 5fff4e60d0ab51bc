package dev.irsa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.ServiceAccountRef;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ServiceAccountsTest {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static final AtomicInteger NS = new AtomicInteger();

  static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::111122223333:role/payments-api");
  static final RoleArn OTHER = RoleArn.parse("arn:aws:iam::111122223333:role/other");

  String ns;
  ServiceAccountRef sa;
  ServiceAccounts accounts;

  @BeforeEach
  void freshNamespace() {
    ns = "payments-" + NS.incrementAndGet();
    sa = ServiceAccountRef.of(ns, "api");
    accounts = IrsaKubernetes.using(client).serviceAccounts();
  }

  void createNamespace() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
  }

  ServiceAccount stored() {
    return client.serviceAccounts().inNamespace(ns).withName("api").get();
  }

  void existing(Map<String, String> annotations, Map<String, String> labels) {
    createNamespace();
    client.serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder().withNewMetadata().withName("api")
        .withNamespace(ns).withAnnotations(annotations).withLabels(labels).endMetadata().build()).create();
  }

  @Test
  void createsTheServiceAccountWithAnnotationsAndLabel() {
    createNamespace();

    ServiceAccounts.EnsureResult r = accounts.ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(ROLE)
        .audience("sts.amazonaws.com").stsRegionalEndpoints(true).tokenExpirationSeconds(3600L).build());

    assertThat(r.outcome()).isEqualTo(ServiceAccounts.Outcome.CREATED);
    assertThat(stored().getMetadata().getAnnotations()).containsExactly(
        Map.entry("eks.amazonaws.com/role-arn", ROLE.toString()),
        Map.entry("eks.amazonaws.com/audience", "sts.amazonaws.com"),
        Map.entry("eks.amazonaws.com/sts-regional-endpoints", "true"),
        Map.entry("eks.amazonaws.com/token-expiration", "3600"));
    assertThat(stored().getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "irsa");
  }

  @Test
  void missingNamespaceIsAnErrorUnlessAskedToCreateIt() {
    assertThatThrownBy(() -> accounts.ensure(ServiceAccountBinding.of(sa, ROLE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("namespace '" + ns + "' does not exist; pass createNamespace(true) to create it");

    ServiceAccounts.EnsureResult r = accounts.ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(ROLE)
        .createNamespace(true).build());

    assertThat(r.namespaceCreated()).isTrue();
    assertThat(client.namespaces().withName(ns).get()).isNotNull();
  }

  @Test
  void mergesWithAnnotationsAndLabelsAlreadyThereAndKeepsAnotherManager() {
    existing(Map.of("owner", "team-a"), Map.of("app", "api", "app.kubernetes.io/managed-by", "Helm"));

    ServiceAccounts.EnsureResult r = accounts.ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(ROLE)
        .putLabel("tier", "backend").build());

    assertThat(r.outcome()).isEqualTo(ServiceAccounts.Outcome.UPDATED);
    assertThat(stored().getMetadata().getAnnotations())
        .containsOnly(Map.entry("owner", "team-a"), Map.entry("eks.amazonaws.com/role-arn", ROLE.toString()));
    assertThat(stored().getMetadata().getLabels()).containsOnly(Map.entry("app", "api"),
        Map.entry("app.kubernetes.io/managed-by", "Helm"), Map.entry("tier", "backend"));
  }

  @Test
  void ensuringTwiceIsUnchanged() {
    createNamespace();
    accounts.ensure(ServiceAccountBinding.of(sa, ROLE));
    String version = stored().getMetadata().getResourceVersion();

    ServiceAccounts.EnsureResult again = accounts.ensure(ServiceAccountBinding.of(sa, ROLE));

    assertThat(again.outcome()).isEqualTo(ServiceAccounts.Outcome.UNCHANGED);
    assertThat(again.previousRole()).contains(ROLE.toString());
    assertThat(stored().getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void anotherRoleIsAConflict() {
    existing(Map.of("eks.amazonaws.com/role-arn", OTHER.toString()), Map.of());

    assertThatThrownBy(() -> accounts.ensure(ServiceAccountBinding.of(sa, ROLE)))
        .isInstanceOfSatisfying(ServiceAccountConflictException.class, e -> {
          assertThat(e.existingRole()).isEqualTo(OTHER.toString());
          assertThat(e.requestedRole()).isEqualTo(ROLE);
          assertThat(e.serviceAccount()).isEqualTo(sa);
        })
        .hasMessage("service account " + ns + ":api is already annotated with role " + OTHER
            + "; pass overrideExisting(true) to replace it with " + ROLE);
    assertThat(stored().getMetadata().getAnnotations()).containsEntry("eks.amazonaws.com/role-arn", OTHER.toString());
  }

  @Test
  void overrideReplacesAnotherRole() {
    existing(Map.of("eks.amazonaws.com/role-arn", OTHER.toString()), Map.of());

    ServiceAccounts.EnsureResult r = accounts.ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(ROLE)
        .overrideExisting(true).build());

    assertThat(r.outcome()).isEqualTo(ServiceAccounts.Outcome.UPDATED);
    assertThat(r.previousRole()).contains(OTHER.toString());
    assertThat(stored().getMetadata().getAnnotations()).containsEntry("eks.amazonaws.com/role-arn", ROLE.toString());
  }

  @Test
  void aConflictingConcurrentEditIsRetriedOnAFreshRead() {
    // Given another writer changed the service account between our read and our write (409 once)
    existing(Map.of("owner", "team-a"), Map.of());
    server.expect().put().withPath("/api/v1/namespaces/" + ns + "/serviceaccounts/api")
        .andReturn(409, conflict()).once();

    // When ensuring the binding
    ServiceAccounts.EnsureResult r = accounts.ensure(ServiceAccountBinding.of(sa, ROLE));

    // Then the write is retried and lands next to what was there
    assertThat(r.outcome()).isEqualTo(ServiceAccounts.Outcome.UPDATED);
    assertThat(stored().getMetadata().getAnnotations())
        .containsOnly(Map.entry("owner", "team-a"), Map.entry("eks.amazonaws.com/role-arn", ROLE.toString()));
  }

  @Test
  void aStaleResourceVersionIsAConflictTheApiServerReports() {
    // Given our copy was read before someone else's update
    existing(Map.of(), Map.of());
    ServiceAccount ours = stored();
    client.serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder(stored()).editMetadata()
        .addToLabels("edited", "by-someone-else").endMetadata().build()).update();

    // When writing our stale copy, the server answers 409: ensure() relies on exactly this
    assertThatThrownBy(() -> client.serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder(ours)
        .editMetadata().addToAnnotations("x", "y").endMetadata().build()).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void concurrentWritersBothLand() throws Exception {
    // Given two writers racing on one existing service account
    existing(Map.of(), Map.of());
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.List<java.util.concurrent.Future<ServiceAccounts.EnsureResult>> results = new java.util.ArrayList<>();
      for (String label : new String[] {"writer-a", "writer-b"}) {
        results.add(pool.submit(() -> {
          go.await();
          return accounts.ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(ROLE).putLabel(label, "yes").build());
        }));
      }

      // When both run at once
      go.countDown();
      for (var f : results) {
        f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    // Then neither write is lost
    assertThat(stored().getMetadata().getLabels()).containsEntry("writer-a", "yes").containsEntry("writer-b", "yes");
    assertThat(stored().getMetadata().getAnnotations()).containsEntry("eks.amazonaws.com/role-arn", ROLE.toString());
  }

  @Test
  void persistentConflictsGiveUpAfterMaxAttempts() {
    existing(Map.of(), Map.of());
    server.expect().put().withPath("/api/v1/namespaces/" + ns + "/serviceaccounts/api")
        .andReturn(409, conflict()).times(ServiceAccounts.MAX_ATTEMPTS);

    assertThatThrownBy(() -> accounts.ensure(ServiceAccountBinding.of(sa, ROLE)))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(stored().getMetadata().getAnnotations()).doesNotContainKey("eks.amazonaws.com/role-arn");
  }

  @Test
  void unbindRemovesTheRoleAnnotationAndOurLabelOnly() {
    existing(Map.of("owner", "team-a", "eks.amazonaws.com/role-arn", ROLE.toString(),
        "eks.amazonaws.com/sts-regional-endpoints", "true"), Map.of("app.kubernetes.io/managed-by", "irsa", "app", "api"));

    boolean removed = accounts.unbind(sa);

    assertThat(removed).isTrue();
    assertThat(stored().getMetadata().getAnnotations()).containsOnly(Map.entry("owner", "team-a"),
        Map.entry("eks.amazonaws.com/sts-regional-endpoints", "true"));
    assertThat(stored().getMetadata().getLabels()).containsOnly(Map.entry("app", "api"));
    assertThat(accounts.unbind(sa)).isFalse();
    assertThat(accounts.unbind(ServiceAccountRef.of(ns, "missing"))).isFalse();
  }

  @Test
  void roleReadsTheAnnotation() {
    createNamespace();
    accounts.ensure(ServiceAccountBinding.of(sa, ROLE));

    assertThat(accounts.role(sa)).contains(ROLE);
  }

  @Test
  void bindingRejectsPatternsAndShortTokens() {
    assertThatThrownBy(() -> ServiceAccountBinding.of(ServiceAccountRef.pattern("payments", "api-*"), ROLE))
        .hasMessage("service account must be a name, not a pattern, got: 'payments:api-*'");
    assertThatThrownBy(() -> ServiceAccountBinding.builder().serviceAccount(sa).role(ROLE).tokenExpirationSeconds(60L).build())
        .hasMessage("token expiration must be at least 600 seconds (the webhook raises lower values to 600), got: 60");
  }

  static io.fabric8.kubernetes.api.model.Status conflict() {
    return new StatusBuilder().withStatus("Failure").withReason("Conflict").withCode(409)
        .withMessage("Operation cannot be fulfilled on serviceaccounts \"api\": the object has been modified").build();
  }
}
