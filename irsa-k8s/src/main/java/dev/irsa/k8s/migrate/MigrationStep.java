package dev.irsa.k8s.migrate;

import java.util.Objects;

/**
 * One change of a migration, in the order it is made.
 *
 * @param kind what kind of change
 * @param target what it changes (a role, an association, a workload, a service account)
 * @param detail what exactly
 * @param done true when it is already as wanted (a re-run changes nothing there)
 */
public record MigrationStep(Kind kind, String target, String detail, boolean done) {
  /** The kinds of change, roll-out first, then clean-up and roll-back. */
  public enum Kind {
    ADD_POD_IDENTITY_TRUST,
    CREATE_ASSOCIATION,
    RESTART_WORKLOAD,
    REMOVE_ANNOTATION,
    REMOVE_OIDC_TRUST,
    DELETE_ASSOCIATION,
    REMOVE_POD_IDENTITY_TRUST
  }

  public MigrationStep {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
  }

  MigrationStep asDone() {
    return new MigrationStep(kind, target, detail, true);
  }

  @Override
  public String toString() {
    return (done ? "  = " : "  + ") + kind + " " + target + ": " + detail;
  }
}
