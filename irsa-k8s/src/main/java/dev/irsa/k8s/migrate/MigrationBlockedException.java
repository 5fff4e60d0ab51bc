package dev.irsa.k8s.migrate;

/** {@code apply} or {@code rollback} refused to change anything because of blockers; the plan says which. */
public final class MigrationBlockedException extends RuntimeException {
  private final MigrationPlan plan;

  MigrationBlockedException(MigrationPlan plan) {
    super(plan.operation() + " blocked: " + String.join("; ", plan.findings().stream()
        .filter(f -> f.severity() == MigrationFinding.Severity.BLOCKER).map(MigrationFinding::toString).toList()));
    this.plan = plan;
  }

  public MigrationPlan plan() {
    return plan;
  }
}
