package dev.irsa.verify.expect;

/** What a check expects of a request: that it is allowed, or that it is denied (explicitly or implicitly). */
public enum ExpectedOutcome {
  ALLOW,
  DENY
}
