package dev.irsa.verify.report;

/** The outcome of one check across its sources. */
public enum Verdict {
  /** Every source that decided agrees with the expectation. */
  PASS,
  /** The sources that decided agree with each other and not with the expectation, or none decided. */
  FAIL,
  /** The sources disagree (e.g. offline says denied and the live probe was allowed). */
  DRIFT
}
