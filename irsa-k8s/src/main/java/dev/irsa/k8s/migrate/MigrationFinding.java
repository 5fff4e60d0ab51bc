package dev.irsa.k8s.migrate;

import java.util.Objects;

/**
 * Something found before anything changes. A {@link Severity#BLOCKER} stops {@code apply}; a warning
 * or information is reported and the migration goes on.
 *
 * @param code stable identifier, e.g. {@code FARGATE_POD}
 * @param subject what it is about (a pod, a role, a service account)
 * @param message what was found and what to do
 */
public record MigrationFinding(String code, Severity severity, String subject, String message) {
  /** How much a finding matters. */
  public enum Severity { BLOCKER, WARNING, INFO }

  public MigrationFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return severity + " " + code + " " + subject + ": " + message;
  }
}
