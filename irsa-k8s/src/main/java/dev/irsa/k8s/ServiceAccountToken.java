package dev.irsa.k8s;

import dev.irsa.core.trust.ServiceAccountRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A service-account token from the TokenRequest API. The token is a bearer credential: it is only
 * available through {@link #reveal()} and never appears in {@link #toString()}.
 */
public final class ServiceAccountToken {
  private final ServiceAccountRef serviceAccount;
  private final String token;
  private final List<String> audiences;
  private final Instant expiresAt;

  ServiceAccountToken(ServiceAccountRef serviceAccount, String token, List<String> audiences, Instant expiresAt) {
    this.serviceAccount = Objects.requireNonNull(serviceAccount, "serviceAccount");
    this.token = Objects.requireNonNull(token, "token");
    this.audiences = List.copyOf(audiences);
    this.expiresAt = expiresAt;
  }

  public ServiceAccountRef serviceAccount() {
    return serviceAccount;
  }

  /** The audiences requested. */
  public List<String> audiences() {
    return audiences;
  }

  /** {@code status.expirationTimestamp} from the API server. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The token itself, for passing to STS. Do not print or log it. */
  public String reveal() {
    return token;
  }

  /**
   * The token's claims, decoded without verifying the signature.
   *
   * @throws IllegalArgumentException when the token is not a JWT (the message never quotes it)
   */
  public TokenClaims claims() {
    return TokenClaims.decodeUnverified(token);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "ServiceAccountToken{" + serviceAccount + ", aud=" + audiences + ", expires=" + expiresAt + ", token=<redacted>}";
  }
}
