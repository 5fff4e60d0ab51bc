package dev.irsa.verify.report;

import dev.irsa.verify.expect.ExpectedOutcome;
import dev.irsa.verify.expect.Expectation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One check of a report: the expectation, each source's answer, and the verdict. */
public final class CheckResult {
  private final Expectation expectation;
  private final List<SourceAnswer> answers;
  private final Verdict verdict;

  private CheckResult(Expectation expectation, List<SourceAnswer> answers) {
    this.expectation = Objects.requireNonNull(expectation, "expectation");
    this.answers = List.copyOf(answers);
    this.verdict = verdict(expectation, this.answers);
  }

  /** The check with its verdict computed from the answers. */
  public static CheckResult of(Expectation expectation, List<SourceAnswer> answers) {
    return new CheckResult(expectation, answers);
  }

  /**
   * DRIFT when the deciding answers disagree; otherwise PASS when they match the expectation, FAIL
   * when they do not or when no answer decides.
   */
  static Verdict verdict(Expectation e, List<SourceAnswer> answers) {
    boolean allowed = false;
    boolean denied = false;
    for (SourceAnswer a : answers) {
      if (a.decides()) {
        allowed |= a.answer() == Answer.ALLOWED;
        denied |= a.answer() == Answer.DENIED;
      }
    }
    if (allowed && denied) {
      return Verdict.DRIFT;
    }
    if (!allowed && !denied) {
      return Verdict.FAIL;
    }
    return allowed == (e.expected() == ExpectedOutcome.ALLOW) ? Verdict.PASS : Verdict.FAIL;
  }

  public Expectation expectation() {
    return expectation;
  }

  public List<SourceAnswer> answers() {
    return answers;
  }

  public Verdict verdict() {
    return verdict;
  }

  /** The answer of one source, if it gave one. */
  public Optional<SourceAnswer> answer(String source) {
    return answers.stream().filter(a -> a.source().equals(source)).findFirst();
  }

  /** For people: the verdict, the expectation and every source's answer with its evidence. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append(verdict).append(": expected ").append(expectation.name());
    if (!expectation.label().isEmpty()) {
      sb.append(" (").append(expectation.label()).append(')');
    }
    if (answers.stream().noneMatch(SourceAnswer::decides)) {
      sb.append("; no source decided");
    }
    for (SourceAnswer a : answers) {
      sb.append(System.lineSeparator()).append("  ").append(a);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return verdict + " " + expectation.name();
  }
}
