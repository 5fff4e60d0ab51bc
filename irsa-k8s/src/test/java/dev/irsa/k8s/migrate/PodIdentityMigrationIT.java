package dev.irsa.k8s.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.aws.MotoServer;
import dev.irsa.core.aws.internal.PolicyText;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.SizeQuota;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.EksAnnotations;
import dev.irsa.k8s.migrate.MigrationStep.Kind;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * IRSA to Pod Identity against moto (IAM), a fake of the EKS association API (moto answers 404 for it)
 * through the real SDK client, and fabric8's mock server (workloads).
 */
@EnableKubernetesMockClient(crud = true)
class PodIdentityMigrationIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static MotoServer moto;
  static FakePodIdentityEks fake;
  static EksClient eks;
  static final AtomicInteger RUN = new AtomicInteger();
  static final String CLUSTER_NAME = "demo";
  static final OidcProvider CLUSTER =
      OidcProvider.fromIssuer("https://oidc.eks.us-east-1.amazonaws.com/id/MIGRATEEXAMPLE", "123456789012");

  String ns;
  ServiceAccountRef sa;
  String role;
  String roleArn;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    fake = new FakePodIdentityEks();
    eks = fake.client();
  }

  @AfterAll
  static void stop() {
    eks.close();
    fake.close();
    moto.close();
  }

  @BeforeEach
  void fresh() {
    moto.reset();
    fake.clear();
    int n = RUN.incrementAndGet();
    ns = "demo-" + n;
    sa = ServiceAccountRef.of(ns, "aws-cli");
    role = "irsa-demo-" + n;
    roleArn = "arn:aws:iam::123456789012:role/" + role;
  }

  // ---- fixtures -------------------------------------------------------------------------------------------

  void namespace(String name) {
    if (client.namespaces().withName(name).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
  }

  void serviceAccount(ServiceAccountRef ref, String annotation) {
    namespace(ref.namespace());
    client.serviceAccounts().inNamespace(ref.namespace()).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName(ref.name()).withNamespace(ref.namespace())
        .withAnnotations(annotation == null ? Map.of() : Map.of(EksAnnotations.ROLE_ARN, annotation))
        .endMetadata().build()).create();
  }

  void deployment(ServiceAccountRef ref, String name) {
    client.apps().deployments().inNamespace(ref.namespace()).resource(new DeploymentBuilder().withNewMetadata()
        .withName(name).withNamespace(ref.namespace()).endMetadata().withNewSpec().withNewSelector()
        .addToMatchLabels("app", name).endSelector().withNewTemplate().withNewMetadata().addToLabels("app", name)
        .endMetadata().withNewSpec().withServiceAccountName(ref.name()).addNewContainer().withName("app")
        .withImage("amazon/aws-cli").endContainer().endSpec().endTemplate().endSpec().build()).create();
  }

  void iamRole(String name, PolicyDocument trust) {
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust.toJson()));
    }
  }

  PolicyDocument trust(String name) {
    try (IamClient iam = moto.iam()) {
      return PolicyText.parse("GetRole", name, iam.getRole(r -> r.roleName(name)).role().assumeRolePolicyDocument());
    }
  }

  /** The seed: a role trusting one service account, the account annotated, a Deployment under it. */
  void seed() {
    iamRole(role, IrsaTrust.of(CLUSTER, sa));
    serviceAccount(sa, roleArn);
    deployment(sa, "web");
  }

  PolicyDocument original() {
    return IrsaTrust.of(CLUSTER, sa);
  }

  String marker(String namespace, String deployment) {
    Map<String, String> a = client.apps().deployments().inNamespace(namespace).withName(deployment).get().getSpec()
        .getTemplate().getMetadata().getAnnotations();
    return a == null ? null : a.get(Inventory.MARKER);
  }

  MigrationPlan apply(IamClient iam, MigrationRequest r) {
    return PodIdentityMigration.using(client, iam, eks).apply(r);
  }

  MigrationRequest rollOut() {
    return MigrationRequest.rollOut(CLUSTER_NAME, sa, CLUSTER);
  }

  // ---- roll-out, clean-up, roll-back ----------------------------------------------------------------------

  @Test
  void rollOutTrustsBothAssociatesAndRestartsThenARerunChangesNothing() {
    seed();
    try (IamClient iam = moto.iam()) {
      PodIdentityMigration m = PodIdentityMigration.using(client, iam, eks);

      MigrationPlan plan = m.plan(rollOut());
      assertThat(plan.blocked()).as(plan.toString()).isFalse();
      assertThat(plan.steps()).extracting(MigrationStep::kind, MigrationStep::done).containsExactly(
          org.assertj.core.groups.Tuple.tuple(Kind.ADD_POD_IDENTITY_TRUST, false),
          org.assertj.core.groups.Tuple.tuple(Kind.CREATE_ASSOCIATION, false),
          org.assertj.core.groups.Tuple.tuple(Kind.RESTART_WORKLOAD, false));
      assertThat(fake.creates()).isZero();

      MigrationPlan done = m.apply(rollOut());

      assertThat(done.complete()).isTrue();
      PolicyDocument trust = trust(role);
      assertThat(trust.statements()).hasSize(2);
      assertThat(trust.statements().get(0)).isEqualTo(original().statements().get(0));
      assertThat(TrustEdit.hasPodIdentity(trust)).isTrue();
      assertThat(fake.associations()).extracting(FakePodIdentityEks.Association::namespace,
          FakePodIdentityEks.Association::serviceAccount, FakePodIdentityEks.Association::roleArn)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(ns, "aws-cli", roleArn));
      assertThat(marker(ns, "web")).isEqualTo("roll-out");

      // A re-run finds everything right and changes nothing
      MigrationPlan again = m.plan(rollOut());
      assertThat(again.complete()).as(again.toString()).isTrue();
      m.apply(rollOut());
      assertThat(fake.creates()).isEqualTo(1);
      assertThat(trust(role)).isEqualTo(trust);
    }
  }

  @Test
  void cleanupRemovesTheAnnotationAndTheClustersOidcTrustOnlyAfterTheRollOut() {
    seed();
    try (IamClient iam = moto.iam()) {
      PodIdentityMigration m = PodIdentityMigration.using(client, iam, eks);
      MigrationRequest cleanup = MigrationRequest.cleanup(CLUSTER_NAME, sa, CLUSTER);

      assertThatThrownBy(() -> m.apply(cleanup)).isInstanceOf(MigrationBlockedException.class)
          .hasMessageContaining("ROLL_OUT_INCOMPLETE");

      m.apply(rollOut());
      MigrationPlan done = m.apply(cleanup);

      assertThat(done.complete()).isTrue();
      assertThat(client.serviceAccounts().inNamespace(ns).withName("aws-cli").get().getMetadata().getAnnotations())
          .doesNotContainKey(EksAnnotations.ROLE_ARN);
      PolicyDocument trust = trust(role);
      assertThat(trust.statements()).hasSize(1);
      assertThat(trust.statements().get(0).sid()).contains(TrustEdit.MIGRATION_SID);
      assertThat(m.plan(cleanup).complete()).isTrue();
      // roll-back undoes phase one only
      assertThatThrownBy(() -> m.rollback(rollOut())).isInstanceOf(MigrationBlockedException.class)
          .hasMessageContaining("ALREADY_CLEANED_UP");
    }
  }

  @Test
  void rollbackUndoesPhaseOneAndRestartsAgain() {
    seed();
    try (IamClient iam = moto.iam()) {
      PodIdentityMigration m = PodIdentityMigration.using(client, iam, eks);
      m.apply(rollOut());

      MigrationPlan back = m.rollback(rollOut());

      assertThat(back.complete()).isTrue();
      assertThat(fake.associations()).isEmpty();
      assertThat(trust(role)).isEqualTo(original());
      assertThat(marker(ns, "web")).isEqualTo("roll-back");
      assertThat(m.planRollback(rollOut()).complete()).isTrue();
    }
  }

  @Test
  void aWildcardTrustGetsOneAssociationPerServiceAccountBoundToTheRoleToday() {
    // Given a trust admitting system:serviceaccount:<ns>-*:* by StringLike, and three matching accounts
    String team = ns;
    iamRole(role, IrsaTrust.builder().match(dev.irsa.core.trust.SubjectMatch.LIKE)
        .serviceAccount(CLUSTER, ServiceAccountRef.pattern(team + "-*", "*")).build());
    ServiceAccountRef api = ServiceAccountRef.of(team + "-a", "api");
    ServiceAccountRef worker = ServiceAccountRef.of(team + "-b", "worker");
    ServiceAccountRef other = ServiceAccountRef.of(team + "-c", "other");
    serviceAccount(api, roleArn);
    serviceAccount(worker, roleArn);
    serviceAccount(other, null);
    try (IamClient iam = moto.iam()) {
      PodIdentityMigration m = PodIdentityMigration.using(client, iam, eks);
      MigrationRequest r = MigrationRequest.rollOut(CLUSTER_NAME, api, CLUSTER);

      MigrationPlan plan = m.plan(r);

      assertThat(plan.serviceAccounts()).containsExactly(api, worker);
      assertThat(plan.findings()).extracting(MigrationFinding::code).containsExactly("WILDCARD_TRUST", "WILDCARD_UNBOUND");
      assertThat(plan.findings().get(1).message()).contains(other.toString());
      m.apply(r);
      assertThat(fake.associations()).extracting(FakePodIdentityEks.Association::serviceAccount)
          .containsExactlyInAnyOrder("api", "worker");
      assertThat(m.plan(r).complete()).isTrue();
    }
  }

  // ---- blockers -------------------------------------------------------------------------------------------

  void assertBlockedWithoutChanges(MigrationRequest r, String code) {
    PolicyDocument before = trust(role);
    try (IamClient iam = moto.iam()) {
      assertThatThrownBy(() -> apply(iam, r)).isInstanceOf(MigrationBlockedException.class)
          .hasMessageContaining(code)
          .satisfies(e -> assertThat(((MigrationBlockedException) e).plan().findings())
              .extracting(MigrationFinding::code).contains(code));
    }
    assertThat(trust(role)).isEqualTo(before);
    assertThat(fake.creates()).isZero();
    assertThat(marker(r.serviceAccount().namespace(), "web")).isNull();
  }

  @Test
  void aFargatePodBlocks() {
    seed();
    client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("web-1").withNamespace(ns)
        .addToLabels("eks.amazonaws.com/fargate-profile", "fp-default").endMetadata().withNewSpec()
        .withServiceAccountName("aws-cli").withSchedulerName("fargate-scheduler").addNewContainer().withName("app")
        .withImage("x").endContainer().endSpec().build()).create();

    assertBlockedWithoutChanges(rollOut(), "FARGATE_POD");
  }

  @Test
  void aWindowsPodBlocks() {
    seed();
    client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("web-1").withNamespace(ns)
        .endMetadata().withNewSpec().withServiceAccountName("aws-cli").addToNodeSelector("kubernetes.io/os", "windows")
        .addNewContainer().withName("app").withImage("x").endContainer().endSpec().build()).create();

    assertBlockedWithoutChanges(rollOut(), "WINDOWS_POD");
  }

  @Test
  void anAssociationForAnotherRoleBlocks() {
    seed();
    fake.put(CLUSTER_NAME, ns, "aws-cli", "arn:aws:iam::123456789012:role/someone-else");

    assertBlockedWithoutChanges(rollOut(), "ASSOCIATION_FOR_OTHER_ROLE");
  }

  @Test
  void aChainedRoleWithoutTagSessionBlocks() {
    seed();
    iamRole(role + "-next", PolicyDocument.fromJson("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole"}]}
        """.formatted(roleArn)));

    assertBlockedWithoutChanges(rollOut(), "CHAINED_ROLE_WITHOUT_TAG_SESSION");
  }

  @Test
  void aTrustThatWouldExceedItsQuotaBlocks() {
    seed();
    int size = original().iamSize();
    MigrationRequest r = new MigrationRequest(CLUSTER_NAME, sa, Optional.of(CLUSTER), MigrationRequest.Phase.ROLL_OUT,
        SizeQuota.trustPolicy(size + 10));

    assertBlockedWithoutChanges(r, "TRUST_POLICY_TOO_LARGE");
  }

  // ---- faults: fail every call once, then the next run converges -------------------------------------------

  /** Fails the N-th IAM call (1-based), before it is sent or after IAM did it (a lost response). */
  static final class IamFault implements ExecutionInterceptor {
    final int failAt;
    final boolean after;
    final AtomicInteger calls = new AtomicInteger();

    IamFault(int failAt, boolean after) {
      this.failAt = failAt;
      this.after = after;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
      if (calls.incrementAndGet() == failAt && !after) {
        throw SdkClientException.create("injected IAM fault before call " + failAt);
      }
    }

    @Override
    public void afterExecution(Context.AfterExecution c, ExecutionAttributes a) {
      if (calls.get() == failAt && after) {
        throw SdkClientException.create("injected IAM fault after call " + failAt);
      }
    }
  }

  void assertConverged() {
    PolicyDocument trust = trust(role);
    assertThat(trust.statements()).hasSize(2);
    assertThat(TrustEdit.hasPodIdentity(trust)).isTrue();
    assertThat(fake.associations()).hasSize(1);
    assertThat(marker(ns, "web")).isEqualTo("roll-out");
  }

  @Test
  void failingEachIamCallOnceThenRerunningConverges() {
    List<String> failed = new ArrayList<>();
    for (boolean after : new boolean[] {false, true}) {
      for (int n = 1; ; n++) {
        fresh();
        seed();
        IamFault fault = new IamFault(n, after);
        boolean threw;
        try (IamClient iam = moto.iam(fault)) {
          try {
            apply(iam, rollOut());
            threw = false;
          } catch (SdkClientException e) {
            threw = true;
            failed.add(e.getMessage());
          }
        }
        try (IamClient iam = moto.iam()) {
          MigrationPlan second = apply(iam, rollOut());
          assertThat(second.complete()).isTrue();
        }
        assertConverged();
        if (!threw) {
          break; // the run had fewer than n IAM calls
        }
      }
    }
    // GetRole, ListRoles, GetRole (re-read), UpdateAssumeRolePolicy: each failed before and after
    assertThat(failed).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void failingEachEksRequestOnceThenRerunningConverges() {
    int failures = 0;
    for (FakePodIdentityEks.Fault f : FakePodIdentityEks.Fault.values()) {
      for (int n = 1; ; n++) {
        fresh();
        seed();
        fake.failRequest(n, f);
        boolean threw;
        try (IamClient iam = moto.iam()) {
          try {
            apply(iam, rollOut());
            threw = false;
          } catch (software.amazon.awssdk.services.eks.model.EksException e) {
            threw = true;
            failures++;
          }
        }
        fake.failRequest(0, f);
        try (IamClient iam = moto.iam()) {
          assertThat(apply(iam, rollOut()).complete()).isTrue();
        }
        assertConverged();
        if (!threw) {
          break;
        }
      }
    }
    // List (first read), List (second read), Create: each failed before and after
    assertThat(failures).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aFailedRestartIsRedoneByTheNextRun() {
    seed();
    // A client whose first PATCH of a Deployment fails before it reaches the API server
    AtomicInteger patches = new AtomicInteger();
    io.fabric8.kubernetes.client.http.Interceptor failFirstPatch = new io.fabric8.kubernetes.client.http.Interceptor() {
      @Override
      public void before(io.fabric8.kubernetes.client.http.BasicBuilder b,
          io.fabric8.kubernetes.client.http.HttpRequest request, RequestTags tags) {
        if (request.method().equals("PATCH") && request.uri().getPath().contains("/deployments/")
            && patches.incrementAndGet() == 1) {
          throw new io.fabric8.kubernetes.client.KubernetesClientException("injected fault before the PATCH");
        }
      }
    };
    try (KubernetesClient faulty = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(client.getConfiguration())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("fault", failFirstPatch)).build();
        IamClient iam = moto.iam()) {
      PodIdentityMigration m = PodIdentityMigration.using(faulty, iam, eks);
      assertThatThrownBy(() -> m.apply(rollOut()))
          .isInstanceOf(io.fabric8.kubernetes.client.KubernetesClientException.class);
      assertThat(marker(ns, "web")).isNull();

      assertThat(m.apply(rollOut()).complete()).isTrue();
    }
    assertConverged();
  }
}
