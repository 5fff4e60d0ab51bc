package dev.irsa.verify.report;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a source ran, and if not why (e.g. {@code no kubeconfig context}).
 *
 * @param source the source's name
 * @param ran false when it was skipped
 * @param reason why it was skipped, or empty
 * @param took how long it ran
 */
public record SourceRun(String source, boolean ran, String reason, Duration took) {
  public SourceRun {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(took, "took");
  }

  public static SourceRun ran(String source, Duration took) {
    return new SourceRun(source, true, "", took);
  }

  public static SourceRun skipped(String source, String reason) {
    return new SourceRun(source, false, reason, Duration.ZERO);
  }
}
