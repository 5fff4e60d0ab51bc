package dev.irsa.core.lint;

/** How much a finding matters, in IAM Access Analyzer's vocabulary, most severe first. */
public enum Severity {
  /** The policy is invalid, or a part of it can never work as written. */
  ERROR,
  /** The policy works but grants more than it seems to (or more than is safe). */
  SECURITY_WARNING,
  /** Probably not what was meant; check it. */
  WARNING,
  /** Works, but could be simpler or clearer. */
  SUGGESTION
}
