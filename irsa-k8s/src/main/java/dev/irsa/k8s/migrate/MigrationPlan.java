package dev.irsa.k8s.migrate;

import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.core.trust.ServiceAccountRef;
import java.util.List;
import java.util.Objects;

/**
 * What a migration would change (from {@code plan}) or changed (from {@code apply}/{@code rollback}),
 * with the findings made before anything changed.
 *
 * @param operation {@code roll-out}, {@code clean-up} or {@code roll-back}
 * @param roleArn the role being migrated (empty when it could not be found)
 * @param serviceAccounts the concrete service accounts migrated together (one association each)
 * @param steps the changes in order; {@link MigrationStep#done()} when already as wanted
 * @param findings blockers, warnings and information
 */
public record MigrationPlan(String operation, String roleArn, List<ServiceAccountRef> serviceAccounts,
    List<MigrationStep> steps, List<MigrationFinding> findings) {
  public MigrationPlan {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(roleArn, "roleArn");
    serviceAccounts = List.copyOf(serviceAccounts);
    steps = List.copyOf(steps);
    findings = List.copyOf(findings);
  }

  /** True when a blocker stops the migration. */
  public boolean blocked() {
    return findings.stream().anyMatch(f -> f.severity() == MigrationFinding.Severity.BLOCKER);
  }

  /** True when every step is already as wanted. */
  public boolean complete() {
    return steps.stream().allMatch(MigrationStep::done);
  }

  /** A stable JSON form. */
  public String toJson() {
    JsonWriter w = new JsonWriter(true).beginObject();
    w.name("operation").value(operation).name("role").value(roleArn);
    w.name("serviceAccounts").beginArray();
    serviceAccounts.forEach(sa -> w.value(sa.toString()));
    w.endArray().name("blocked").raw(Boolean.toString(blocked())).name("steps").beginArray();
    for (MigrationStep s : steps) {
      w.beginObject().name("kind").value(s.kind().name()).name("target").value(s.target())
          .name("detail").value(s.detail()).name("done").raw(Boolean.toString(s.done())).endObject();
    }
    w.endArray().name("findings").beginArray();
    for (MigrationFinding f : findings) {
      w.beginObject().name("code").value(f.code()).name("severity").value(f.severity().name())
          .name("subject").value(f.subject()).name("message").value(f.message()).endObject();
    }
    return w.endArray().endObject().toString();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(operation).append(" of ").append(roleArn.isEmpty() ? "?" : roleArn)
        .append(" for ").append(serviceAccounts).append('\n');
    findings.forEach(f -> b.append(f).append('\n'));
    steps.forEach(s -> b.append(s).append('\n'));
    if (steps.isEmpty()) {
      b.append("  (no changes)\n");
    }
    return b.toString();
  }
}
