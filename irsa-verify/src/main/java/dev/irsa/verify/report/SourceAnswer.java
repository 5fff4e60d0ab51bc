package dev.irsa.verify.report;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One source's answer to one check, with its evidence: matched statements, the AWS error code and
 * request id, the pod command and its exit code. Evidence never holds tokens or credentials (live
 * sources pass it through a redactor).
 *
 * @param source {@code offline}, {@code account}, {@code simulator}, {@code token}, {@code pod}
 * @param answer what it said
 * @param evidence why, for people (one line or a few)
 * @param errorCode the service's error code, when a service answered with one
 * @param requestId the service's request id, when known
 * @param took how long the source spent on this answer
 * @param counts whether the answer takes part in the verdict (false for an answer the source could
 *     not make faithfully, e.g. moto's AssumeRoleWithWebIdentity, which checks no trust policy)
 */
public record SourceAnswer(String source, Answer answer, String evidence, Optional<String> errorCode,
    Optional<String> requestId, Duration took, boolean counts) {
  public SourceAnswer {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(took, "took");
  }

  public static SourceAnswer of(String source, Answer answer, String evidence) {
    return new SourceAnswer(source, answer, evidence, Optional.empty(), Optional.empty(), Duration.ZERO, true);
  }

  /** This answer with the service's error code and request id (either may be null). */
  public SourceAnswer withError(String code, String requestId) {
    return new SourceAnswer(source, answer, evidence, Optional.ofNullable(code), Optional.ofNullable(requestId), took, counts);
  }

  public SourceAnswer withTook(Duration d) {
    return new SourceAnswer(source, answer, evidence, errorCode, requestId, Objects.requireNonNull(d, "took"), counts);
  }

  /** This answer shown but kept out of the verdict. */
  public SourceAnswer notCounted() {
    return new SourceAnswer(source, answer, evidence, errorCode, requestId, took, false);
  }

  /** ALLOWED or DENIED, and counted. */
  public boolean decides() {
    return counts && (answer == Answer.ALLOWED || answer == Answer.DENIED);
  }

  @Override
  public String toString() {
    return source + ": " + answer + (evidence.isEmpty() ? "" : " (" + evidence + ")")
        + errorCode.map(c -> " code=" + c).orElse("") + requestId.map(r -> " requestId=" + r).orElse("");
  }
}
