package dev.irsa.verify.eval;

/** IAM's decision vocabulary. */
public enum Decision {
  /** An Allow applied at every layer that needs one and no Deny applied. */
  ALLOWED,
  /** A Deny statement applied in some policy; it wins over any Allow. */
  EXPLICIT_DENY,
  /** No Deny applied, but some layer that must allow did not. */
  IMPLICIT_DENY
}
