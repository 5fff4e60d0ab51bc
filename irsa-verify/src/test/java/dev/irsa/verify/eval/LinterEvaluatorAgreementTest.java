package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.lint.Finding;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.PolicyLinter;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The linter and the evaluator read condition values the same way (issue 9, part 3): for a
 * generated set of valid, borderline and invalid values of every type, the linter flags a value
 * exactly when the evaluator refuses to compile it.
 */
class LinterEvaluatorAgreementTest {
  private static final PolicyLinter LINTER = PolicyLinter.create();

  /** An operator of each category, the key it is written under, and its generated values. */
  private record Typed(String operator, String key, List<String> values) {}

  @Test
  void linterAndEvaluatorAgreeOnEveryGeneratedValue() {
    SplittableRandom rnd = new SplittableRandom(2026);
    List<Typed> sets = List.of(
        new Typed("NumericLessThan", "s3:max-keys", numbers(rnd)),
        new Typed("DateGreaterThan", "aws:CurrentTime", dates(rnd)),
        new Typed("Bool", "aws:SecureTransport", bools(rnd)),
        new Typed("Null", "aws:SourceVpc", bools(rnd)),
        new Typed("BinaryEquals", "test:bytes", binaries(rnd)),
        new Typed("IpAddress", "aws:SourceIp", addresses(rnd)),
        new Typed("ArnLike", "aws:SourceArn", arns(rnd)),
        new Typed("StringLike", "aws:PrincipalTag/team", arns(rnd)));
    int compared = 0;
    int refused = 0;
    List<String> disagreements = new ArrayList<>();
    for (Typed t : sets) {
      for (String v : t.values()) {
        boolean linterRefuses = linterRefuses(t, v);
        boolean evaluatorRefuses = evaluatorRefuses(t, v);
        if (linterRefuses != evaluatorRefuses) {
          disagreements.add(t.operator() + " \"" + v + "\": linter " + (linterRefuses ? "flags" : "accepts")
              + ", evaluator " + (evaluatorRefuses ? "refuses" : "compiles"));
        }
        compared++;
        refused += evaluatorRefuses ? 1 : 0;
      }
    }
    assertThat(disagreements).isEmpty();
    // a few thousand values, with plenty on both sides of every line
    assertThat(compared).isGreaterThan(3_000);
    assertThat(refused).isBetween(compared / 5, compared * 4 / 5);
  }

  @Test
  void theIssuesExamplesAreReadTheSameWayByBoth() {
    // issue 9: the linter accepted 1::2::3 that the evaluator refused; it flagged 1700000000.5,
    // " 2020-01-01" and 1e3 that the evaluator accepted. issue 14: a far-future date and Thai digits.
    assertThat(verdicts(new Typed("IpAddress", "aws:SourceIp", List.of("1::2::3", "๑.๒.๓.๔", "1:2:3:4:5:6:7:8"))))
        .containsExactly("refused", "refused", "accepted");
    assertThat(verdicts(new Typed("DateLessThan", "aws:CurrentTime",
        List.of("1700000000.5", " 2020-01-01", "+999999999-12-31T23:59:59Z", "1700000000", "2020-01-01"))))
        .containsExactly("refused", "refused", "refused", "accepted", "accepted");
    assertThat(verdicts(new Typed("NumericEquals", "s3:max-keys", List.of("1e3", "1000", "-0.50"))))
        .containsExactly("refused", "accepted", "accepted");
  }

  private static List<String> verdicts(Typed t) {
    List<String> out = new ArrayList<>();
    for (String v : t.values()) {
      boolean lint = linterRefuses(t, v);
      assertThat(evaluatorRefuses(t, v)).as("%s %s", t.operator(), v).isEqualTo(lint);
      out.add(lint ? "refused" : "accepted");
    }
    return out;
  }

  private static PolicyDocument policy(Typed t, String value) {
    return PolicyDocument.builder()
        .addStatement(s -> s.allow().addAction("s3:GetObject").addResource("*").condition(t.operator(), t.key(), value))
        .build();
  }

