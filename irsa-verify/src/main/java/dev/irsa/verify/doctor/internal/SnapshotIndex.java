package dev.irsa.verify.doctor.internal;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.verify.doctor.IamRole;
import dev.irsa.verify.doctor.KubePod;
import dev.irsa.verify.doctor.KubeServiceAccount;
import dev.irsa.verify.doctor.ManagedPolicy;
import dev.irsa.verify.doctor.OidcProviderEntry;
import dev.irsa.verify.doctor.PodIdentityAssociation;
import dev.irsa.verify.doctor.Snapshot;
import dev.irsa.verify.doctor.WebhookConfiguration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hash maps over a snapshot (by service account, by role, by provider ARN), built once per run. */
public final class SnapshotIndex {
  final Snapshot snapshot;
  final Map<String, KubeServiceAccount> serviceAccounts = new HashMap<>();
  final Map<String, List<KubePod>> podsByServiceAccount = new HashMap<>();
  /** By {@code account/name}: STS finds a role by account and name, whatever the path in the ARN. */
  final Map<String, IamRole> roles = new HashMap<>();
  final Set<String> iamAccounts = new HashSet<>();
  final Map<String, OidcProviderEntry> providers = new HashMap<>();
  final Map<String, ManagedPolicy> policies = new HashMap<>();
  final Map<String, List<PodIdentityAssociation>> associations = new HashMap<>();
  final boolean podIdentityWebhook;
  final Map<String, dev.irsa.verify.doctor.EnvSource> envSources = new HashMap<>();

  public SnapshotIndex(Snapshot s) {
    this.snapshot = s;
    for (KubeServiceAccount sa : s.serviceAccounts()) {
      serviceAccounts.put(sa.key(), sa);
    }
    for (KubePod p : s.pods()) {
      podsByServiceAccount.computeIfAbsent(p.serviceAccountKey(), k -> new ArrayList<>()).add(p);
    }
    for (IamRole r : s.roles()) {
      RoleArn arn = RoleArn.parse(r.arn());
      roles.put(arn.account() + "/" + arn.name(), r);
      iamAccounts.add(arn.account());
    }
    for (OidcProviderEntry p : s.oidcProviders()) {
      providers.put(p.arn(), p);
    }
    for (ManagedPolicy p : s.managedPolicies()) {
      policies.put(p.arn(), p);
    }
    for (PodIdentityAssociation a : s.podIdentityAssociations()) {
      associations.computeIfAbsent(a.serviceAccountKey(), k -> new ArrayList<>()).add(a);
    }
    s.envSources().forEach(e -> envSources.put(e.key(), e));
    podIdentityWebhook = s.webhookConfigurations().stream().anyMatch(WebhookConfiguration::isPodIdentityWebhook);
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  public KubeServiceAccount serviceAccount(String namespace, String name) {
    return serviceAccounts.get(namespace + "/" + name);
  }

  public List<KubePod> pods(KubeServiceAccount sa) {
    return podsByServiceAccount.getOrDefault(sa.key(), List.of());
  }

  public IamRole role(RoleArn arn) {
    return roles.get(arn.account() + "/" + arn.name());
  }

  public OidcProviderEntry provider(String arn) {
    return providers.get(arn);
  }

  /** A ConfigMap's or Secret's key names, or {@code null} when the snapshot does not have it. */
  public dev.irsa.verify.doctor.EnvSource envSource(dev.irsa.verify.doctor.EnvSource.Kind kind, String namespace, String name) {
    return envSources.get(kind + "/" + namespace + "/" + name);
  }

  public ManagedPolicy policy(String arn) {
    return policies.get(arn);
  }
}
