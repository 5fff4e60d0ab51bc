package dev.irsa.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.ServiceAccountRef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Make the N-th AWS call of a full apply (and of a teardown) fail, for every N, once before the request is sent and
 * once after IAM did it (a lost response); then apply again. The final state must equal a clean
 * run's, and what existed before (another service account in the trust policy, a foreign attached
 * policy) must still be there.
 */
@Moto
class FaultInjectionIT {
  static final ServiceAccountRef OTHER = ServiceAccountRef.of("payments", "other");
  static final ServiceAccountRef API = ServiceAccountRef.of("payments", "api");

  /** The state before: irsa's role trusting payments:other, policy v1, plus a foreign attachment. */
  static ServiceAccountRole before() {
    return ServiceAccountRole.builder().roleName("payments-api").serviceAccount(IamProvisionerIT.CLUSTER, OTHER)
        .managedPolicy("payments-api", IamProvisionerIT.READ).build();
  }

  /** A full apply: a new cluster's provider, a new policy version, a second managed policy, trust, settings, inline. */
  static ServiceAccountRole target() {
    PolicyDocument audit = Permissions.builder().s3Read("audit-bucket").build();
    return ServiceAccountRole.builder().roleName("payments-api")
        .serviceAccount(IamProvisionerIT.CLUSTER, API)
        .serviceAccount(IamProvisionerIT.CLUSTER_2, API)
        .managedPolicy("payments-api", IamProvisionerIT.READ_WRITE)
        .managedPolicy("payments-audit", audit)
        .putInlinePolicy("inline-read", IamProvisionerIT.READ)
        .description("payments api")
        .putTag("team", "payments")
        .build();
  }

  private static String foreign;

