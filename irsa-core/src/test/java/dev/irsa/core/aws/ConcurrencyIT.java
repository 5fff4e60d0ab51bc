package dev.irsa.core.aws;

import static dev.irsa.core.aws.IamProvisionerIT.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.aws.internal.PolicyText;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.ServiceAccountRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.iam.IamClient;

/** Several writers adding service accounts to one role: nobody's service account is lost. */
@Moto
class ConcurrencyIT {
  static final ServiceAccountRef BASE = ServiceAccountRef.of("payments", "base");

  static ServiceAccountRole roleFor(ServiceAccountRef sa) {
    return ServiceAccountRole.builder().roleName("shared").serviceAccount(CLUSTER, sa).build();
  }

  static PolicyDocument trust(IamClient iam) {
    return PolicyText.parse("GetRole", "shared", iam.getRole(r -> r.roleName("shared")).role().assumeRolePolicyDocument());
  }

  /**
   * In one JVM applies to one role are serialized by the provisioner's role lock, so this checks the
   * end-to-end result; the cross-process path (read back, merge again) is forced deterministically in
   * the next test.
   */
  @Test
  void eightThreadsAddingDifferentServiceAccountsEndWithAllTrusted(MotoServer moto) throws Exception {
    // Given a role trusting payments:base
    try (IamClient iam = moto.iam()) {
      IamProvisioner.using(iam).apply(roleFor(BASE));

      // When eight threads, each with its own client and provisioner, add their own service account at once
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Plan>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        ServiceAccountRef sa = ServiceAccountRef.of("payments", "worker-" + i);
        results.add(pool.submit(() -> {
          start.await();
          try (IamClient own = moto.iam()) {
            return IamProvisioner.using(own).apply(roleFor(sa));
          }
        }));
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

      // Then each reported its trust update and all nine are trusted
      for (Future<Plan> f : results) {
        assertThat(f.get().changes()).extracting(Change::action).containsExactly(Change.Action.UPDATE_TRUST);
      }
      List<String> expected = new ArrayList<>(List.of(BASE.subject()));
      for (int i = 0; i < 8; i++) {
        expected.add("system:serviceaccount:payments:worker-" + i);
      }
      assertThat(IrsaTrust.trustedSubjects(trust(iam), CLUSTER)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /**
   * Another process (which read the trust policy before our write) writes its own merge right after
   * ours, dropping our service account: the read-back sees it missing and merges again on top.
   */
  static final class LostUpdate implements ExecutionInterceptor {
    private final IamClient other;
    private final PolicyDocument theirs;
    private final int times;
    private int updates;

    LostUpdate(IamClient other, PolicyDocument theirs, int times) {
      this.other = other;
      this.theirs = theirs;
      this.times = times;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if ("UpdateAssumeRolePolicy".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
          && updates++ < times) {
        other.updateAssumeRolePolicy(r -> r.roleName("shared").policyDocument(theirs.toJson()));
      }
    }
  }

  @Test
  void anUpdateOverwrittenByAnotherWriterIsReadBackMergedAndWrittenAgain(MotoServer moto) {
    // Given another writer adding payments:intruder from a stale read, whose write lands right after ours
    assertMergedAgainOnTopOf(moto, (other, theirs) -> new LostUpdate(other, theirs, 1));
  }

  /**
   * A role trusting payments:base; adding payments:api while {@code otherWriter} (made with the other
   * writer's client and its stale merge, which adds payments:intruder) overwrites once: our update is
   * written twice and all three are trusted.
   */
  private static void assertMergedAgainOnTopOf(MotoServer moto,
      java.util.function.BiFunction<IamClient, PolicyDocument, ExecutionInterceptor> otherWriter) {
    ServiceAccountRef api = ServiceAccountRef.of("payments", "api");
    ServiceAccountRef intruder = ServiceAccountRef.of("payments", "intruder");
    CallRecorder calls = new CallRecorder();
    try (IamClient other = moto.iam()) {
      IamProvisioner.using(other).apply(roleFor(BASE));
      PolicyDocument theirs = IrsaTrust.builder().serviceAccount(CLUSTER, BASE, intruder).build();
      try (IamClient iam = moto.iam(otherWriter.apply(other, theirs), calls)) {
        Plan plan = IamProvisioner.using(iam).apply(roleFor(api));

        assertThat(plan.changes()).extracting(Change::action).containsExactly(Change.Action.UPDATE_TRUST);
        assertThat(calls.calls().stream().filter("UpdateAssumeRolePolicy"::equals)).hasSize(2);
        assertThat(IrsaTrust.trustedSubjects(trust(iam), CLUSTER))
            .containsExactly(BASE.subject(), intruder.subject(), api.subject());
      }
    }
  }

  @Test
  void anUpdateOverwrittenEveryTimeGivesUpWithAClearError(MotoServer moto) {
    // Given another writer that overwrites every one of our trust updates
    try (IamClient other = moto.iam()) {
      IamProvisioner.using(other).apply(roleFor(BASE));
      try (IamClient iam = moto.iam(new LostUpdate(other, IrsaTrust.of(CLUSTER, BASE), Integer.MAX_VALUE))) {

        // When adding a service account, Then it gives up after five writes, naming what is missing
        assertThatThrownBy(() -> IamProvisioner.using(iam).apply(roleFor(ServiceAccountRef.of("payments", "api"))))
            .isInstanceOf(TrustNotConfirmedException.class)
            .hasMessage("UpdateAssumeRolePolicy arn:aws:iam::123456789012:role/shared failed: concurrent writers "
                + "replaced the trust policy and the last read does not trust "
                + "payments:api@https://oidc.eks.us-east-1.amazonaws.com/id/CLUSTERONE (gave up after 5 writes and 6 reads; "
                + "IAM has no conditional write): run again");
      }
    }
  }

  /**
   * Another process read the trust policy before our write and writes its own merge just after our
   * first read-back saw ours: the lost update of issue 14 (item 13), which a single read-back reports
   * as success.
   */
  static final class StaleWriteAfterReadBack implements ExecutionInterceptor {
    private final IamClient other;
    private final PolicyDocument theirs;
    private final int times;
    private boolean wrote;
    private int overwrites;

    StaleWriteAfterReadBack(IamClient other, PolicyDocument theirs, int times) {
      this.other = other;
      this.theirs = theirs;
      this.times = times;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      if ("UpdateAssumeRolePolicy".equals(operation)) {
        wrote = true;
      } else if ("GetRole".equals(operation) && wrote && overwrites < times) {
        wrote = false;
        overwrites++;
        other.updateAssumeRolePolicy(r -> r.roleName("shared").policyDocument(theirs.toJson()));
      }
    }
  }

  @Test
  void anOverwriteAfterTheFirstReadBackIsSeenByTheConfirmingReadAndMergedAgain(MotoServer moto) {
    // Given another writer whose stale write lands after our first read-back: the confirming read sees
    // ours gone, and we merge again on top of theirs
    assertMergedAgainOnTopOf(moto, (other, theirs) -> new StaleWriteAfterReadBack(other, theirs, 1));
  }

  @Test
  void anUpdateLostAfterEveryReadBackIsReportedAsAFailureNotASuccess(MotoServer moto) {
    // Given another writer whose stale write lands after every one of our read-backs
    ServiceAccountRef intruder = ServiceAccountRef.of("payments", "intruder");
    try (IamClient other = moto.iam()) {
      IamProvisioner.using(other).apply(roleFor(BASE));
      PolicyDocument theirs = IrsaTrust.builder().serviceAccount(CLUSTER, BASE, intruder).build();
      try (IamClient iam = moto.iam(new StaleWriteAfterReadBack(other, theirs, Integer.MAX_VALUE))) {

        // When adding payments:api
        assertThatThrownBy(() -> IamProvisioner.using(iam).apply(roleFor(ServiceAccountRef.of("payments", "api"))))

            // Then it fails, naming what is missing, and says to run again
            .isInstanceOfSatisfying(TrustNotConfirmedException.class, e -> assertThat(e.missing())
                .containsExactly(TrustedServiceAccount.of(CLUSTER, ServiceAccountRef.of("payments", "api"))))
            .hasMessage("UpdateAssumeRolePolicy arn:aws:iam::123456789012:role/shared failed: concurrent writers "
                + "replaced the trust policy and the last read does not trust "
                + "payments:api@https://oidc.eks.us-east-1.amazonaws.com/id/CLUSTERONE (gave up after 5 writes and 11 reads; "
                + "IAM has no conditional write): run again");

        // and what the other writer added is still there
        assertThat(IrsaTrust.trustedSubjects(trust(other), CLUSTER)).containsExactly(BASE.subject(), intruder.subject());
      }
    }
  }
}
