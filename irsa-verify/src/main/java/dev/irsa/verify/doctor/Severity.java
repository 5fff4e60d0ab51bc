package dev.irsa.verify.doctor;

/** How much a finding matters, most severe first. */
public enum Severity {
  /** It cannot work: the pod does not get the role, or a stated expectation fails. */
  ERROR,
  /** It works, but is fragile or grants too much. */
  WARNING,
  /** Worth knowing. */
  INFO
}
