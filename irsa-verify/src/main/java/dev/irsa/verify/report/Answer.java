package dev.irsa.verify.report;

/** What one source of truth said about one check. */
public enum Answer {
  /** The request was allowed (a live probe succeeded, or was answered "not found": allowed to ask). */
  ALLOWED,
  /** The request was denied (an explicit or implicit deny, or AccessDenied from the service). */
  DENIED,
  /** The action would change data, or has no read-only probe: never sent live. */
  NOT_PROBED,
  /** The source cannot answer here (e.g. the IAM policy simulator is not implemented by the endpoint). */
  NOT_AVAILABLE,
  /** The source did not run (e.g. no cluster or AWS credentials in the environment). */
  SKIPPED,
  /** The source failed to answer (an error other than a deny: throttling, a bad token, ...). */
  ERROR
}
