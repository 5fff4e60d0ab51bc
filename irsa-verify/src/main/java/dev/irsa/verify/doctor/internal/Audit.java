package dev.irsa.verify.doctor.internal;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.PolicyLinter;
import dev.irsa.core.lint.Severity;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.doctor.Code;
import dev.irsa.verify.doctor.Doctor;
import dev.irsa.verify.doctor.Finding;
import dev.irsa.verify.doctor.IamRole;
import dev.irsa.verify.doctor.KubeServiceAccount;
import dev.irsa.verify.doctor.ManagedPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit: the diagnosis over every service account that names a role and every role that trusts
 * an OIDC provider, plus orphans, shared roles and risky permissions. Each role is checked once,
 * whatever the number of service accounts using it; lint results of managed policies are cached by ARN.
 */
public final class Audit {
  private final Diagnosis diagnosis;
  private final SnapshotIndex idx;
  private final String namespace;
  private final Doctor.Progress progress;
  private final Map<String, List<String>> lintCache = new HashMap<>();

  public Audit(SnapshotIndex idx, String namespace, Doctor.Progress progress) {
    this.idx = idx;
    this.diagnosis = new Diagnosis(idx);
    this.namespace = namespace;
    this.progress = progress;
  }

  public List<Finding> run() {
    List<Finding> out = new ArrayList<>();
    Map<String, List<KubeServiceAccount>> byRole = new LinkedHashMap<>();
    Map<String, IamRole> roles = new LinkedHashMap<>();
    List<KubeServiceAccount> annotated = new ArrayList<>();
    for (KubeServiceAccount sa : idx.snapshot.serviceAccounts()) {
      String role = sa.annotations().get(Diagnosis.ROLE_ARN_KEY);
      if (role != null && !role.isBlank() && (namespace == null || sa.namespace().equals(namespace))) {
        annotated.add(sa);
      }
    }
    if (!annotated.isEmpty()) {
      out.addAll(diagnosis.webhook());
    }
    int n = 0;
    for (KubeServiceAccount sa : annotated) {
      progress.phase("service accounts", ++n, annotated.size());
      ServiceAccountRef ref = sa.ref();
      if (ref == null) {
        continue;
      }
      out.addAll(diagnosis.serviceAccount(ref, null, List.of(), true));
      try {
        RoleArn arn = RoleArn.parse(sa.annotations().get(Diagnosis.ROLE_ARN_KEY).trim());
        IamRole r = idx.role(arn);
        byRole.computeIfAbsent(r == null ? arn.toString() : r.arn(), k -> new ArrayList<>()).add(sa);
        if (r != null) {
          roles.put(r.arn(), r);
        }
      } catch (IllegalArgumentException e) {
        // ROLE_ARN_INVALID, reported above
      }
    }
    for (IamRole r : idx.snapshot.roles()) {
      if (!TrustChecks.federatedProviders(r.trustPolicy()).isEmpty() && (namespace == null || trustsNamespace(r))) {
        roles.putIfAbsent(r.arn(), r);
      }
    }
    n = 0;
    for (IamRole r : roles.values()) {
      progress.phase("roles", ++n, roles.size());
      out.addAll(TrustChecks.roleLevel(r));
      out.addAll(risky(r));
      out.addAll(orphanTrust(r, byRole.containsKey(r.arn())));
    }
    byRole.forEach((role, sas) -> {
      if (sas.size() > 1) {
        out.add(new Finding(Code.SHARED_ROLE, "role " + role, sas.size() + " service accounts use the role",
            sas.stream().map(KubeServiceAccount::key).toList(), "nothing to fix if intended; give each workload "
                + "its own role to keep permissions least-privilege"));
      }
    });
    return out;
  }

  private boolean trustsNamespace(IamRole r) {
    String prefix = ServiceAccountRef.SUBJECT_PREFIX + namespace + ":";
    return r.trustPolicy().statements().stream().flatMap(s -> s.conditions().stream())
        .filter(c -> c.key().endsWith(":sub")).flatMap(c -> c.texts().stream()).anyMatch(v -> v.startsWith(prefix));
  }

