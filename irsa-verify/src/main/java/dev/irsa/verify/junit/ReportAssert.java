package dev.irsa.verify.junit;

import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.CheckResult;
import dev.irsa.verify.report.SourceAnswer;
import dev.irsa.verify.report.Verdict;
import dev.irsa.verify.report.VerificationReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Assertions on a {@link VerificationReport} that read like the seed. Failure messages carry every
 * source's answer and its evidence.
 *
 * <pre>{@code
 * assertThat(report).allows("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket")
 *     .denies("s3:DeleteObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt");
 * }</pre>
 */
public final class ReportAssert {
  private final VerificationReport report;

  ReportAssert(VerificationReport report) {
    this.report = Objects.requireNonNull(report, "report");
  }

  /**
   * Every source that decided says allowed (at least one did), and they do not drift.
   *
   * @throws AssertionError otherwise, with the check's explanation
   */
  public ReportAssert allows(String action, String resource) {
    return decided(action, resource, Answer.ALLOWED, "allowed");
  }

  /**
   * Every source that decided says denied (at least one did), and they do not drift.
   *
   * @throws AssertionError otherwise, with the check's explanation
   */
  public ReportAssert denies(String action, String resource) {
    return decided(action, resource, Answer.DENIED, "denied");
  }

  /**
   * Every check passed.
   *
   * @throws AssertionError naming each check that did not, with its explanation
   */
  public ReportAssert passes() {
    List<CheckResult> bad = report.checks().stream().filter(c -> c.verdict() != Verdict.PASS).toList();
    if (!bad.isEmpty()) {
      StringBuilder sb = new StringBuilder("expected every check of " + report.serviceAccount() + " to pass; "
          + report.summary() + ":");
      bad.forEach(c -> sb.append(System.lineSeparator()).append(c.explain()));
      throw new AssertionError(sb.toString());
    }
    return this;
  }

  private ReportAssert decided(String action, String resource, Answer wanted, String word) {
    Optional<CheckResult> found = report.check(action, resource);
    if (found.isEmpty()) {
      throw new AssertionError("expected " + action + " on " + resource + " to be " + word
          + ", but the report has no such check; its checks: "
          + report.checks().stream().map(c -> c.expectation().action() + " on " + c.expectation().resource()).toList());
    }
    CheckResult c = found.get();
    List<SourceAnswer> deciding = c.answers().stream().filter(SourceAnswer::decides).toList();
    boolean ok = !deciding.isEmpty() && deciding.stream().allMatch(a -> a.answer() == wanted);
    if (!ok) {
      String why = deciding.isEmpty() ? "no source decided" : c.verdict() == Verdict.DRIFT ? "the sources disagree"
          : "it is " + (wanted == Answer.ALLOWED ? "denied" : "allowed");
      throw new AssertionError("expected " + action + " on " + resource + " to be " + word + ", but " + why + ":"
          + System.lineSeparator() + c.explain());
    }
    return this;
  }

  @Override
  public String toString() {
    return "ReportAssert{" + report + "}";
  }
}
