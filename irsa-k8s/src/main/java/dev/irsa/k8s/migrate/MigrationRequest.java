package dev.irsa.k8s.migrate;

import dev.irsa.core.policy.SizeQuota;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.util.Objects;
import java.util.Optional;

/**
 * What to migrate: the service account (its role is read from its annotation), the EKS cluster the
 * associations belong to, and the phase.
 *
 * @param cluster the EKS cluster name (Pod Identity associations are per cluster)
 * @param serviceAccount the service account, not a pattern
 * @param issuer the cluster's OIDC provider, when known: the OIDC trust statements of this cluster are the
 *     ones read and, in clean-up, removed; without it, any OIDC statement admitting the service account
 *     counts (and clean-up refuses to run)
 * @param phase {@link Phase#ROLL_OUT} or {@link Phase#CLEANUP}
 * @param trustPolicyQuota the account's trust-policy size quota
 */
public record MigrationRequest(String cluster, ServiceAccountRef serviceAccount, Optional<OidcProvider> issuer,
    Phase phase, SizeQuota trustPolicyQuota) {
  /** The two phases of a migration. */
  public enum Phase {
    /** Trust both, associate, restart: IRSA keeps working until the pods restart. */
    ROLL_OUT,
    /** Later, on request: remove the annotation and the cluster's OIDC trust statements. */
    CLEANUP
  }

  public MigrationRequest {
    Objects.requireNonNull(cluster, "cluster");
    if (!cluster.matches("[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}")) {
      throw new IllegalArgumentException("EKS cluster name must be 1 to 100 letters, digits, - or _ starting with a "
          + "letter or digit, got: '" + cluster + "'");
    }
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    if (serviceAccount.isPattern()) {
      throw new IllegalArgumentException("service account must be a name, not a pattern, got: '" + serviceAccount + "'");
    }
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(trustPolicyQuota, "trustPolicyQuota");
  }

  /** The roll-out of {@code serviceAccount} on {@code cluster}, with the default trust quota. */
  public static MigrationRequest rollOut(String cluster, ServiceAccountRef serviceAccount, OidcProvider issuer) {
    return new MigrationRequest(cluster, serviceAccount, Optional.ofNullable(issuer), Phase.ROLL_OUT,
        SizeQuota.TRUST_POLICY);
  }

  /** The clean-up of {@code serviceAccount} on {@code cluster} (the issuer is required). */
  public static MigrationRequest cleanup(String cluster, ServiceAccountRef serviceAccount, OidcProvider issuer) {
    return new MigrationRequest(cluster, serviceAccount, Optional.of(issuer), Phase.CLEANUP, SizeQuota.TRUST_POLICY);
  }

  /** The same request in another phase. */
  public MigrationRequest withPhase(Phase p) {
    return new MigrationRequest(cluster, serviceAccount, issuer, p, trustPolicyQuota);
  }
}
