package dev.irsa.verify.report;

import dev.irsa.verify.expect.ExpectedOutcome;
import dev.irsa.verify.expect.Expectation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying one service account's access: the identity chain, then one
 * {@link CheckResult} per expectation with every source's answer and the verdict. Stable JSON
 * ({@link #toJson()}), a table for people ({@link #toTable()}) and JUnit XML for CI
 * ({@link #toJunitXml()}). Holds no tokens or credentials.
 */
public final class VerificationReport {
  private final String serviceAccount;
  private final String role;
  private final List<SourceRun> sources;
  private final IdentityChain identity;
  private final List<CheckResult> checks;
  private final Duration took;

  private VerificationReport(String serviceAccount, String role, List<SourceRun> sources, IdentityChain identity,
      List<CheckResult> checks, Duration took) {
    this.serviceAccount = Objects.requireNonNull(serviceAccount, "serviceAccount");
    this.role = Objects.requireNonNull(role, "role");
    this.sources = List.copyOf(sources);
    this.identity = Objects.requireNonNull(identity, "identity");
    this.checks = List.copyOf(checks);
    this.took = Objects.requireNonNull(took, "took");
  }

  /**
   * A report.
   *
   * @param serviceAccount {@code namespace/name}
   * @param role the role ARN
   */
  public static VerificationReport of(String serviceAccount, String role, List<SourceRun> sources,
      IdentityChain identity, List<CheckResult> checks, Duration took) {
    return new VerificationReport(serviceAccount, role, sources, identity, checks, took);
  }

  public String serviceAccount() {
    return serviceAccount;
  }

  public String role() {
    return role;
  }

  public List<SourceRun> sources() {
    return sources;
  }

  public IdentityChain identity() {
    return identity;
  }

  public List<CheckResult> checks() {
    return checks;
  }

  public Duration took() {
    return took;
  }

  /** True when every check passed. */
  public boolean passed() {
    return checks.stream().allMatch(c -> c.verdict() == Verdict.PASS);
  }

  /** The process exit status the command line uses: 0 when every check passed, 1 otherwise. */
  public int exitCode() {
    return passed() ? 0 : 1;
  }

  /** The check for this action and resource, whatever it expected. */
  public Optional<CheckResult> check(String action, String resource) {
    return checks.stream().filter(c -> c.expectation().action().equalsIgnoreCase(action)
        && c.expectation().resource().equals(resource)).findFirst();
  }

  /** The check for this expectation. */
  public Optional<CheckResult> check(Expectation e) {
    return checks.stream().filter(c -> c.expectation().equals(e)).findFirst();
  }

  /** Whether the named source ran. */
  public boolean ran(String source) {
    return sources.stream().anyMatch(s -> s.source().equals(source) && s.ran());
  }

  /** Counts per verdict, e.g. {@code 7 checks: 6 PASS, 1 FAIL, 0 DRIFT}. */
  public String summary() {
    long pass = checks.stream().filter(c -> c.verdict() == Verdict.PASS).count();
    long fail = checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count();
    long drift = checks.stream().filter(c -> c.verdict() == Verdict.DRIFT).count();
    return checks.size() + " checks: " + pass + " PASS, " + fail + " FAIL, " + drift + " DRIFT";
  }

  /** The stable JSON form (fields in a fixed order, two-space indent). */
  public String toJson() {
    return ReportFormats.json(this);
  }

  /** A table for people: the identity chain, then one line per check and source. */
  public String toTable() {
    return ReportFormats.table(this);
  }

  /** JUnit XML: one test suite, one test case per check; FAIL and DRIFT as failures. */
  public String toJunitXml() {
    return ReportFormats.junitXml(this);
  }

  static String expected(Expectation e) {
    return e.expected() == ExpectedOutcome.ALLOW ? "ALLOW" : "DENY";
  }

  static String millis(Duration d) {
    return String.format(Locale.ROOT, "%d ms", d.toMillis());
  }

  @Override
  public String toString() {
    return "VerificationReport{" + serviceAccount + " as " + role + ", " + summary() + "}";
  }
}
