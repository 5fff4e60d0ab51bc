package dev.irsa.verify.doctor.internal;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.doctor.Code;
import dev.irsa.verify.doctor.Finding;
import dev.irsa.verify.doctor.IamRole;
import dev.irsa.verify.doctor.KubePod;
import dev.irsa.verify.doctor.KubeServiceAccount;
import dev.irsa.verify.doctor.ManagedPolicy;
import dev.irsa.verify.doctor.OidcProviderEntry;
import dev.irsa.verify.doctor.PermissionExpectation;
import dev.irsa.verify.doctor.PodIdentityAssociation;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.eval.IrsaSession;
import dev.irsa.verify.eval.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The per-service-account diagnosis over an index: a pure function of the snapshot. */
public final class Diagnosis {
  public static final String ROLE_ARN_KEY = "eks.amazonaws.com/role-arn";
  public static final String AUDIENCE_KEY = "eks.amazonaws.com/audience";

  private final SnapshotIndex idx;

  public Diagnosis(SnapshotIndex idx) {
    this.idx = idx;
  }

  public SnapshotIndex index() {
    return idx;
  }

  /** The cluster-level finding: no pod identity webhook although webhook configurations were read. */
  public List<Finding> webhook() {
    if (!idx.snapshot.webhooksCollected() || idx.podIdentityWebhook) {
      return List.of();
    }
    List<String> names = idx.snapshot.webhookConfigurations().stream().map(c -> c.name()).toList();
    return List.of(new Finding(Code.WEBHOOK_MISSING, "cluster", "no MutatingWebhookConfiguration for the EKS pod "
        + "identity webhook: new pods are not given AWS_ROLE_ARN or a token",
        List.of("MutatingWebhookConfigurations: " + (names.isEmpty() ? "none" : String.join(", ", names)),
            "looked for configuration 'pod-identity-webhook' or webhook 'iam-for-pods.amazonaws.com'"),
        "on EKS the webhook is part of the control plane: check that the cluster is EKS and the configuration was "
            + "not deleted (kubectl get mutatingwebhookconfiguration pod-identity-webhook); elsewhere install "
            + "aws/amazon-eks-pod-identity-webhook"));
  }

  /**
   * Diagnoses one service account.
   *
   * @param podName only this pod of the service account, or {@code null} for all of them
   * @param audit true in an audit: a missing role is an ORPHAN_ANNOTATION, role-level checks run once per role elsewhere
   * @throws IllegalArgumentException when {@code podName} names no pod of the service account
   */
  public List<Finding> serviceAccount(ServiceAccountRef ref, String podName, List<PermissionExpectation> expectations,
      boolean audit) {
    List<Finding> out = new ArrayList<>();
    String subject = "serviceaccount " + ref.namespace() + "/" + ref.name();
    KubeServiceAccount sa = idx.serviceAccount(ref.namespace(), ref.name());
    if (sa == null) {
      out.add(new Finding(Code.SA_NOT_FOUND, subject, "the service account does not exist",
          List.of("no ServiceAccount " + ref.name() + " in namespace " + ref.namespace() + " among "
              + idx.snapshot.serviceAccounts().size() + " read"),
          "kubectl -n " + ref.namespace() + " create serviceaccount " + ref.name()
              + ", or fix spec.serviceAccountName of the pods"));
      return out;
    }
    String roleText = sa.annotations().get(ROLE_ARN_KEY);
    if (roleText == null || roleText.isBlank()) {
      out.add(notAnnotated(sa, subject));
      return out;
    }
    RoleArn role;
    try {
      role = RoleArn.parse(roleText.trim());
    } catch (IllegalArgumentException e) {
      out.add(new Finding(Code.ROLE_ARN_INVALID, subject, "the role annotation is not an IAM role ARN: STS answers "
          + "ValidationError: Request ARN is invalid", List.of(ROLE_ARN_KEY + ": " + roleText, e.getMessage()),
          "kubectl -n " + sa.namespace() + " annotate serviceaccount " + sa.name() + " --overwrite " + ROLE_ARN_KEY
              + "=arn:aws:iam::<account>:role/<name>"));
      return out;
    }
    if (!audit) {
      out.addAll(webhook());
    }
    out.addAll(podChecks(sa, podName));
    for (PodIdentityAssociation a : idx.associations.getOrDefault(sa.key(), List.of())) {
      out.add(new Finding(Code.POD_IDENTITY_SHADOWS_IRSA, subject, "an EKS Pod Identity association for this service "
          + "account wins over IRSA", List.of("association role " + a.roleArn() + ", annotation " + roleText),
          "aws eks delete-pod-identity-association (or drop the role annotation), then restart the pods"));
    }
    if (!idx.snapshot.iamCollected()) {
      return out;
    }
    IamRole r = idx.role(role);
    if (r == null) {
      out.add(roleNotFound(sa, subject, role, audit));
      return out;
    }
    out.addAll(provider(sa, role, r, subject));
    if (!audit) {
      out.addAll(TrustChecks.roleLevel(r));
      out.addAll(permissions(r, expectations));
    }
    return out;
  }

