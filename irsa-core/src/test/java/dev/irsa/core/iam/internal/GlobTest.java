package dev.irsa.core.iam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "*             | anything                 | true",
      "*             | ''                       | true",
      "s3:Get*       | s3:GetObject             | true",
      "s3:Get*       | s3:PutObject             | false",
      "s3:*Object    | s3:GetObject             | true",
      "s3:*Object    | s3:GetObjectAcl          | false",
      "s3:Get?bject  | s3:GetObject             | true",
      "s3:Get?bject  | s3:Getbject              | false",
      "a*b*c         | abc                      | true",
      "a*b*c         | aXbYc                    | true",
      "a*b*c         | aXcYb                    | false",
      "a*a*a         | aa                       | false",
      "a*a*a         | aaa                      | true",
      "*ab*ab        | abab                     | true",
      "*ab*ab        | aab                      | false",
      "??            | ab                       | true",
      "??            | abc                      | false",
      "a*?           | a                        | false",
      "a*?           | ab                       | true",
      "exact         | exact                    | true",
      "exact         | exactly                  | false",
  })
  void matchesLikeIam(String pattern, String input, boolean expected) {
    assertThat(Glob.compile(pattern, false).matches(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ~ {1} (ignore case {2}): {3}")
  @CsvSource({
      "s3:Get*, s3:GetObject, true, true",
      "s3:get*, s3:GetObject, true, true",
      "s3:get*, s3:GetObject, false, false",
      "s3:*Object*, s3:PutObjectAcl, true, true",
      "s3:*Object, s3:PutObjectAcl, true, false",
      "s3:?etObject, s3:GetObject, true, true",
      "s3:?etObject, s3:etObject, true, false",
      "*, anything, false, true",
      "'', '', false, true",
      "a*b*c, abxbyc, false, true",
      "a*b*c, abxbyd, false, false"
  })
  void matchesCaseInsensitivelyWhenAsked(String pattern, String text, boolean ignoreCase, boolean expected) {
    assertThat(Glob.matches(pattern, text, ignoreCase)).isEqualTo(expected);
  }

  @Test
  void ignoresCaseWhenAskedSoActionsMatchCaseInsensitively() {
    Glob g = Glob.compile("S3:GetObject*", true);
    assertThat(g.matches("s3:getobjectversion")).isTrue();
    assertThat(g.matches("S3:GETOBJECT")).isTrue();
    assertThat(Glob.compile("S3:GetObject*", false).matches("s3:getobject")).isFalse();
  }

  @Test
  void aThousandStarsAgainstAHundredKilobytesGivesTheRightAnswer() {
    // Given a hostile pattern that makes backtracking matchers explode
    String pattern = "a*".repeat(1000) + "b";
    String input = "a".repeat(100_000);
    Glob g = Glob.compile(pattern, false);

    // Then it does not match (no b at the end), and does once the b is there
    assertThat(g.matches(input)).isFalse();
    assertThat(g.matches(input + "b")).isTrue();
    assertThat(Glob.compile("*".repeat(1000), false).matches(input)).isTrue();
    assertThat(Glob.compile("*".repeat(1000) + "?b", false).matches(input)).isFalse();
    assertThat(Glob.compile("*a".repeat(1000) + "*b*", false).matches(input)).isFalse();
    assertThat(Glob.compile("*a".repeat(1000) + "*b*", false).matches(input + "b")).isTrue();
    assertThat(Glob.compile("*a".repeat(1000) + "*", false).matches("a".repeat(999))).isFalse();
  }

  @Test
  void builderKeepsEscapedWildcardsLiteral() {
    Glob g = new Glob.Builder(false).literal("a").literal('*').star().build();
    assertThat(g.matches("a*xyz")).isTrue();
    assertThat(g.matches("abxyz")).isFalse();
  }

  // ------------------------------------------------------------------ cost: counted steps, no clocks

  /** Matches and returns the work done (characters read and automaton steps), asserting the answer. */
  private static long steps(Glob g, String input, boolean expected) {
    long[] steps = {0};
    assertThat(g.matches(input, 0, input.length(), steps)).isEqualTo(expected);
    return steps[0];
  }

  @Test
  void aLongRunOfQuestionMarksIsMatchedInLinearSteps() {
    // Given the adversarial campaign's input (issue 14, item 5): * + 200,000 ? + b* against 400 KB,
    // which took 11 s when a piece holding ? was compared at every position
    String pattern = "*" + "?".repeat(200_000) + "b*";
    String noB = "a".repeat(400_000);
    String lateB = "a".repeat(399_999) + "b";
    Glob g = Glob.compile(pattern, false);

    // Then the answer is right and the work is a small multiple of pattern + input, not their product
    long bound = 8L * (pattern.length() + noB.length());
    assertThat(steps(g, noB, false)).isLessThanOrEqualTo(bound);
    assertThat(steps(g, lateB, true)).isLessThanOrEqualTo(bound);
    assertThat(steps(g, "a".repeat(200_000) + "b", true)).isLessThanOrEqualTo(bound);
    assertThat(steps(g, "a".repeat(199_999) + "b", false)).isLessThanOrEqualTo(bound);
  }

  @Test
  void longLiteralRunsAroundQuestionMarksStayLinear() {
    // Given pieces whose literal runs are long (KMP) next to long ? runs (delay lines), case-insensitive
    String run = "a".repeat(100_000);
    String pattern = "*?" + run + "b" + "?".repeat(5_000) + "C*";
    String input = "a".repeat(300_000) + "b" + "x".repeat(5_000) + "c";
    Glob g = Glob.compile(pattern, true);

    long bound = 8L * (pattern.length() + input.length());
    assertThat(steps(g, input, true)).isLessThanOrEqualTo(bound);
    assertThat(steps(g, input.substring(0, input.length() - 1) + "d", false)).isLessThanOrEqualTo(bound);
    // a literal piece that KMP must not re-scan: (a^100000 b) against a^400000
    Glob literal = Glob.compile("*" + run + "b*", false);
    assertThat(steps(literal, "a".repeat(400_000), false)).isLessThanOrEqualTo(8L * 500_000);
  }

  @Test
  void manyShortRunsCostAtMostOneMachineWordPerSixtyFourPatternCharacters() {
    // Given the worst shape for this matcher: short literal and ? runs alternating (a?a?a?...)
    String pattern = "*" + "a?".repeat(2_000) + "b*";
    String input = "a".repeat(100_000);
    long m = pattern.length();
    long n = input.length();

    // Then the work is bounded by input x (pattern / 64 + a constant), far under input x pattern
    long steps = steps(Glob.compile(pattern, false), input, false);
    assertThat(steps).isLessThanOrEqualTo(n * (m / 64 + 4) + m);
  }

  /** The textbook dynamic programme over (pattern, input) prefixes: slow, obviously right. */
  private static boolean reference(String p, String s, boolean ignoreCase) {
    boolean[][] ok = new boolean[p.length() + 1][s.length() + 1];
    ok[0][0] = true;
    for (int i = 1; i <= p.length(); i++) {
      char pc = p.charAt(i - 1);
      ok[i][0] = ok[i - 1][0] && pc == '*';
      for (int j = 1; j <= s.length(); j++) {
        char sc = s.charAt(j - 1);
        boolean same = pc == sc || ignoreCase && Character.toLowerCase(pc) == Character.toLowerCase(sc);
        ok[i][j] = pc == '*' ? ok[i - 1][j] || ok[i][j - 1] : (pc == '?' || same) && ok[i - 1][j - 1];
      }
    }
    return ok[p.length()][s.length()];
  }

  @Test
  void agreesWithTheTextbookMatcherOnGeneratedPatterns() {
    // Given deterministic random patterns over a tiny alphabet, with runs long enough (up to 150)
    // to exercise the KMP and delay-line elements as well as the Shift-And blocks
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
    int[] outcomes = new int[2];
    for (int k = 0; k < 3_000; k++) {
      StringBuilder p = new StringBuilder();
      int parts = 1 + rnd.nextInt(5);
      for (int i = 0; i < parts; i++) {
        int kind = rnd.nextInt(4);
        int len = rnd.nextInt(10) == 0 ? 60 + rnd.nextInt(90) : 1 + rnd.nextInt(4);
        for (int j = 0; j < len; j++) {
          p.append(kind == 0 ? '*' : kind == 1 ? '?' : "abA".charAt(rnd.nextInt(3)));
        }
      }
      StringBuilder s = new StringBuilder();
      int n = rnd.nextInt(4) == 0 ? 100 + rnd.nextInt(300) : rnd.nextInt(12);
      for (int j = 0; j < n; j++) {
        s.append("aab".charAt(rnd.nextInt(3)));
      }
      boolean ignoreCase = rnd.nextBoolean();
      String pattern = p.toString();
      String input = s.toString();
      boolean expected = reference(pattern, input, ignoreCase);
      assertThat(Glob.compile(pattern, ignoreCase).matches(input))
          .as("%s ~ %s (ignore case %s)", pattern, input, ignoreCase)
          .isEqualTo(expected);
      outcomes[expected ? 1 : 0]++;
    }
    // and the generated set holds plenty of both answers
    assertThat(outcomes[0]).isGreaterThan(300);
    assertThat(outcomes[1]).isGreaterThan(300);
  }

  @Test
  void agreesWithTheTextbookMatcherOnPatternsCutFromTheirInput() {
    // Given patterns made from the input itself (long literal runs kept, runs replaced by ? or *),
    // so that long literal and ? runs match, and one-character mutations of the input, so they nearly do
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(14);
    int[] outcomes = new int[2];
    for (int k = 0; k < 400; k++) {
      StringBuilder in = new StringBuilder();
      int n = 150 + rnd.nextInt(300);
      for (int j = 0; j < n; j++) {
        in.append("ab".charAt(rnd.nextInt(2)));
      }
      String input = in.toString();
      StringBuilder p = new StringBuilder();
      int i = 0;
      while (i < n) {
        int len = Math.min(n - i, 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 140));
        int kind = rnd.nextInt(5);
        p.append(kind == 0 ? "*" : kind == 1 ? "?".repeat(len) : input.substring(i, i + len));
        i += len;
      }
      String pattern = p.toString();
      char[] mutated = input.toCharArray();
      int at = rnd.nextInt(n);
      mutated[at] = mutated[at] == 'a' ? 'b' : 'a';
      for (String candidate : new String[] {input, new String(mutated), input.substring(1), input + "a"}) {
        boolean expected = reference(pattern, candidate, false);
        assertThat(Glob.compile(pattern, false).matches(candidate)).as("%s ~ %s", pattern, candidate)
            .isEqualTo(expected);
        outcomes[expected ? 1 : 0]++;
      }
    }
    assertThat(outcomes[0]).isGreaterThan(100);
    assertThat(outcomes[1]).isGreaterThan(400);
  }

  @Test
  void piecesWithQuestionMarksMatchCharactersBeyondAscii() {
    assertThat(Glob.compile("*é?x*", false).matches("aéYx")).isTrue();
    assertThat(Glob.compile("*é?x*", false).matches("aÉYx")).isFalse();
    assertThat(Glob.compile("*é?x*", true).matches("aÉYx")).isTrue();
    assertThat(Glob.compile("*" + "é?".repeat(100) + "*", false).matches("z" + "éq".repeat(100))).isTrue();
    assertThat(Glob.compile("*" + "é?".repeat(100) + "*", false).matches("z" + "eq".repeat(100))).isFalse();
  }
}
