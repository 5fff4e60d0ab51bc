package dev.irsa.verify.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the diagnosis reads, as immutable values. Cluster side: service accounts, pods, the
 * MutatingWebhookConfigurations and the cluster's OIDC issuer. Account side: roles (trust, attached
 * and inline policies, boundary), managed policies at their default version, OIDC providers, and EKS
 * Pod Identity associations.
 *
 * <p>Each part says whether it was collected at all ({@link #webhooksCollected()},
 * {@link #iamCollected()}, {@link #oidcProvidersCollected()}): a check that needs a part that was
 * not collected is skipped rather than reported as a fault. Build one with {@link #builder()}, from
 * files with {@link SnapshotFiles}, or live with {@link LiveCollector}.
 */
public final class Snapshot {
  private final List<KubeServiceAccount> serviceAccounts;
  private final List<KubePod> pods;
  private final List<WebhookConfiguration> webhookConfigurations;
  private final boolean webhooksCollected;
  private final Optional<String> issuer;
  private final List<IamRole> roles;
  private final List<ManagedPolicy> managedPolicies;
  private final boolean iamCollected;
  private final List<OidcProviderEntry> oidcProviders;
  private final boolean oidcProvidersCollected;
  private final List<PodIdentityAssociation> podIdentityAssociations;
  private final List<EnvSource> envSources;

  private Snapshot(Builder b) {
    this.serviceAccounts = List.copyOf(b.serviceAccounts.values());
    this.pods = List.copyOf(b.pods.values());
    this.webhookConfigurations = List.copyOf(b.webhookConfigurations.values());
    this.webhooksCollected = b.webhooksCollected || !b.webhookConfigurations.isEmpty();
    this.issuer = Optional.ofNullable(b.issuer);
    this.roles = List.copyOf(b.roles.values());
    this.managedPolicies = List.copyOf(b.managedPolicies.values());
    this.iamCollected = b.iamCollected || !b.roles.isEmpty();
    this.oidcProviders = List.copyOf(b.oidcProviders.values());
    this.oidcProvidersCollected = b.oidcProvidersCollected || !b.oidcProviders.isEmpty();
    this.podIdentityAssociations = List.copyOf(b.podIdentityAssociations);
    this.envSources = List.copyOf(b.envSources.values());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding everything in this snapshot (to add more, e.g. from another file). */
  public Builder toBuilder() {
    Builder b = new Builder();
    serviceAccounts.forEach(b::addServiceAccount);
    pods.forEach(b::addPod);
    webhookConfigurations.forEach(b::addWebhookConfiguration);
    b.webhooksCollected(webhooksCollected);
    issuer.ifPresent(b::issuer);
    roles.forEach(b::addRole);
    managedPolicies.forEach(b::addManagedPolicy);
    b.iamCollected(iamCollected);
    oidcProviders.forEach(b::addOidcProvider);
    b.oidcProvidersCollected(oidcProvidersCollected);
    podIdentityAssociations.forEach(b::addPodIdentityAssociation);
    envSources.forEach(b::addEnvSource);
    return b;
  }

  public List<KubeServiceAccount> serviceAccounts() {
    return serviceAccounts;
  }

  public List<KubePod> pods() {
    return pods;
  }

  public List<WebhookConfiguration> webhookConfigurations() {
    return webhookConfigurations;
  }

  /** True when the cluster's MutatingWebhookConfigurations were read (even if there are none). */
  public boolean webhooksCollected() {
    return webhooksCollected;
  }

  /** The cluster's OIDC issuer URL ({@code https://...}). */
  public Optional<String> issuer() {
    return issuer;
  }

  public List<IamRole> roles() {
    return roles;
  }

  public List<ManagedPolicy> managedPolicies() {
    return managedPolicies;
  }

  /** True when the account's roles and policies were read. */
  public boolean iamCollected() {
    return iamCollected;
  }

  public List<OidcProviderEntry> oidcProviders() {
    return oidcProviders;
  }

  /** True when the account's OIDC providers were read (even if there are none). */
  public boolean oidcProvidersCollected() {
    return oidcProvidersCollected;
  }

  public List<PodIdentityAssociation> podIdentityAssociations() {
    return podIdentityAssociations;
  }

  /** ConfigMaps and Secrets pods may name in {@code envFrom}, by key names only. */
  public List<EnvSource> envSources() {
    return envSources;
  }

  @Override
  public String toString() {
    return "Snapshot[" + serviceAccounts.size() + " service accounts, " + pods.size() + " pods, "
        + webhookConfigurations.size() + " webhook configurations, issuer " + issuer.orElse("unknown") + ", "
        + roles.size() + " roles, " + managedPolicies.size() + " managed policies, " + oidcProviders.size()
        + " OIDC providers]";
  }

  /**
   * Collects the parts; objects with the same identity (namespace/name, ARN) replace earlier ones, so
   * files can be given in any order and overlap.
   */
  public static final class Builder {
    private final Map<String, KubeServiceAccount> serviceAccounts = new LinkedHashMap<>();
    private final Map<String, KubePod> pods = new LinkedHashMap<>();
    private final Map<String, WebhookConfiguration> webhookConfigurations = new LinkedHashMap<>();
    private boolean webhooksCollected;
    private String issuer;
    private final Map<String, IamRole> roles = new LinkedHashMap<>();
    private final Map<String, ManagedPolicy> managedPolicies = new LinkedHashMap<>();
    private boolean iamCollected;
    private final Map<String, OidcProviderEntry> oidcProviders = new LinkedHashMap<>();
    private boolean oidcProvidersCollected;
    private final List<PodIdentityAssociation> podIdentityAssociations = new ArrayList<>();
    private final Map<String, EnvSource> envSources = new LinkedHashMap<>();

    private Builder() {}

    public Builder addServiceAccount(KubeServiceAccount sa) {
      serviceAccounts.put(sa.key(), sa);
      return this;
    }

    public Builder addPod(KubePod pod) {
      pods.put(pod.key(), pod);
      return this;
    }

    /** Adds a configuration and marks the webhooks as collected. */
    public Builder addWebhookConfiguration(WebhookConfiguration c) {
      webhookConfigurations.put(c.name(), c);
      webhooksCollected = true;
      return this;
    }

    /** Whether the cluster's webhook configurations were read (true even when there are none). */
    public Builder webhooksCollected(boolean collected) {
      webhooksCollected = collected;
      return this;
    }

    /**
     * The cluster's issuer URL.
     *
     * @throws IllegalArgumentException when it is not an https URL
     */
    public Builder issuer(String issuerUrl) {
      dev.irsa.core.trust.OidcProvider.fromIssuer(Objects.requireNonNull(issuerUrl, "issuerUrl"), "000000000000");
      this.issuer = issuerUrl.replaceAll("/+$", "");
      return this;
    }

    /** Adds a role and marks IAM as collected. */
    public Builder addRole(IamRole role) {
      roles.put(role.arn(), role);
      iamCollected = true;
      return this;
    }

    public Builder addManagedPolicy(ManagedPolicy policy) {
      managedPolicies.put(policy.arn(), policy);
      return this;
    }

    /** Whether the account's roles and policies were read (true even when there are none). */
    public Builder iamCollected(boolean collected) {
      iamCollected = collected;
      return this;
    }

    /** Adds a provider and marks providers as collected. */
    public Builder addOidcProvider(OidcProviderEntry provider) {
      oidcProviders.put(provider.arn(), provider);
      oidcProvidersCollected = true;
      return this;
    }

    /** Whether the account's OIDC providers were read (true even when there are none). */
    public Builder oidcProvidersCollected(boolean collected) {
      oidcProvidersCollected = collected;
      return this;
    }

    public Builder addPodIdentityAssociation(PodIdentityAssociation a) {
      podIdentityAssociations.add(Objects.requireNonNull(a, "association"));
      return this;
    }

    public Builder addEnvSource(EnvSource source) {
      envSources.put(source.key(), source);
      return this;
    }

    public Snapshot build() {
      return new Snapshot(this);
    }
  }
}
