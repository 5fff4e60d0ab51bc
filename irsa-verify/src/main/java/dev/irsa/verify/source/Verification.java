package dev.irsa.verify.source;

import dev.irsa.verify.expect.Expectation;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.CheckResult;
import dev.irsa.verify.report.IdentityChain;
import dev.irsa.verify.report.SourceAnswer;
import dev.irsa.verify.report.SourceRun;
import dev.irsa.verify.report.VerificationReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs sources of truth over expectations and gathers one {@link VerificationReport}.
 *
 * <pre>{@code
 * VerificationReport report = Verification.of(target, expectations)
 *     .addSource(OfflineSource.builder().trust(trust).addIdentityPolicy("app", policy).build())
 *     .run();
 * report.passed();
 * System.out.print(report.toTable());
 * }</pre>
 */
public final class Verification {
  private final Target target;
  private final Expectations expectations;
  private final List<VerificationSource> sources = new ArrayList<>();
  private final List<SourceResult> given = new ArrayList<>();
  private final Redactor redactor = new Redactor();

  private Verification(Target target, Expectations expectations) {
    this.target = Objects.requireNonNull(target, "target");
    this.expectations = Objects.requireNonNull(expectations, "expectations");
  }

  public static Verification of(Target target, Expectations expectations) {
    return new Verification(target, expectations);
  }

  /** A source to run, in order. */
  public Verification addSource(VerificationSource source) {
    sources.add(Objects.requireNonNull(source, "source"));
    return this;
  }

  /** A source that will not run, with the reason (its checks are reported SKIPPED, never passed). */
  public Verification addSkipped(String source, String reason) {
    given.add(SourceResult.skipped(source, reason));
    return this;
  }

  /** Runs every source; a source that throws is reported as an ERROR answer for each check. */
  public VerificationReport run() {
    long start = System.nanoTime();
    List<SourceResult> results = new ArrayList<>();
    List<SourceRun> runs = new ArrayList<>();
    for (VerificationSource s : sources) {
      long t0 = System.nanoTime();
      SourceResult r;
      try {
        r = s.run(target, expectations);
      } catch (RuntimeException e) {
        SourceResult.Builder b = SourceResult.builder(s.name());
        String msg = "the source failed: " + redactor.describe(e);
        expectations.forEach(x -> b.add(x, SourceAnswer.of(s.name(), Answer.ERROR, msg)));
        r = b.build();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      results.add(r);
      runs.add(r.skipped().isPresent() ? SourceRun.skipped(r.source(), r.skipped().get()) : SourceRun.ran(r.source(), took));
    }
    for (SourceResult r : given) {
      results.add(r);
      runs.add(SourceRun.skipped(r.source(), r.skipped().orElse("")));
    }
    IdentityChain.Builder identity = IdentityChain.builder();
    results.forEach(r -> identity.merge(r.identity()));
    List<CheckResult> checks = new ArrayList<>();
    for (Expectation e : expectations) {
      List<SourceAnswer> answers = new ArrayList<>();
      results.forEach(r -> answers.addAll(r.answers(e)));
      checks.add(CheckResult.of(e, answers));
    }
    return VerificationReport.of(target.serviceAccount().namespace() + "/" + target.serviceAccount().name(),
        target.role().toString(), runs, identity.build(), checks, Duration.ofNanos(System.nanoTime() - start));
  }
}
