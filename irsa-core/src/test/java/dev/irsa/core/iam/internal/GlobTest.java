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
}