  private static void setUp(MotoServer moto) {
    moto.reset();
    try (IamClient iam = moto.iam()) {
      IamProvisioner.using(iam).apply(before());
      foreign = iam.createPolicy(r -> r.policyName("foreign").policyDocument(IamProvisionerIT.READ.toJson())).policy().arn();
      iam.attachRolePolicy(r -> r.roleName("payments-api").policyArn(foreign));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFailingCallOfAnApplyOnAnExistingRoleIsCompletedByTheNextApply(MotoServer moto) {
    // Given irsa's role trusting payments:other with a foreign policy attached, and a clean run's calls and final state
    List<DynamicTest> tests = applyCases(moto, "existing role", () -> setUp(moto), List.of(
        Change.Action.CREATE_OIDC_PROVIDER, Change.Action.CREATE_POLICY_VERSION, Change.Action.CREATE_POLICY,
        Change.Action.UPDATE_TRUST, Change.Action.UPDATE_ROLE, Change.Action.TAG_ROLE, Change.Action.ATTACH_POLICY,
        Change.Action.PUT_INLINE_POLICY), expected -> {
          // the clean state keeps what was there before
          assertThat(expected.trust().orElseThrow()).isEqualTo(IrsaTrust.builder()
              .serviceAccount(IamProvisionerIT.CLUSTER, OTHER, API).serviceAccount(IamProvisionerIT.CLUSTER_2, API)
              .build());
          assertThat(expected.attached()).contains(foreign);
        });
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyFailingCallOfAnApplyFromNothingIsCompletedByTheNextApply(MotoServer moto) {
    // Given an empty account, and a clean run's calls and final state
    return applyCases(moto, "from nothing", moto::reset, List.of(
        Change.Action.CREATE_OIDC_PROVIDER, Change.Action.CREATE_OIDC_PROVIDER, Change.Action.CREATE_POLICY,
        Change.Action.CREATE_POLICY, Change.Action.CREATE_ROLE, Change.Action.ATTACH_POLICY,
        Change.Action.ATTACH_POLICY, Change.Action.PUT_INLINE_POLICY), expected ->
        assertThat(expected.trust().orElseThrow()).isEqualTo(target().trustPolicy())).stream();
  }

  private List<DynamicTest> applyCases(MotoServer moto, String label, Runnable setUp, List<Change.Action> cleanActions,
      java.util.function.Consumer<IamSnapshot> checkClean) {
    setUp.run();
    CallRecorder clean = new CallRecorder();
    IamSnapshot expected;
    List<String> calls;
    try (IamClient iam = moto.iam(clean)) {
      Plan plan = IamProvisioner.using(iam).apply(target());
      assertThat(plan.changes()).extracting(c -> c.action()).containsExactlyElementsOf(cleanActions);
      calls = clean.calls();
      expected = IamSnapshot.read(iam, "payments-api");
    }
    checkClean.accept(expected);
    assertThat(calls).hasSizeGreaterThan(10);

    List<DynamicTest> tests = new ArrayList<>();
    for (FaultInjector.Mode mode : FaultInjector.Mode.values()) {
      for (int n = 1; n <= calls.size(); n++) {
        int failAt = n;
        tests.add(DynamicTest.dynamicTest(label + ": call " + n + " (" + calls.get(n - 1) + ") fails " + mode, () -> {
          // Given the state before
          setUp.run();
          FaultInjector fault = new FaultInjector(failAt, mode);

          // When the N-th call fails
          try (IamClient faulty = moto.iam(fault)) {
            assertThatThrownBy(() -> IamProvisioner.using(faulty).apply(target()))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("injected fault in call " + failAt);
          }
          assertThat(fault.failed()).isEqualTo(calls.get(failAt - 1));

          // Then the next apply completes the run: the state equals the clean run's, and a third apply is a no-op
          CallRecorder third = new CallRecorder();
          try (IamClient iam = moto.iam(); IamClient recorded = moto.iam(third)) {
            IamProvisioner.using(iam).apply(target());
            assertThat(IamSnapshot.read(iam, "payments-api")).isEqualTo(expected);
            assertThat(IamProvisioner.using(recorded).apply(target()).changes()).isEmpty();
            assertThat(third.writes()).isEmpty();
          }
        }));
      }
    }
    return tests;
  }

  @TestFactory
  Stream<DynamicTest> everyFailingCallOfATeardownIsCompletedByTheNextTeardown(MotoServer moto) {
    // Given a clean teardown (OIDC providers included) of the full target, and its calls
    CallRecorder clean = new CallRecorder();
    List<String> calls;
    moto.reset();
    try (IamClient iam = moto.iam(); IamClient recorded = moto.iam(clean)) {
      IamProvisioner.using(iam).apply(target());
      Plan done = IamProvisioner.using(recorded).teardown(target(), true);
      assertThat(done.changes()).extracting(c -> c.action()).containsExactly(Change.Action.DETACH_POLICY,
          Change.Action.DETACH_POLICY, Change.Action.DELETE_INLINE_POLICY, Change.Action.DELETE_ROLE,
          Change.Action.DELETE_POLICY, Change.Action.DELETE_POLICY, Change.Action.DELETE_OIDC_PROVIDER,
          Change.Action.DELETE_OIDC_PROVIDER);
      calls = clean.calls();
      assertThat(IamSnapshot.read(iam, "payments-api")).isEqualTo(EMPTY);
    }

    List<DynamicTest> tests = new ArrayList<>();
    for (FaultInjector.Mode mode : FaultInjector.Mode.values()) {
      for (int n = 1; n <= calls.size(); n++) {
        int failAt = n;
        tests.add(DynamicTest.dynamicTest("teardown call " + n + " (" + calls.get(n - 1) + ") fails " + mode, () -> {
          // Given the full target applied
          moto.reset();
          FaultInjector fault = new FaultInjector(failAt, mode);
          try (IamClient iam = moto.iam(); IamClient faulty = moto.iam(fault)) {
            IamProvisioner.using(iam).apply(target());

            // When the N-th call of the teardown fails
            assertThatThrownBy(() -> IamProvisioner.using(faulty).teardown(target(), true))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("injected fault in call " + failAt);

            // Then the next teardown removes the rest
            IamProvisioner.using(iam).teardown(target(), true);
            assertThat(IamSnapshot.read(iam, "payments-api")).isEqualTo(EMPTY);
          }
        }));
      }
    }
    return tests.stream();
  }

  static final IamSnapshot EMPTY = new IamSnapshot(java.util.Optional.empty(), java.util.Map.of(),
      java.util.Optional.empty(), java.util.Set.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
      java.util.Map.of());
}
