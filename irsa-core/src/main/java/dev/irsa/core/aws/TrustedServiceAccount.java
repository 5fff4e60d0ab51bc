package dev.irsa.core.aws;

import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.util.Objects;

/**
 * One service account of one cluster that a role trusts.
 *
 * @param cluster the cluster's OIDC provider (in the role's account)
 * @param serviceAccount a concrete service account (patterns are not provisioned)
 */
public record TrustedServiceAccount(OidcProvider cluster, ServiceAccountRef serviceAccount) {
  /**
   * @throws IllegalArgumentException if the service account is a pattern
   */
  public TrustedServiceAccount {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    if (serviceAccount.isPattern()) {
      throw new IllegalArgumentException("service account pattern '" + serviceAccount
          + "' cannot be provisioned; name concrete service accounts");
    }
  }

  public static TrustedServiceAccount of(OidcProvider cluster, ServiceAccountRef serviceAccount) {
    return new TrustedServiceAccount(cluster, serviceAccount);
  }

  @Override
  public String toString() {
    return serviceAccount + "@" + cluster.issuerUrl();
  }
}
