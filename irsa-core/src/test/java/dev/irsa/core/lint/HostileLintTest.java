package dev.irsa.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 14, items 10 and 11, for findings: values quoted short, control characters escaped. */
class HostileLintTest {
  static final String HEAD = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",";

  @Test
  void aNewlineInASidCannotForgeATableLine() {
    LintReport report = PolicyLinter.create().lint(HEAD + """
        "Sid":"a\\nERROR  FORGED","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""", PolicyKind.IDENTITY);

    assertThat(report.findings()).extracting(Finding::message)
        .contains("Sid \"a\\nERROR  FORGED\" may only contain letters and digits in IAM policies: rename it to \"aERRORFORGED\"");
    assertThat(report.toTable().lines()).noneMatch(l -> l.startsWith("ERROR  FORGED"));
  }

  @Test
  void aHugeActionIsQuotedShortInItsFinding() {
    String action = "s3:" + "G".repeat(1_000_000);

    LintReport report = PolicyLinter.create().lint(HEAD + "\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}",
        PolicyKind.IDENTITY);

    assertThat(report.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.message()).hasSizeLessThan(1_000));
    assertThat(report.findings().get(0).message()).startsWith("s3:" + "G".repeat(197) + "... (1000003 characters)");
  }
}
