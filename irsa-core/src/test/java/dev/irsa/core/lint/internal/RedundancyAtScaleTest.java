package dev.irsa.core.lint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.catalog.ServiceCatalog;
import dev.irsa.core.lint.Finding;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.LintReport;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.PolicyLinter;
import dev.irsa.core.lint.internal.LintContext.Located;
import dev.irsa.core.policy.internal.ParsedPolicy;
import dev.irsa.core.policy.internal.PolicyCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 6: the redundancy check compared every pair of entries with a backtracking glob
 * (50,000 distinct actions took 39 s), and a million copies of one action gave a million
 * findings. These tests count the glob runs and the findings, never the time.
 */
class RedundancyAtScaleTest {

  private static String statement(String actions, String resources) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":" + actions
        + ",\"Resource\":" + resources + "}}";
  }

  private static String array(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  /** Runs only the size-and-redundancy rules on the first statement. */
  private static SizeRedundancyRules redundancy(String json, LintContext cx) {
    ParsedPolicy parsed = PolicyCodec.readPositioned(json);
    SizeRedundancyRules rules = new SizeRedundancyRules(cx);
    rules.redundancy(new Located(parsed.document().statements().get(0), parsed.sourceMap().statement(0)));
    return rules;
  }

  @Test
  void fiftyThousandDistinctActionsAreComparedOnlyWithWildcardsSharingTheirPrefix() {
    // Given 1,000 wildcard actions svc:A<i>* and 50,000 distinct actions svc:A<j>Z (about 1 MB)
    List<String> actions = new ArrayList<>();
    IntStream.range(0, 1_000).forEach(i -> actions.add("svc:A" + i + "*"));
    IntStream.range(0, 50_000).forEach(j -> actions.add("svc:A" + j + "Z"));
    LintContext cx = new LintContext(ServiceCatalog.aws(), PolicyKind.IDENTITY, "sts.amazonaws.com");
    // When the redundancy rules run
    SizeRedundancyRules rules = redundancy(statement(array(actions), "\"*\""), cx);
    // Then each value meets at most the few wildcards whose literal prefix it starts with
    // (svc:A1*, svc:A12*, svc:A123* for svc:A1234Z), not all 51,000 entries
    assertThat(rules.globCalls()).isLessThanOrEqualTo(4L * 50_000);
    List<Finding> findings = cx.findings.sorted();
    // and every concrete action is reported as covered by the first wildcard that covers it
    assertThat(findings).hasSize(50_000).allMatch(f -> f.code() == FindingCode.REDUNDANT_ACTION);
    assertThat(findings.get(1234)).isEqualTo(new Finding(FindingCode.REDUNDANT_ACTION,
        FindingCode.REDUNDANT_ACTION.severity(), "\"svc:A1234Z\" is already covered by \"svc:A1*\": remove it",
        "$.Statement.Action[2234]"));
  }

  @Test
  void twentyLongResourcesAgainstOneLongPatternRunTheGlobTwentyTimes() {
    // Given one 5 KB pattern with 2,500 stars and twenty 50 KB resources it covers
    String pattern = "arn:aws:s3:::b/" + "a*".repeat(2_500);
    List<String> resources = new ArrayList<>();
    resources.add(pattern);
    IntStream.range(0, 20).forEach(i -> resources.add("arn:aws:s3:::b/" + "a".repeat(50_000) + i));
    LintContext cx = new LintContext(ServiceCatalog.aws(), PolicyKind.IDENTITY, "sts.amazonaws.com");
    // When the redundancy rules run
    SizeRedundancyRules rules = redundancy(statement("\"s3:GetObject\"", array(resources)), cx);
    // Then the (linear) glob ran once per resource, and each resource is reported as covered
    assertThat(rules.globCalls()).isEqualTo(20);
    assertThat(cx.findings.sorted()).hasSize(20).extracting(Finding::path)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> "$.Statement.Resource[" + i + "]").toList());
  }

  @Test
  void aMillionCopiesOfOneActionAreOneFindingWithACount() {
    // Given one action written a million times (15 MB)
    String json = statement(array(java.util.Collections.nCopies(1_000_000, "s3:GetObject")),
        "\"arn:aws:s3:::b/*\"");
    // When linted
    LintReport report = PolicyLinter.create().lint(json, PolicyKind.IDENTITY);
    // Then the 999,999 repeats are one finding with a count and the first ten places (beside the size warning)
    assertThat(report.findings()).extracting(Finding::code)
        .containsExactly(FindingCode.POLICY_SIZE_EXCEEDS_QUOTA, FindingCode.REDUNDANT_ACTION);
    Finding f = report.findings().get(1);
    assertThat(f.code()).isEqualTo(FindingCode.REDUNDANT_ACTION);
    assertThat(f.message()).isEqualTo("\"s3:GetObject\" is listed twice in Action: remove one");
    assertThat(f.count()).isEqualTo(999_999);
    assertThat(f.paths()).containsExactlyElementsOf(
        IntStream.rangeClosed(1, 10).mapToObj(i -> "$.Statement.Action[" + i + "]").toList());
    assertThat(new LintReport(PolicyKind.IDENTITY, List.of(f)).toJson(false)).isEqualTo("[{\"code\":\"REDUNDANT_ACTION\",\"severity\":\"SUGGESTION\","
        + "\"message\":\"\\\"s3:GetObject\\\" is listed twice in Action: remove one\",\"path\":\"$.Statement.Action[1]\","
        + "\"count\":999999,\"paths\":[" + IntStream.rangeClosed(1, 10)
            .mapToObj(i -> "\"$.Statement.Action[" + i + "]\"").collect(Collectors.joining(",")) + "]}]");
  }

  @Test
  void upToAHundredRepeatsInOneElementAreListedOneByOne() {
    String hundred = statement(array(java.util.Collections.nCopies(101, "s3:GetObject")), "\"arn:aws:s3:::b/*\"");
    String more = statement(array(java.util.Collections.nCopies(102, "s3:GetObject")), "\"arn:aws:s3:::b/*\"");
    assertThat(PolicyLinter.create().lint(hundred, PolicyKind.IDENTITY).findings()).hasSize(100)
        .allMatch(f -> f.count() == 1);
    assertThat(PolicyLinter.create().lint(more, PolicyKind.IDENTITY).findings()).singleElement()
        .satisfies(f -> assertThat(f.count()).isEqualTo(101));
  }

  @Test
  void theSameProblemInDifferentStatementsIsNeverGrouped() {
    String statements = IntStream.range(0, 150)
        .mapToObj(i -> "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}").collect(Collectors.joining(","));
    LintReport r = PolicyLinter.create().lint("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}",
        PolicyKind.IDENTITY);
    assertThat(r.findings(FindingCode.MISSING_RESOURCE)).hasSize(150).allMatch(f -> f.count() == 1);
  }
}
