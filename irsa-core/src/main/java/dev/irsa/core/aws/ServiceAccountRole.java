package dev.irsa.core.aws;

import dev.irsa.core.arn.PolicyArn;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.internal.Names;
import dev.irsa.core.internal.Quote;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.SizeQuota;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What {@link IamProvisioner} should make true in IAM: a role that the given service accounts may
 * assume, with its policies.
 *
 * <pre>{@code
 * ServiceAccountRole role = ServiceAccountRole.builder()
 *     .roleName("irsa-demo-aws-cli")
 *     .serviceAccount(cluster, ServiceAccountRef.of("irsa-demo", "aws-cli"))
 *     .addManagedPolicy(ManagedPolicy.of("irsa-demo-read", Permissions.builder().s3Read("my-bucket").build()))
 *     .description("aws-cli pod in irsa-demo")
 *     .build();
 * }</pre>
 *
 * Everything is checked when built, before any AWS call: names, the account of every cluster's
 * OIDC provider (it must be the role's), tags, and the sizes of the trust policy and the policies.
 */
@Value.Immutable
public abstract class ServiceAccountRole {
  /** The role's name: 1 to 64 of letters, digits and {@code +=,.@_-}. */
  public abstract String roleName();

  /** The role's path, {@code /} by default; only set on creation (IAM cannot move a role). */
  @Value.Default
  public String path() {
    return "/";
  }

  public abstract Optional<String> description();

  /** Between 1 and 12 hours; IAM's default (1 hour) when absent. */
  public abstract Optional<Duration> maxSessionDuration();

  public abstract Optional<PolicyArn> permissionsBoundary();

  /** Tags for the role and the policies and OIDC providers it creates (besides the ownership tag). */
  public abstract Map<String, String> tags();

  /** The service accounts to trust; at least one. Existing trust is kept, never narrowed. */
  public abstract List<TrustedServiceAccount> serviceAccounts();

  /** Customer managed policies to create, keep current and attach. */
  public abstract List<ManagedPolicy> managedPolicies();

  /** Existing managed policies (AWS managed or not) to attach. */
  public abstract List<PolicyArn> attachedPolicies();

  /** Inline policies of the role by name. */
  public abstract Map<String, PolicyDocument> inlinePolicies();

  /** The token audience, {@value OidcProvider#DEFAULT_AUDIENCE} by default. */
  @Value.Default
  public String audience() {
    return OidcProvider.DEFAULT_AUDIENCE;
  }

  /** The account's trust-policy size quota, {@link SizeQuota#TRUST_POLICY} (2,048) by default. */
  @Value.Default
  public SizeQuota trustPolicyQuota() {
    return SizeQuota.TRUST_POLICY;
  }

  /**
   * Take over a role or policy of that name that irsa did not create (it carries no
   * {@link IamProvisioner#OWNER_TAG_KEY} tag): tag it and manage it. Off by default, so an existing
   * foreign role is refused rather than changed.
   */
  @Value.Default
  public boolean adopt() {
    return false;
  }

  /** Create each cluster's IAM OIDC provider when missing, and add the audience to its client IDs. On by default. */
  @Value.Default
  public boolean manageOidcProviders() {
    return true;
  }

  /** The thumbprint of OIDC providers created; {@link Thumbprint#omit()} by default. */
  @Value.Default
  public Thumbprint thumbprint() {
    return Thumbprint.omit();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding everything of this role, to change a part of it. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.from(this);
    return b;
  }

  /** The distinct OIDC providers of the trusted service accounts, in order. */
  public List<OidcProvider> oidcProviders() {
    Set<OidcProvider> out = new LinkedHashSet<>();
    for (TrustedServiceAccount t : serviceAccounts()) {
      out.add(t.cluster());
    }
    return new ArrayList<>(out);
  }

  /** The role's ARN, in the account and partition of the clusters' OIDC providers. */
  public RoleArn roleArn() {
    OidcProvider p = serviceAccounts().get(0).cluster();
    return RoleArn.of(p.partition(), p.account(), path(), roleName());
  }

  /** The ARN {@code policy} gets in the role's account. */
  public PolicyArn policyArn(ManagedPolicy policy) {
    RoleArn r = roleArn();
    return PolicyArn.of(r.partition(), r.account(), policy.path(), policy.name());
  }

  /** The managed policies to attach: the created ones, then {@link #attachedPolicies()}. */
  public List<PolicyArn> policiesToAttach() {
    Set<PolicyArn> out = new LinkedHashSet<>();
    for (ManagedPolicy p : managedPolicies()) {
      out.add(policyArn(p));
    }
    out.addAll(attachedPolicies());
    return new ArrayList<>(out);
  }

  /** The trust policy a new role gets: one statement per cluster (see {@link IrsaTrust}). */
  public PolicyDocument trustPolicy() {
    IrsaTrust.Builder b = IrsaTrust.builder().audience(audience());
    for (TrustedServiceAccount t : serviceAccounts()) {
      b.serviceAccount(t.cluster(), t.serviceAccount());
    }
    return b.build();
  }

  @Value.Check
  void check() {
    Names.roleName(roleName());
    Names.path(path());
    if (serviceAccounts().isEmpty()) {
      throw new IllegalStateException("role " + Quote.single(roleName()) + " needs at least one service account to trust");
    }
    OidcProvider first = serviceAccounts().get(0).cluster();
    for (TrustedServiceAccount t : serviceAccounts()) {
      if (!t.cluster().account().equals(first.account()) || t.cluster().partition() != first.partition()) {
        throw new IllegalStateException("the OIDC providers of all clusters must be in the role's account: "
            + first.arn() + " and " + t.cluster().arn() + " differ (create the provider in the role's account "
            + "with OidcProvider.inAccount)");
      }
    }
    maxSessionDuration().ifPresent(d -> {
      if (d.getSeconds() < 3600 || d.getSeconds() > 43200 || d.getNano() != 0) {
        throw new IllegalStateException("max session duration must be whole seconds between 1 and 12 hours, got: " + d);
      }
    });
    description().ifPresent(d -> {
      if (d.length() > 1000) {
        throw new IllegalStateException("role description must be at most 1,000 characters, got " + d.length());
      }
    });
    if (tags().size() > 49) {
      throw new IllegalStateException("at most 49 tags (IAM allows 50 per role, one is irsa's ownership tag), got "
          + tags().size());
    }
    tags().forEach((k, v) -> {
      if (k.isEmpty() || k.length() > 128 || !k.matches("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+")) {
        throw new IllegalStateException("tag key must be 1 to 128 letters, digits, spaces or _.:/=+-@, got: " + Quote.single(k));
      }
      if (v.length() > 256 || !v.matches("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*")) {
        throw new IllegalStateException("tag value must be at most 256 letters, digits, spaces or _.:/=+-@, got: '"
            + v + "' for key " + Quote.single(k));
      }
      if (k.equalsIgnoreCase(IamProvisioner.OWNER_TAG_KEY)) {
        throw new IllegalStateException("tag key " + Quote.single(k) + " is reserved for irsa's ownership tag");
      }
    });
    for (String name : inlinePolicies().keySet()) {
      Names.policyName(name);
    }
    SizeQuota.INLINE_ROLE_POLICIES.checkTotal(new ArrayList<>(inlinePolicies().values()));
    Set<String> names = new LinkedHashSet<>();
    for (ManagedPolicy p : managedPolicies()) {
      if (!names.add(p.name())) {
        throw new IllegalStateException("managed policy " + Quote.single(p.name()) + " is listed twice");
      }
    }
    if (policiesToAttach().size() > 10) {
      throw new IllegalStateException("a role can have at most 10 managed policies attached by default, asked for "
          + policiesToAttach().size());
    }
    trustPolicyQuota().check(trustPolicy());
  }

  @Override
  public String toString() {
    return "ServiceAccountRole{" + roleName() + " trusting " + serviceAccounts() + "}";
  }

  /** Builds a {@link ServiceAccountRole}. */
  public static final class Builder extends ImmutableServiceAccountRole.Builder {
    Builder() {}

    /** Trusts service accounts of the cluster behind {@code cluster}. */
    public Builder serviceAccount(OidcProvider cluster, ServiceAccountRef... serviceAccounts) {
      for (ServiceAccountRef sa : serviceAccounts) {
        addServiceAccount(TrustedServiceAccount.of(cluster, sa));
      }
      return this;
    }

    /** Creates (or updates) and attaches the customer managed policy {@code name} at path {@code /}. */
    public Builder managedPolicy(String name, PolicyDocument document) {
      addManagedPolicy(ManagedPolicy.of(name, document));
      return this;
    }
  }
}