  private static boolean linterRefuses(Typed t, String value) {
    for (Finding f : LINTER.lint(policy(t, value), PolicyKind.IDENTITY).findings()) {
      if (f.code() == FindingCode.POLICY_VARIABLE_NOT_ALLOWED
          || f.code() == FindingCode.CONDITION_TYPE_MISMATCH && f.message().startsWith(t.operator() + " expects ")) {
        return true;
      }
    }
    return false;
  }

  private static boolean evaluatorRefuses(Typed t, String value) {
    try {
      CompiledPolicy.compile(policy(t, value));
      return false;
    } catch (PolicyParseException e) {
      return true;
    }
  }

  // ------------------------------------------------------------------ generators

  private static final String[] ODD = {"", " ", "-", "+", ".", "${aws:username}", "${*}", "null", "\u0000", "١٢٣",
      "๑", "１２", "∞", "NaN", "Infinity", "0x1F", "1_000", "1,5", "true", "2020", "Z"};

  private static List<String> numbers(SplittableRandom rnd) {
    List<String> out = new ArrayList<>(List.of(ODD));
    out.addAll(List.of("1e3", "1E3", "+5", ".5", "5.", " 5", "5 ", "-0", "007", "0.000", "-", "--1", "1.2.3",
        "9".repeat(500), "-" + "9".repeat(500) + "." + "1".repeat(300)));
    for (int i = 0; i < 500; i++) {
      String n = Long.toString(rnd.nextLong(-1_000_000_000_000L, 1_000_000_000_000L));
      out.add(switch (rnd.nextInt(6)) {
        case 0 -> n;
        case 1 -> n + "." + rnd.nextInt(1000);
        case 2 -> n + "e" + rnd.nextInt(5);
        case 3 -> mutate(rnd, n);
        case 4 -> n + ".";
        default -> "0" + n.replace("-", "");
      });
    }
    return out;
  }

