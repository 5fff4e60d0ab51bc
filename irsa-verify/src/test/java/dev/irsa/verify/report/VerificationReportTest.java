package dev.irsa.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.verify.expect.Expectation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts across sources and the report's stable JSON and JUnit XML forms. */
class VerificationReportTest {
  static final Expectation RM = Expectation.deny("s3:DeleteObject", "arn:aws:s3:::b/k").withLabel("aws s3 rm s3://b/k");
  static final Expectation GET = Expectation.allow("s3:GetObject", "arn:aws:s3:::b/k");

  static SourceAnswer a(String source, Answer answer) {
    return SourceAnswer.of(source, answer, answer.name().toLowerCase());
  }

  @Test
  void verdictPassWhenEveryDecidingSourceAgreesWithTheExpectation() {
    assertThat(CheckResult.of(RM, List.of(a("offline", Answer.DENIED), a("token", Answer.NOT_PROBED))).verdict())
        .isEqualTo(Verdict.PASS);
    assertThat(CheckResult.of(GET, List.of(a("offline", Answer.ALLOWED), a("token", Answer.ALLOWED))).verdict())
        .isEqualTo(Verdict.PASS);
  }

  @Test
  void verdictFailWhenTheSourcesAgreeAgainstTheExpectationOrNoneDecides() {
    assertThat(CheckResult.of(GET, List.of(a("offline", Answer.DENIED), a("token", Answer.DENIED))).verdict())
        .isEqualTo(Verdict.FAIL);
    assertThat(CheckResult.of(GET, List.of(a("token", Answer.SKIPPED), a("simulator", Answer.NOT_AVAILABLE))).verdict())
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void verdictDriftWhenTheSourcesDisagree() {
    assertThat(CheckResult.of(RM, List.of(a("offline", Answer.DENIED), a("token", Answer.ALLOWED))).verdict())
        .isEqualTo(Verdict.DRIFT);
  }

  @Test
  void anAnswerNotCountedTakesNoPartInTheVerdict() {
    assertThat(CheckResult.of(RM, List.of(a("offline", Answer.DENIED), a("token", Answer.ALLOWED).notCounted())).verdict())
        .isEqualTo(Verdict.PASS);
  }

  static VerificationReport sample() {
    IdentityChain id = IdentityChain.builder()
        .token("token: TokenRequest", "https://oidc.example/id/X", "system:serviceaccount:ns:app", List.of("sts.amazonaws.com"),
            Instant.parse("2026-01-01T00:10:00Z"))
        .trust("offline", "ALLOWED", "ALLOWED: allowed by trust statement 0 Allow")
        .assumedRole("token: GetCallerIdentity", "arn:aws:sts::111122223333:assumed-role/app/irsa-verify")
        .addNote("moto checks no trust").build();
    CheckResult rm = CheckResult.of(RM, List.of(
        SourceAnswer.of("offline", Answer.DENIED, "IMPLICIT_DENY: no statement allows it (identity)").withTook(Duration.ofMillis(1)),
        SourceAnswer.of("token", Answer.ALLOWED, "HeadObject succeeded").withError("200", "REQ1").withTook(Duration.ofMillis(12))));
    return VerificationReport.of("ns/app", "arn:aws:iam::111122223333:role/app",
        List.of(SourceRun.ran("offline", Duration.ofMillis(3)), SourceRun.skipped("pod", "no running pod")), id, List.of(rm),
        Duration.ofMillis(20));
  }

  @Test
  void jsonIsStable() {
    assertThat(sample().toJson()).isEqualTo("""
        {
          "serviceAccount": "ns/app",
          "role": "arn:aws:iam::111122223333:role/app",
          "passed": false,
          "summary": "1 checks: 0 PASS, 0 FAIL, 1 DRIFT",
          "tookMillis": 20,
          "sources": [
            {
              "source": "offline",
              "ran": true,
              "tookMillis": 3
            },
            {
              "source": "pod",
              "ran": false,
              "reason": "no running pod",
              "tookMillis": 0
            }
          ],
          "identity": {
            "token": {
              "source": "token: TokenRequest",
              "iss": "https://oidc.example/id/X",
              "sub": "system:serviceaccount:ns:app",
              "aud": [
                "sts.amazonaws.com"
              ],
              "exp": "2026-01-01T00:10:00Z"
            },
            "trust": {
              "source": "offline",
              "decision": "ALLOWED",
              "evidence": "ALLOWED: allowed by trust statement 0 Allow"
            },
            "assumedRole": {
              "source": "token: GetCallerIdentity",
              "arn": "arn:aws:sts::111122223333:assumed-role/app/irsa-verify"
            },
            "notes": [
              "moto checks no trust"
            ]
          },
          "checks": [
            {
              "expected": "DENY",
              "action": "s3:DeleteObject",
              "resource": "arn:aws:s3:::b/k",
              "label": "aws s3 rm s3://b/k",
              "verdict": "DRIFT",
              "answers": [
                {
                  "source": "offline",
                  "answer": "DENIED",
                  "evidence": "IMPLICIT_DENY: no statement allows it (identity)",
                  "tookMillis": 1
                },
                {
                  "source": "token",
                  "answer": "ALLOWED",
                  "evidence": "HeadObject succeeded",
                  "errorCode": "200",
                  "requestId": "REQ1",
                  "tookMillis": 12
                }
              ]
            }
          ]
        }""");
  }

  @Test
  void junitXmlHasOneTestCasePerCheckWithDriftAsFailure() {
    String xml = sample().toJunitXml();
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuite name=\"irsa verify ns/app\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0.020\">\n"
        + "  <testcase classname=\"irsa.ns/app\" name=\"deny s3:DeleteObject on arn:aws:s3:::b/k\" time=\"0.013\">\n"
        + "    <failure type=\"DRIFT\" message=\"DRIFT: expected deny s3:DeleteObject on arn:aws:s3:::b/k\">");
    assertThat(xml).endsWith("</failure>\n  </testcase>\n</testsuite>\n");
  }

  @Test
  void tableShowsTheIdentityChainAndEveryAnswer() {
    String table = sample().toTable();
    assertThat(table).contains("  session  arn:aws:sts::111122223333:assumed-role/app/irsa-verify (from token: GetCallerIdentity)");
    assertThat(table).contains("  source pod: skipped: no running pod");
    assertThat(table).contains("HeadObject succeeded [200, request REQ1] (12 ms)");
    assertThat(table).endsWith("1 checks: 0 PASS, 0 FAIL, 1 DRIFT" + System.lineSeparator());
  }
}
