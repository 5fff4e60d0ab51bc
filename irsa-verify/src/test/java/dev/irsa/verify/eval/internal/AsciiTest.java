package dev.irsa.verify.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiTest {
  @Test
  void lowerCasesEveryCharAsCharacterToLowerCaseDoes() {
    // Given every UTF-16 code unit, alone and after an ASCII prefix that needs no change
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String one = String.valueOf((char) c);
      String expected = String.valueOf(Character.toLowerCase((char) c));

      // Then each is lower-cased char by char, the length kept
      assertThat(Ascii.lower(one)).as("U+%04X", c).isEqualTo(expected);
      assertThat(Ascii.lower("s3:get" + one + "X")).as("U+%04X", c).isEqualTo("s3:get" + expected + "x");
    }
  }

  @Test
  void returnsTheSameStringWhenNothingChanges() {
    String s = "s3:getobject";
    assertThat(Ascii.lower(s)).isSameAs(s);
    assertThat(Ascii.lower("S3:GetObject")).isEqualTo("s3:getobject");
    assertThat(Ascii.lower("İ")).hasSize(1); // Character.toLowerCase, not String.toLowerCase (which gives 2 chars)
  }
}