  private List<Finding> risky(IamRole r) {
    List<String> ev = new ArrayList<>();
    for (String arn : r.attachedPolicyArns()) {
      ManagedPolicy p = idx.policy(arn);
      if (p != null) {
        lintCache.computeIfAbsent(arn, k -> riskyFindings("policy " + arn, p.document())).forEach(ev::add);
      }
    }
    r.inlinePolicies().forEach((name, doc) -> ev.addAll(riskyFindings("inline policy " + name, doc)));
    if (ev.isEmpty()) {
      return List.of();
    }
    return List.of(new Finding(Code.RISKY_PERMISSIONS, "role " + r.arn(), "pods that assume the role get broad "
        + "permissions", ev, "scope the statements to the actions and resources the workload uses "
        + "(java -jar irsa-examples.jar lint --table <policy.json>)"));
  }

  private static List<String> riskyFindings(String where, PolicyDocument doc) {
    List<String> out = new ArrayList<>();
    for (dev.irsa.core.lint.Finding f : PolicyLinter.create().lint(doc, PolicyKind.IDENTITY).findings()) {
      if (f.severity() == Severity.SECURITY_WARNING || f.code() == FindingCode.WRITE_ON_ALL_RESOURCES) {
        out.add(where + " " + f.path() + ": " + f.code() + ": " + f.message());
      }
    }
    return out;
  }

  private List<Finding> orphanTrust(IamRole r, boolean annotated) {
    List<String> ev = new ArrayList<>();
    String clusterPrefix = idx.snapshot.issuer().map(i -> OidcProvider.fromIssuer(i, "000000000000")
        .conditionKeyPrefix()).orElse(null);
    for (String arn : TrustChecks.federatedProviders(r.trustPolicy())) {
      OidcProvider p;
      try {
        p = OidcProvider.fromArn(arn);
      } catch (IllegalArgumentException e) {
        continue;
      }
      boolean cluster = p.conditionKeyPrefix().equals(clusterPrefix);
      if (!cluster && idx.snapshot.oidcProvidersCollected() && idx.provider(arn) == null
          && (idx.iamAccounts.contains(p.account()) || providerAccounts().contains(p.account()))) {
        ev.add("trusts " + arn + ": no such OIDC provider in account " + p.account() + ", and it is not the cluster's issuer");
      }
      if (cluster) {
        for (String sub : TrustChecks.exactSubjects(r.trustPolicy(), p)) {
          String missing = missingServiceAccount(sub);
          if (missing != null) {
            ev.add("trusts " + sub + ": " + missing);
          }
        }
      }
    }
    if (ev.isEmpty()) {
      return List.of();
    }
    return List.of(new Finding(Code.ORPHAN_TRUST, "role " + r.arn(), "the trust admits identities that do not exist"
        + (annotated ? "" : " (and no service account names the role)"), ev, "remove the stale statements or "
        + "subjects from the trust policy (aws iam update-assume-role-policy --role-name " + r.name() + " ...), or "
        + "delete the role if nothing uses it"));
  }

  private String missingServiceAccount(String sub) {
    if (!sub.startsWith(ServiceAccountRef.SUBJECT_PREFIX) || sub.contains("*") || sub.contains("?")) {
      return null;
    }
    String[] parts = sub.substring(ServiceAccountRef.SUBJECT_PREFIX.length()).split(":", -1);
    if (parts.length != 2 || (namespace != null && !parts[0].equals(namespace))) {
      return null;
    }
    return idx.serviceAccount(parts[0], parts[1]) == null ? "no service account " + parts[0] + "/" + parts[1]
        + " in the cluster" : null;
  }

  private Set<String> providerAccounts;

  private Set<String> providerAccounts() {
    if (providerAccounts == null) {
      providerAccounts = new java.util.HashSet<>();
      idx.providers.keySet().forEach(a -> {
        try {
          providerAccounts.add(OidcProvider.fromArn(a).account());
        } catch (IllegalArgumentException e) {
          // ignored
        }
      });
    }
    return providerAccounts;
  }
}