  private Finding notAnnotated(KubeServiceAccount sa, String subject) {
    for (Map.Entry<String, String> a : sa.annotations().entrySet()) {
      if (isNearMiss(a.getKey(), a.getValue())) {
        return new Finding(Code.ANNOTATION_KEY_TYPO, subject, "the annotation key is " + a.getKey() + ", not "
            + ROLE_ARN_KEY + ": the webhook ignores it", List.of(a.getKey() + ": " + a.getValue()),
            "kubectl -n " + sa.namespace() + " annotate serviceaccount " + sa.name() + " " + a.getKey() + "- "
                + ROLE_ARN_KEY + "=" + a.getValue() + ", then restart the pods");
      }
    }
    return new Finding(Code.SA_NOT_ANNOTATED, subject, "the service account has no " + ROLE_ARN_KEY
        + " annotation", List.of("annotations: " + new java.util.TreeMap<>(sa.annotations())),
        "kubectl -n " + sa.namespace() + " annotate serviceaccount " + sa.name() + " " + ROLE_ARN_KEY
            + "=arn:aws:iam::<account>:role/<name>, then restart the pods");
  }

  /** {@code eks.amazon.com/role-arn}, {@code eks.amazonaws.com/rolearn}, an ARN of a role under another key... */
  static boolean isNearMiss(String key, String value) {
    if (key.equals(ROLE_ARN_KEY)) {
      return false;
    }
    String k = key.toLowerCase(Locale.ROOT);
    if (k.equals(ROLE_ARN_KEY) || distance(k, ROLE_ARN_KEY) <= 4) {
      return true;
    }
    boolean roleLike = k.endsWith("/role-arn") || k.endsWith("/rolearn") || k.endsWith("/role_arn") || k.endsWith("/role");
    boolean eksLike = k.startsWith("eks.") || k.contains("amazon");
    return (roleLike && eksLike) || (eksLike && value != null && value.startsWith("arn:") && value.contains(":role/"));
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private List<Finding> podChecks(KubeServiceAccount sa, String podName) {
    List<KubePod> pods = idx.pods(sa);
    if (podName != null) {
      pods = pods.stream().filter(p -> p.name().equals(podName)).toList();
      if (pods.isEmpty()) {
        throw new IllegalArgumentException("pod " + sa.namespace() + "/" + podName + " of service account "
            + sa.name() + " is not in the snapshot");
      }
    }
    if (pods.isEmpty()) {
      return List.of();
    }
    Object fabric8Sa = PodChecks.serviceAccount(sa);
    List<Finding> out = new ArrayList<>();
    for (KubePod p : pods) {
      out.addAll(PodChecks.check(p, fabric8Sa, idx));
    }
    return out;
  }

  private Finding roleNotFound(KubeServiceAccount sa, String subject, RoleArn role, boolean audit) {
    List<String> ev = new ArrayList<>(List.of(ROLE_ARN_KEY + ": " + role));
    if (!idx.iamAccounts.isEmpty() && !idx.iamAccounts.contains(role.account())) {
      ev.add("the IAM snapshot covers account(s) " + new java.util.TreeSet<>(idx.iamAccounts) + ", not "
          + role.account() + " (a typo in the account, or give that account's get-account-authorization-details too)");
    }
    String fix = "create the role (java -jar irsa-examples.jar provision ... --role-name " + role.name()
        + ") or annotate the service account with an existing role: kubectl -n " + sa.namespace()
        + " annotate serviceaccount " + sa.name() + " --overwrite " + ROLE_ARN_KEY + "=<role ARN>";
    return new Finding(audit ? Code.ORPHAN_ANNOTATION : Code.ROLE_NOT_FOUND, subject, "the annotated role "
        + role + " does not exist", ev, fix);
  }

  private List<Finding> provider(KubeServiceAccount sa, RoleArn role, IamRole r, String subject) {
    if (idx.snapshot.issuer().isEmpty()) {
      return List.of();
    }
    String issuer = idx.snapshot.issuer().get();
    OidcProvider expected = OidcProvider.fromIssuer(issuer, role.account(), role.partition());
    String audience = sa.annotations().getOrDefault(AUDIENCE_KEY, OidcProvider.DEFAULT_AUDIENCE);
    List<Finding> out = new ArrayList<>();
    if (idx.snapshot.oidcProvidersCollected()) {
      OidcProviderEntry p = idx.provider(expected.arn());
      if (p == null) {
        out.add(new Finding(Code.OIDC_PROVIDER_MISSING, "provider " + expected.arn(), "no IAM OIDC provider for the "
            + "cluster's issuer in the role's account " + role.account() + ": STS answers InvalidIdentityToken: No "
            + "OpenIDConnect provider found", List.of("issuer " + issuer, "role " + r.arn(), "providers read: "
            + idx.providers.size()), "eksctl utils associate-iam-oidc-provider --cluster <name> --approve, or aws iam "
            + "create-open-id-connect-provider --url " + issuer + " --client-id-list " + audience
            + " (in account " + role.account() + ")"));
      } else if (!p.clientIds().contains(audience)) {
        out.add(new Finding(Code.OIDC_AUDIENCE_NOT_REGISTERED, "provider " + p.arn(), "the token's audience "
            + audience + " is not among the provider's client IDs: STS answers InvalidIdentityToken: Incorrect token "
            + "audience", List.of("ClientIDList " + p.clientIds(), "audience of " + sa.key() + ": " + audience),
            "aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn " + p.arn()
                + " --client-id " + audience));
      }
    }
    ServiceAccountRef ref = sa.ref();
    if (ref != null) {
      out.addAll(TrustChecks.admits(r, expected, ref, audience, issuer));
    }
    return out;
  }

  /** PERMISSION_MISSING / PERMISSION_UNEXPECTED against the role's policies and boundary, offline. */
  public List<Finding> permissions(IamRole r, List<PermissionExpectation> expectations) {
    if (expectations.isEmpty()) {
      return List.of();
    }
    PolicySet.Builder set = PolicySet.builder();
    List<String> notes = new ArrayList<>();
    for (String arn : r.attachedPolicyArns()) {
      ManagedPolicy p = idx.policy(arn);
      if (p == null) {
        notes.add("attached policy " + arn + " is not in the snapshot and was not evaluated");
      } else {
        set.addIdentityPolicy(p.document());
      }
    }
    r.inlinePolicies().values().forEach(set::addIdentityPolicy);
    if (r.permissionsBoundaryArn().isPresent()) {
      ManagedPolicy b = idx.policy(r.permissionsBoundaryArn().get());
      if (b == null) {
        notes.add("permissions boundary " + r.permissionsBoundaryArn().get() + " is not in the snapshot and was not evaluated");
      } else {
        set.addPermissionsBoundary(b.document());
      }
    }
    PolicySet policies = set.build();
    IrsaSession session = IrsaSession.builder().role(RoleArn.parse(r.arn())).build();
    List<Finding> out = new ArrayList<>();
    for (PermissionExpectation e : expectations) {
      EvaluationResult result = PolicyEvaluator.create().evaluate(policies, session.request(e.action(), e.resource()));
      boolean allowed = result.decision() == Decision.ALLOWED;
      if (allowed == e.allowed()) {
        continue;
      }
      List<String> ev = new ArrayList<>(List.of(e.toString(), "decision " + result.decision() + ": "
          + result.explain().replace('\n', ' ')));
      ev.addAll(notes);
      out.add(allowed
          ? new Finding(Code.PERMISSION_UNEXPECTED, "role " + r.arn(), e.action() + " on " + e.resource()
              + " is allowed but expected to be denied", ev, "narrow the allowing statement (Action or Resource), or "
              + "add a Deny")
          : new Finding(Code.PERMISSION_MISSING, "role " + r.arn(), e.action() + " on " + e.resource()
              + " is denied but expected to be allowed", ev, "allow " + e.action() + " on " + e.resource()
              + " in a policy attached to " + r.name() + (result.decision() == Decision.EXPLICIT_DENY
              ? " and remove the denying statement" : "")));
    }
    return out;
  }
}