  private static List<String> dates(SplittableRandom rnd) {
    List<String> out = new ArrayList<>(List.of(ODD));
    out.addAll(List.of("1700000000.5", " 2020-01-01", "2020-01-01 ", "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z", "2020-02-30", "2020-02-29", "2021-02-29", "2020-13-01", "2020-00-10",
        "2020-01-01T24:00:00Z", "2020-01-01T23:60:00Z", "2020-01-01T00:00:00", "2020-01-01t00:00:00z",
        "2020-01-01T00:00Z", "2020-01-01T00:00:00.123456789Z", "2020-01-01T00:00:00.Z", "2020-01",
        "2020-1-1", "20200101", "2020-01-01T00:00:00+0200", "2020-01-01T00:00:00+24:00", "9".repeat(19),
        "9".repeat(18), "-1", "0", "9999-12-31T23:59:59Z", "0000-01-01", "٢٠٢٠-01-01"));
    for (int i = 0; i < 700; i++) {
      Instant at = Instant.ofEpochSecond(rnd.nextLong(-5_000_000_000L, 50_000_000_000L), rnd.nextInt(1_000_000_000));
      String iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.ofHoursMinutes(
          rnd.nextInt(-12, 13), 0)));
      out.add(switch (rnd.nextInt(7)) {
        case 0 -> Long.toString(at.getEpochSecond());
        case 1 -> iso;
        case 2 -> iso.substring(0, 10);
        case 3 -> at.toString();
        case 4 -> mutate(rnd, iso);
        case 5 -> at.getEpochSecond() + "." + rnd.nextInt(10);
        default -> iso.substring(0, 19);
      });
    }
    return out;
  }

  private static List<String> bools(SplittableRandom rnd) {
    List<String> out = new ArrayList<>(List.of(ODD));
    out.addAll(List.of("TRUE", "False", "yes", "no", "1", "0", " true", "false ", "tru", "truee"));
    for (int i = 0; i < 200; i++) {
      String b = rnd.nextBoolean() ? "true" : "false";
      StringBuilder sb = new StringBuilder();
      for (char c : b.toCharArray()) {
        sb.append(rnd.nextBoolean() ? Character.toUpperCase(c) : c);
      }
      out.add(rnd.nextInt(4) == 0 ? mutate(rnd, sb.toString()) : sb.toString());
    }
    return out;
  }

  private static List<String> binaries(SplittableRandom rnd) {
    List<String> out = new ArrayList<>(List.of(ODD));
    out.addAll(List.of("QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWU", "QmluYXJ5VmFsdWU==", " QQ==", "QQ==\n", "-_-_", "Y"));
    for (int i = 0; i < 400; i++) {
      byte[] bytes = new byte[rnd.nextInt(20)];
      rnd.nextBytes(bytes);
      String b64 = Base64.getEncoder().encodeToString(bytes);
      out.add(switch (rnd.nextInt(4)) {
        case 0 -> b64;
        case 1 -> b64.replace("=", "");
        case 2 -> Base64.getUrlEncoder().encodeToString(bytes);
        default -> mutate(rnd, b64);
      });
    }
    return out;
  }

  private static List<String> addresses(SplittableRandom rnd) {
    List<String> out = new ArrayList<>(List.of(ODD));
    out.addAll(List.of("1::2::3", "๑.๒.๓.๔", "256.1.1.1", "1.2.3", "1.2.3.4.5", ":::", "::", "::1", "1::",
        "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "::ffff:1.2.3.4", "::ffff:1.2.3.256",
        "1.2.3.4::", "fe80::1%eth0", "[::1]", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4/", "1.2.3.4/0033", "1.2.3.4/32",
        "1.2.3.4/33", "2001:db8::/128", "2001:db8::/129", "2001:DB8:1234:5678::/64", "12345::", ":1::",
        "1:", "01.02.03.04", "0.0.0.0/0", "203.0.113.0/24", "1.2.3.４", "::๑"));
    for (int i = 0; i < 600; i++) {
      String a;
      if (rnd.nextBoolean()) {
        a = rnd.nextInt(300) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256);
      } else {
        StringBuilder sb = new StringBuilder();
        int groups = rnd.nextInt(1, 10);
        for (int g = 0; g < groups; g++) {
          sb.append(g == 0 ? "" : rnd.nextInt(8) == 0 ? "::" : ":").append(Integer.toHexString(rnd.nextInt(0x1ffff)));
        }
        a = sb.toString();
        a = rnd.nextInt(3) == 0 ? a.toUpperCase(Locale.ROOT) : a;
      }
      if (rnd.nextBoolean()) {
        a = a + "/" + rnd.nextInt(140);
      }
      out.add(rnd.nextInt(5) == 0 ? mutate(rnd, a) : a);
    }
    return out;
  }

  private static List<String> arns(SplittableRandom rnd) {
    List<String> out = new ArrayList<>(List.of(ODD));
    for (int i = 0; i < 100; i++) {
      out.add(mutate(rnd, "arn:aws:sns:us-east-1:111122223333:topic" + (rnd.nextBoolean() ? "${*}" : "*")));
    }
    return out;
  }

  /** Replaces, inserts or deletes one character, sometimes with a non-ASCII digit or a space. */
  private static String mutate(SplittableRandom rnd, String s) {
    if (s.isEmpty()) {
      return "x";
    }
    String pool = "0123456789abcdefABCDEF:./-+Z T ๓٣";
    int at = rnd.nextInt(s.length());
    char c = pool.charAt(rnd.nextInt(pool.length()));
    return switch (rnd.nextInt(3)) {
      case 0 -> s.substring(0, at) + c + s.substring(at + 1);
      case 1 -> s.substring(0, at) + c + s.substring(at);
      default -> s.substring(0, at) + s.substring(at + 1);
    };
  }
}
