package dev.irsa.k8s.migrate;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.aws.internal.PolicyText;
import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.EksAnnotations;
import dev.irsa.k8s.Workload;
import dev.irsa.k8s.Workloads;
import dev.irsa.k8s.migrate.MigrationFinding.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/** Everything a migration reads before it changes anything (read calls only). */
final class Inventory {
  /** The pod-template annotation that records which phase restarted a workload. */
  static final String MARKER = "irsa.dev/pod-identity-migration";

  final MigrationRequest request;
  final List<MigrationFinding> findings = new ArrayList<>();
  String roleArn = "";
  String roleName;
  PolicyDocument trust;
  final Set<ServiceAccountRef> serviceAccounts = new LinkedHashSet<>();
  final Map<ServiceAccountRef, String> annotations = new LinkedHashMap<>();
  final Map<ServiceAccountRef, List<Associations.Existing>> associations = new LinkedHashMap<>();
  final Map<Workload, String> markers = new LinkedHashMap<>();

  private final KubernetesClient k8s;
  private final IamClient iam;
  private final Associations eks;

  private Inventory(MigrationRequest request, KubernetesClient k8s, IamClient iam, Associations eks) {
    this.request = request;
    this.k8s = k8s;
    this.iam = iam;
    this.eks = eks;
  }

  static Inventory read(MigrationRequest request, KubernetesClient k8s, IamClient iam, Associations eks) {
    Inventory in = new Inventory(request, k8s, iam, eks);
    if (in.findRole() && in.readTrust()) {
      in.findServiceAccounts();
      in.checkPods();
      in.checkChainedRoles();
    }
    return in;
  }

  void add(String code, Severity severity, String subject, String message) {
    findings.add(new MigrationFinding(code, severity, subject, message));
  }

  /** The role from the service account's annotation, else from its association (after a clean-up). */
  private boolean findRole() {
    ServiceAccountRef sa = request.serviceAccount();
    ServiceAccount account = k8s.serviceAccounts().inNamespace(sa.namespace()).withName(sa.name()).get();
    if (account == null) {
      add("SA_NOT_FOUND", Severity.BLOCKER, sa.toString(), "no such service account in the cluster");
      return false;
    }
    String annotation = annotations(account).get(EksAnnotations.ROLE_ARN);
    String arn = annotation;
    if (arn == null) {
      arn = eks.of(request.cluster(), sa).stream().map(Associations.Existing::roleArn).findFirst().orElse(null);
    }
    if (arn == null) {
      add("SA_NOT_ANNOTATED", Severity.BLOCKER, sa.toString(), "the service account has no "
          + EksAnnotations.ROLE_ARN + " annotation and no Pod Identity association: nothing to migrate");
      return false;
    }
    try {
      roleName = RoleArn.parse(arn).name();
    } catch (IllegalArgumentException e) {
      add("ROLE_ARN_INVALID", Severity.BLOCKER, sa.toString(), e.getMessage());
      return false;
    }
    roleArn = arn;
    return true;
  }

  private boolean readTrust() {
    try {
      Role role = iam.getRole(r -> r.roleName(roleName)).role();
      trust = PolicyText.parse("GetRole", roleName, role.assumeRolePolicyDocument());
      if (!role.arn().equals(roleArn)) {
        add("ROLE_ARN_MISMATCH", Severity.WARNING, roleArn, "IAM names the role " + role.arn()
            + "; the annotation's ARN is used for the association");
      }
      return true;
    } catch (NoSuchEntityException e) {
      add("ROLE_NOT_FOUND", Severity.BLOCKER, roleArn, "no such role in IAM");
      return false;
    }
  }

  /**
   * The service accounts migrated together: the one asked for, and every other one the cluster's OIDC
   * trust admits that is annotated with (or already associated to) this role. One matched by a wildcard
   * but bound to no role is not given the role: reported, no association planned.
   */
  private void findServiceAccounts() {
    List<TrustEdit.Subject> subjects = TrustEdit.subjects(trust, request.issuer());
    boolean wildcard = subjects.stream().anyMatch(TrustEdit.Subject::pattern);
    serviceAccounts.add(request.serviceAccount());
    List<String> unbound = new ArrayList<>();
    for (ServiceAccount a : k8s.serviceAccounts().inAnyNamespace().list().getItems()) {
      ServiceAccountRef ref = ServiceAccountRef.of(a.getMetadata().getNamespace(), a.getMetadata().getName());
      String annotation = annotations(a).get(EksAnnotations.ROLE_ARN);
      annotations.put(ref, annotation);
      if (ref.equals(request.serviceAccount()) || subjects.stream().noneMatch(s -> s.admits(ref))) {
        continue;
      }
      if (roleArn.equals(annotation)) {
        serviceAccounts.add(ref);
      } else if (wildcard) {
        unbound.add(ref.toString());
      }
    }
    for (ServiceAccountRef sa : serviceAccounts) {
      associations.put(sa, eks.of(request.cluster(), sa));
      for (Associations.Existing x : associations.get(sa)) {
        if (!x.roleArn().equals(roleArn)) {
          add("ASSOCIATION_FOR_OTHER_ROLE", Severity.BLOCKER, sa.toString(), "Pod Identity association " + x.id()
              + " names " + x.roleArn() + "; Pod Identity would win over IRSA with that role: delete it first");
        }
      }
    }
    if (wildcard) {
      add("WILDCARD_TRUST", Severity.WARNING, roleArn, "the trust admits service accounts by pattern ("
          + subjects.stream().filter(TrustEdit.Subject::pattern).map(TrustEdit.Subject::value).toList()
          + "); Pod Identity associations cannot be wildcards, so one is planned for each service account bound to "
          + "this role today: " + serviceAccounts);
      if (!unbound.isEmpty()) {
        add("WILDCARD_UNBOUND", Severity.INFO, roleArn, "also matched by the pattern but not annotated with this "
            + "role, so not given it: " + unbound);
      }
    }
    if (subjects.isEmpty() && request.phase() == MigrationRequest.Phase.ROLL_OUT) {
      add("NO_OIDC_TRUST", Severity.INFO, roleArn, "the trust has no OIDC statement"
          + request.issuer().map(i -> " for " + i.arn()).orElse("") + " (IRSA was not admitting this cluster)");
    }
  }

