package dev.irsa.core.aws;

import dev.irsa.core.internal.Quote;
import java.util.List;
import java.util.Locale;

/**
 * What to put in a new OIDC provider's thumbprint list. IAM now trusts well-known root CAs for
 * OIDC providers, so the thumbprint is optional; a stale one is a warning, not an error.
 */
public final class Thumbprint {
  /** How the thumbprint is chosen. */
  public enum Mode {
    /** No thumbprint (the default). */
    OMIT,
    /** The given SHA-1 fingerprints. */
    SUPPLIED,
    /** SHA-1 of the last certificate of the issuer's TLS chain, when the issuer is reachable; else none. */
    FROM_ISSUER
  }

  private static final Thumbprint OMIT = new Thumbprint(Mode.OMIT, List.of());
  private static final Thumbprint FROM_ISSUER = new Thumbprint(Mode.FROM_ISSUER, List.of());

  private final Mode mode;
  private final List<String> values;

  private Thumbprint(Mode mode, List<String> values) {
    this.mode = mode;
    this.values = values;
  }

  public static Thumbprint omit() {
    return OMIT;
  }

  public static Thumbprint fromIssuer() {
    return FROM_ISSUER;
  }

  /**
   * Given thumbprints: 40 hex digits each (SHA-1), at most 5.
   *
   * @throws IllegalArgumentException for a value that is not 40 hex digits, quoting it
   */
  public static Thumbprint of(String... sha1Hex) {
    if (sha1Hex.length == 0 || sha1Hex.length > 5) {
      throw new IllegalArgumentException("an OIDC provider takes 1 to 5 thumbprints, got " + sha1Hex.length);
    }
    String[] out = new String[sha1Hex.length];
    for (int i = 0; i < sha1Hex.length; i++) {
      String v = sha1Hex[i];
      if (v == null || !v.matches("[0-9a-fA-F]{40}")) {
        throw new IllegalArgumentException("thumbprint must be 40 hex digits (a SHA-1 fingerprint), got: " + Quote.single(v));
      }
      out[i] = v.toLowerCase(Locale.ROOT);
    }
    return new Thumbprint(Mode.SUPPLIED, List.of(out));
  }

  public Mode mode() {
    return mode;
  }

  /** The supplied thumbprints; empty unless {@link Mode#SUPPLIED}. */
  public List<String> values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Thumbprint t && t.mode == mode && t.values.equals(values);
  }

  @Override
  public int hashCode() {
    return mode.hashCode() * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    return mode == Mode.SUPPLIED ? "Thumbprint" + values : "Thumbprint." + mode;
  }
}
