package dev.irsa.verify.junit;

import dev.irsa.verify.report.VerificationReport;

/** Static entry point for {@link ReportAssert}: {@code import static dev.irsa.verify.junit.IrsaAssertions.assertThat;}. */
public final class IrsaAssertions {
  private IrsaAssertions() {}

  public static ReportAssert assertThat(VerificationReport report) {
    return new ReportAssert(report);
  }
}
