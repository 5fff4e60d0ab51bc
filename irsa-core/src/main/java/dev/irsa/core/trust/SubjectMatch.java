package dev.irsa.core.trust;

/** How an IRSA trust policy compares the token's {@code sub} claim. */
public enum SubjectMatch {
  /** {@code StringEquals}: only the named service accounts (the default, as eksctl, CDK and terraform do). */
  EXACT,
  /** {@code StringLike}: subjects may hold {@code *} and {@code ?}; an explicit opt-in. */
  LIKE
}
