package dev.irsa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTest {
  @Test
  void aShortValueIsQuotedAsItIs() {
    assertThat(Quote.single("s3:GetObject")).isEqualTo("'s3:GetObject'");
    assertThat(Quote.dbl("é \uD83D\uDE00")).isEqualTo("\"é \uD83D\uDE00\"");
    assertThat(Quote.single(null)).isEqualTo("null");
  }

  @Test
  void aLongValueIsCutAfterTwoHundredCharactersAndItsLengthSaid() {
    String name = "a".repeat(50_000_000);

    assertThat(Quote.dbl(name)).isEqualTo("\"" + "a".repeat(200) + "...\" (50000000 characters)");
    assertThat(Quote.cut(name)).isEqualTo("a".repeat(200) + "... (50000000 characters)");
    assertThat(Quote.single("b".repeat(200))).isEqualTo("'" + "b".repeat(200) + "'");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String value = "a".repeat(199) + "\uD83D\uDE00" + "tail";

    assertThat(Quote.cut(value)).isEqualTo("a".repeat(199) + "... (205 characters)");
  }

  @Test
  void controlCharactersCannotBreakOrForgeALine() {
    assertThat(Quote.single("role/x\nAWS_SECRET_ACCESS_KEY=forged")).isEqualTo("'role/x\\nAWS_SECRET_ACCESS_KEY=forged'");
    assertThat(Quote.escape("a\r\tb\u0000c\u001b[31md\u007f\u0085\u2028\u202e")).isEqualTo(
        "a\\r\\tb\\u0000c\\u001b[31md\\u007f\\u0085\\u2028\\u202e");
  }

  @Test
  void unpairedSurrogatesAreEscapedNeverPrintedAsAQuestionMark() {
    assertThat(Quote.escape("b/\uD800x")).isEqualTo("b/\\ud800x");
    assertThat(Quote.escape("\uDC00")).isEqualTo("\\udc00");
    assertThat(Quote.escape("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    assertThat(Quote.needsEscape("ok")).isFalse();
    assertThat(Quote.needsEscape("b/\uD800")).isTrue();
  }

  @Test
  void aLineCutsValuesNobodyQuotedAndEscapesControls() {
    String huge = "s3:" + "x".repeat(1_000_000);

    assertThat(Quote.line(huge + " is not an action of Amazon S3\nforged")).isEqualTo(
        "s3:" + "x".repeat(197) + "... (1000003 characters) is not an action of Amazon S3\\nforged");
    assertThat(Quote.line("already quoted " + Quote.dbl(huge) + " stays")).isEqualTo(
        "already quoted \"s3:" + "x".repeat(197) + "...\" (1000003 characters) stays");
  }

  @Test
  void aLineOfManyShortWordsIsCutAsAWhole() {
    String words = "ab ".repeat(100_000);

    assertThat(Quote.line(words)).hasSize(4_000 + "... (cut: the line had 300000 characters)".length())
        .endsWith("... (cut: the line had 300000 characters)");
  }
}
