package dev.irsa.core.policy;

/** How {@link PolicyDocument#toJson(JsonFormat)} lays out its text. */
public enum JsonFormat {
  /** One line, no insignificant whitespace: what IAM stores and counts. */
  COMPACT,
  /** Two-space indentation, one element per line. */
  PRETTY
}
