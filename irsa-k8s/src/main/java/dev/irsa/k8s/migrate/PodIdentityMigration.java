package dev.irsa.k8s.migrate;

import dev.irsa.core.aws.internal.PolicyText;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.Workload;
import dev.irsa.k8s.Workloads;
import dev.irsa.k8s.migrate.MigrationFinding.Severity;
import dev.irsa.k8s.migrate.MigrationStep.Kind;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Moves a service account's IRSA setup to EKS Pod Identity without a gap, and back.
 *
 * <pre>{@code
 * PodIdentityMigration m = PodIdentityMigration.using(kubernetes, iam, eks);
 * MigrationPlan plan = m.plan(MigrationRequest.rollOut("prod", ServiceAccountRef.of("payments", "api"), issuer));
 * m.apply(request);                                   // phase one: trust both, associate, restart
 * m.apply(request.withPhase(Phase.CLEANUP));          // later: remove the annotation and the OIDC trust
 * m.rollback(request);                                // or undo phase one
 * }</pre>
 *
 * <p>Phase one adds a {@code pods.eks.amazonaws.com} statement ({@code sts:AssumeRole},
 * {@code sts:TagSession}) to the role's trust and keeps the OIDC statements, so both ways work while pods
 * restart; creates one association per concrete service account (a wildcard trust is expanded to the
 * service accounts bound to the role today); and restarts the Deployments, StatefulSets and DaemonSets
 * that run under them (marking their pod template with {@value Inventory#MARKER}).
 *
 * <p>Every operation is idempotent: a re-run after success, or after a failure at any step, finishes the
 * job and changes nothing that is already right; an association that already exists for the same role is
 * success. Blockers (Fargate or Windows pods, an association for another role, a chained role without
 * {@code sts:TagSession}, a trust that would exceed its quota) stop {@code apply} before any change.
 * The clients belong to the caller and are not closed.
 */
public final class PodIdentityMigration {
  private static final String ROLLED_OUT = "roll-out";
  private static final String ROLLED_BACK = "roll-back";

  /** A step and what it acts on (a service account, a workload, an association id), kept beside the value. */
  private record Planned(MigrationStep step, Object subject) {}

  /** A plan before it is a value: the steps with their subjects. */
  private record Draft(String operation, Inventory in, List<Planned> steps) {
    MigrationPlan value(boolean allDone) {
      List<MigrationStep> out = new ArrayList<>();
      steps.forEach(p -> out.add(allDone ? p.step().asDone() : p.step()));
      return new MigrationPlan(operation, in.roleArn, new ArrayList<>(in.associations.keySet()), out, in.findings);
    }
  }

  private final KubernetesClient k8s;
  private final IamClient iam;
  private final Associations eks;
  private final Clock clock;

  private PodIdentityMigration(KubernetesClient k8s, IamClient iam, EksClient eks, Clock clock) {
    this.k8s = Objects.requireNonNull(k8s, "kubernetes client");
    this.iam = Objects.requireNonNull(iam, "IAM client");
    this.eks = new Associations(Objects.requireNonNull(eks, "EKS client"));
    this.clock = clock;
  }

  public static PodIdentityMigration using(KubernetesClient k8s, IamClient iam, EksClient eks) {
    return new PodIdentityMigration(k8s, iam, eks, Clock.systemUTC());
  }

  /** What {@link #apply} would do (read calls only). */
  public MigrationPlan plan(MigrationRequest request) {
    return draft(request).value(false);
  }

  private Draft draft(MigrationRequest request) {
    Inventory in = Inventory.read(request, k8s, iam, eks);
    return request.phase() == MigrationRequest.Phase.ROLL_OUT ? rollOutPlan(in) : cleanupPlan(in);
  }

  /** What {@link #rollback} would do (read calls only). */
  public MigrationPlan planRollback(MigrationRequest request) {
    return rollbackDraft(request).value(false);
  }

  private Draft rollbackDraft(MigrationRequest request) {
    return rollbackPlan(Inventory.read(request.withPhase(MigrationRequest.Phase.ROLL_OUT), k8s, iam, eks));
  }

  /**
   * Makes the request's phase true.
   *
   * @throws MigrationBlockedException before any change when the plan has blockers
   */
  public MigrationPlan apply(MigrationRequest request) {
    return execute(draft(request), request);
  }

  /**
   * Undoes phase one: deletes the associations of the role's service accounts, removes the statement the
   * roll-out added to the trust, and restarts the workloads it restarted.
   *
   * @throws MigrationBlockedException when the clean-up already removed IRSA (re-provision it first)
   */
  public MigrationPlan rollback(MigrationRequest request) {
    return execute(rollbackDraft(request), request);
  }

  private Draft rollOutPlan(Inventory in) {
    List<Planned> steps = new ArrayList<>();
    if (in.trust != null) {
      boolean has = TrustEdit.hasPodIdentity(in.trust);
      PolicyDocument wanted = has ? in.trust : TrustEdit.withPodIdentity(in.trust);
      if (!in.request.trustPolicyQuota().fits(wanted)) {
        in.add("TRUST_POLICY_TOO_LARGE", Severity.BLOCKER, in.roleArn, "with the Pod Identity statement the trust is "
            + wanted.iamSize() + " characters, over the " + in.request.trustPolicyQuota().limit() + " of its quota ("
            + in.request.trustPolicyQuota().quotaName() + "): ask for a higher quota or trim the trust first");
      }
      steps.add(new Planned(new MigrationStep(Kind.ADD_POD_IDENTITY_TRUST, in.roleArn,
          "allow pods.eks.amazonaws.com sts:AssumeRole and sts:TagSession (the OIDC statements stay)", has), null));
    }
    for (ServiceAccountRef sa : in.associations.keySet()) {
      boolean exists = in.associations.get(sa).stream().anyMatch(x -> x.roleArn().equals(in.roleArn));
      steps.add(new Planned(new MigrationStep(Kind.CREATE_ASSOCIATION, in.request.cluster() + "/" + sa, in.roleArn,
          exists), sa));
    }
    in.markers.forEach((w, marker) -> steps.add(new Planned(new MigrationStep(Kind.RESTART_WORKLOAD, w.toString(),
        "rollout restart so new pods get Pod Identity credentials", marker.equals(ROLLED_OUT)), w)));
    return new Draft("roll-out", in, steps);
  }

  private Draft cleanupPlan(Inventory in) {
    List<Planned> steps = new ArrayList<>();
    if (in.trust == null) {
      return new Draft("clean-up", in, steps);
    }
    for (ServiceAccountRef sa : in.associations.keySet()) {
      if (in.associations.get(sa).stream().noneMatch(x -> x.roleArn().equals(in.roleArn))) {
        in.add("ROLL_OUT_INCOMPLETE", Severity.BLOCKER, sa.toString(), "no Pod Identity association for the role yet: "
            + "run the roll-out first");
      }
      steps.add(new Planned(new MigrationStep(Kind.REMOVE_ANNOTATION, sa.toString(), "remove eks.amazonaws.com/role-arn",
          !in.roleArn.equals(in.annotations.get(sa))), sa));
    }
    if (!TrustEdit.hasPodIdentity(in.trust)) {
      in.add("ROLL_OUT_INCOMPLETE", Severity.BLOCKER, in.roleArn, "the trust does not allow pods.eks.amazonaws.com "
          + "yet: run the roll-out first");
    }
    in.markers.forEach((w, marker) -> {
      if (!marker.equals(ROLLED_OUT)) {
        in.add("ROLL_OUT_INCOMPLETE", Severity.BLOCKER, w.toString(), "not restarted by the roll-out yet: its pods "
            + "may still use IRSA");
      }
    });
    boolean oidc = in.trust.statements().stream().anyMatch(s -> TrustEdit.isOidc(s, in.request.issuer()));
    steps.add(new Planned(new MigrationStep(Kind.REMOVE_OIDC_TRUST, in.roleArn, "remove the OIDC statements of "
        + in.request.issuer().get().arn(), !oidc), null));
    return new Draft("clean-up", in, steps);
  }

  private Draft rollbackPlan(Inventory in) {
    List<Planned> steps = new ArrayList<>();
    if (in.trust == null) {
      return new Draft("roll-back", in, steps);
    }
    boolean annotated = in.associations.keySet().stream().allMatch(sa -> in.roleArn.equals(in.annotations.get(sa)));
    boolean oidc = in.trust.statements().stream().anyMatch(s -> TrustEdit.isOidc(s, in.request.issuer()));
    if (!annotated || !oidc) {
      in.add("ALREADY_CLEANED_UP", Severity.BLOCKER, in.roleArn, "the clean-up already removed the annotation or the "
          + "OIDC trust, so removing Pod Identity would leave the pods without credentials: restore IRSA first "
          + "(provision, then annotate)");
    }
    for (ServiceAccountRef sa : in.associations.keySet()) {
      List<Associations.Existing> ours = in.associations.get(sa).stream()
          .filter(x -> x.roleArn().equals(in.roleArn)).toList();
      if (ours.isEmpty()) {
        steps.add(new Planned(new MigrationStep(Kind.DELETE_ASSOCIATION, in.request.cluster() + "/" + sa, "none left",
            true), null));
      }
      ours.forEach(x -> steps.add(new Planned(new MigrationStep(Kind.DELETE_ASSOCIATION,
          in.request.cluster() + "/" + sa, x.id(), false), x.id())));
    }
    steps.add(new Planned(new MigrationStep(Kind.REMOVE_POD_IDENTITY_TRUST, in.roleArn, "remove statement "
        + TrustEdit.MIGRATION_SID, !TrustEdit.hasMigrationStatement(in.trust)), null));
    in.markers.forEach((w, marker) -> steps.add(new Planned(new MigrationStep(Kind.RESTART_WORKLOAD, w.toString(),
        "rollout restart so new pods get IRSA credentials again", !marker.equals(ROLLED_OUT)), w)));
    return new Draft("roll-back", in, steps);
  }

  private MigrationPlan execute(Draft draft, MigrationRequest request) {
    MigrationPlan plan = draft.value(false);
    if (plan.blocked()) {
      throw new MigrationBlockedException(plan);
    }
    String roleName = dev.irsa.core.arn.RoleArn.parse(plan.roleArn()).name();
    for (Planned p : draft.steps()) {
      if (!p.step().done()) {
        run(p, roleName, plan, request);
      }
    }
    return draft.value(true);
  }

  private void run(Planned p, String roleName, MigrationPlan plan, MigrationRequest request) {
    switch (p.step().kind()) {
      case ADD_POD_IDENTITY_TRUST -> updateTrust(roleName, t -> TrustEdit.hasPodIdentity(t) ? t
          : TrustEdit.withPodIdentity(t));
      case REMOVE_POD_IDENTITY_TRUST -> updateTrust(roleName, TrustEdit::withoutMigrationStatement);
      case REMOVE_OIDC_TRUST -> updateTrust(roleName, t -> TrustEdit.withoutOidc(t, request.issuer().get()));
      case CREATE_ASSOCIATION -> eks.create(request.cluster(), (ServiceAccountRef) p.subject(), plan.roleArn());
      case DELETE_ASSOCIATION -> eks.delete(request.cluster(), (String) p.subject());
      case REMOVE_ANNOTATION -> IrsaKubernetes.using(k8s).serviceAccounts().unbind((ServiceAccountRef) p.subject());
      case RESTART_WORKLOAD -> restart((Workload) p.subject(),
          plan.operation().equals("roll-out") ? ROLLED_OUT : ROLLED_BACK);
    }
  }

  private void updateTrust(String roleName, java.util.function.UnaryOperator<PolicyDocument> change) {
    PolicyDocument current = PolicyText.parse("GetRole", roleName,
        iam.getRole(r -> r.roleName(roleName)).role().assumeRolePolicyDocument());
    PolicyDocument wanted = change.apply(current);
    if (!wanted.equals(current)) {
      iam.updateAssumeRolePolicy(r -> r.roleName(roleName).policyDocument(wanted.toJson()));
    }
  }

  private void restart(Workload w, String marker) {
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + Inventory.MARKER + "\":\"" + marker
        + "\",\"" + Workloads.RESTARTED_AT + "\":\"" + now + "\"}}}}}";
    PatchContext merge = PatchContext.of(PatchType.JSON_MERGE);
    switch (w.kind()) {
      case "Deployment" -> k8s.apps().deployments().inNamespace(w.namespace()).withName(w.name()).patch(merge, patch);
      case "StatefulSet" -> k8s.apps().statefulSets().inNamespace(w.namespace()).withName(w.name()).patch(merge, patch);
      case "DaemonSet" -> k8s.apps().daemonSets().inNamespace(w.namespace()).withName(w.name()).patch(merge, patch);
      default -> throw new IllegalStateException("cannot restart " + w);
    }
  }

}