  /** Fargate and Windows pods cannot use Pod Identity; the workloads to restart and their markers. */
  private void checkPods() {
    Workloads workloads = dev.irsa.k8s.IrsaKubernetes.using(k8s).workloads();
    for (ServiceAccountRef sa : serviceAccounts) {
      for (Pod p : k8s.pods().inNamespace(sa.namespace()).list().getItems()) {
        String podSa = p.getSpec().getServiceAccountName() == null ? "default" : p.getSpec().getServiceAccountName();
        if (!podSa.equals(sa.name())) {
          continue;
        }
        String pod = sa.namespace() + "/" + p.getMetadata().getName();
        Map<String, String> labels = p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
        if ("fargate-scheduler".equals(p.getSpec().getSchedulerName())
            || labels.containsKey("eks.amazonaws.com/fargate-profile")) {
          add("FARGATE_POD", Severity.BLOCKER, pod, "runs on Fargate, where EKS Pod Identity is not supported: keep IRSA");
        }
        Map<String, String> selector = p.getSpec().getNodeSelector() == null ? Map.of() : p.getSpec().getNodeSelector();
        if ("windows".equals(selector.get("kubernetes.io/os")) || "windows".equals(selector.get("beta.kubernetes.io/os"))) {
          add("WINDOWS_POD", Severity.BLOCKER, pod, "runs on Windows nodes, where EKS Pod Identity is not supported: "
              + "keep IRSA");
        }
      }
      for (Workload w : workloads.find(sa).controllers()) {
        Optional<PodTemplateSpec> template = template(w);
        if (template.isPresent()) {
          Map<String, String> a = template.get().getMetadata() == null
              || template.get().getMetadata().getAnnotations() == null ? Map.of()
              : template.get().getMetadata().getAnnotations();
          markers.put(w, a.getOrDefault(MARKER, ""));
        } else if (w.kind().equals("Job")) {
          add("JOB_NOT_RESTARTED", Severity.INFO, w.toString(), "a Job is not restarted; its next run gets Pod Identity");
        }
      }
    }
  }

  Optional<PodTemplateSpec> template(Workload w) {
    HasMetadata o = switch (w.kind()) {
      case "Deployment" -> k8s.apps().deployments().inNamespace(w.namespace()).withName(w.name()).get();
      case "StatefulSet" -> k8s.apps().statefulSets().inNamespace(w.namespace()).withName(w.name()).get();
      case "DaemonSet" -> k8s.apps().daemonSets().inNamespace(w.namespace()).withName(w.name()).get();
      default -> null;
    };
    if (o instanceof io.fabric8.kubernetes.api.model.apps.Deployment d) {
      return Optional.ofNullable(d.getSpec().getTemplate());
    } else if (o instanceof io.fabric8.kubernetes.api.model.apps.StatefulSet s) {
      return Optional.ofNullable(s.getSpec().getTemplate());
    } else if (o instanceof io.fabric8.kubernetes.api.model.apps.DaemonSet d) {
      return Optional.ofNullable(d.getSpec().getTemplate());
    }
    return Optional.empty();
  }

  /**
   * Roles this role chains into: Pod Identity sessions carry session tags, and assuming another role with
   * them needs {@code sts:TagSession} in that role's trust.
   */
  private void checkChainedRoles() {
    if (request.phase() != MigrationRequest.Phase.ROLL_OUT) {
      return;
    }
    for (Role r : iam.listRolesPaginator().roles()) {
      PolicyDocument other;
      try {
        other = PolicyText.parse("ListRoles", r.roleName(), r.assumeRolePolicyDocument());
      } catch (RuntimeException e) {
        continue; // a trust irsa cannot read is not this role's concern
      }
      boolean assume = false;
      boolean tag = false;
      for (Statement s : other.statements()) {
        if (!s.isAllow() || s.principal().isEmpty()
            || !s.principal().get().ids(PrincipalType.AWS).contains(roleArn)) {
          continue;
        }
        assume |= s.actions().stream().anyMatch(a -> Glob.matches(a, "sts:AssumeRole", true));
        tag |= s.actions().stream().anyMatch(a -> Glob.matches(a, "sts:TagSession", true));
      }
      if (assume && !tag) {
        add("CHAINED_ROLE_WITHOUT_TAG_SESSION", Severity.BLOCKER, r.arn(), "this role chains into " + r.arn()
            + ", whose trust allows sts:AssumeRole but not sts:TagSession; Pod Identity sessions carry session tags, "
            + "so the chained AssumeRole would be denied: add sts:TagSession to that trust first");
      }
    }
  }

  static Map<String, String> annotations(ServiceAccount a) {
    return a.getMetadata().getAnnotations() == null ? Map.of() : a.getMetadata().getAnnotations();
  }
}
