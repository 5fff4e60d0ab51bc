package dev.irsa.verify.source;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.util.Objects;
import java.util.Optional;

/**
 * What is verified: a service account, the role it should become, the cluster's OIDC provider (for
 * trust evaluation), the region requests go to and the token audience.
 */
public final class Target {
  private final ServiceAccountRef serviceAccount;
  private final RoleArn role;
  private final OidcProvider provider;
  private final String region;
  private final String audience;

  private Target(Builder b) {
    this.serviceAccount = Objects.requireNonNull(b.serviceAccount, "serviceAccount is required");
    this.role = Objects.requireNonNull(b.role, "role is required");
    this.provider = b.provider;
    this.region = b.region;
    this.audience = b.audience;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The service account and the role, no provider, default audience. */
  public static Target of(ServiceAccountRef serviceAccount, RoleArn role) {
    return builder().serviceAccount(serviceAccount).role(role).build();
  }

  public ServiceAccountRef serviceAccount() {
    return serviceAccount;
  }

  public RoleArn role() {
    return role;
  }

  /** The cluster's OIDC provider (the Federated principal of the trust policy). */
  public Optional<OidcProvider> provider() {
    return Optional.ofNullable(provider);
  }

  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** The token audience (default {@code sts.amazonaws.com}; the annotation {@code eks.amazonaws.com/audience} may name another). */
  public String audience() {
    return audience;
  }

  public Builder toBuilder() {
    Builder b = builder().serviceAccount(serviceAccount).role(role).audience(audience);
    if (provider != null) {
      b.provider(provider);
    }
    if (region != null) {
      b.region(region);
    }
    return b;
  }

  @Override
  public String toString() {
    return "Target{" + serviceAccount + " as " + role + "}";
  }

  /** Builds a {@link Target}; the service account and the role are required. */
  public static final class Builder {
    private ServiceAccountRef serviceAccount;
    private RoleArn role;
    private OidcProvider provider;
    private String region;
    private String audience = OidcProvider.DEFAULT_AUDIENCE;

    private Builder() {}

    public Builder serviceAccount(ServiceAccountRef sa) {
      this.serviceAccount = Objects.requireNonNull(sa, "serviceAccount");
      return this;
    }

    public Builder role(RoleArn role) {
      this.role = Objects.requireNonNull(role, "role");
      return this;
    }

    public Builder provider(OidcProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /**
     * @throws NullPointerException when the service account or the role is missing
     */
    public Target build() {
      return new Target(this);
    }
  }
}
