package dev.irsa.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 14, items 8 and 10: surrogates that are not Unicode, and error lines that quote huge values. */
class HostileJsonTest {
  static final String HEAD = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",";

  // Item 8: "arn:aws:s3:::b/\ud800x" was printed as "arn:aws:s3:::b/?x": '?' matches any one character.

  @Test
  void anUnpairedHighSurrogateEscapeIsRefusedWhereItIs() {
    String json = HEAD + """
        "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\\ud800x"}]}""";

    assertThatThrownBy(() -> PolicyDocument.fromJson(json)).isInstanceOf(PolicyParseException.class)
        .hasMessage("$.Statement[0].Resource 1:107: unpaired surrogate \\ud800 in a string (not valid Unicode)");
  }

  @Test
  void aLowSurrogateEscapeAloneIsRefused() {
    String json = HEAD + """
        "Action":"s3:Get\\udc00Object","Resource":"*"}]}""";

    assertThatThrownBy(() -> PolicyDocument.fromJson(json))
        .hasMessage("$.Statement[0].Action 1:72: unpaired surrogate \\udc00 in a string (not valid Unicode)");
  }

  @Test
  void aHighSurrogateFollowedByAnotherEscapeThanALowOneIsRefused() {
    String json = HEAD + """
        "Action":"s3:GetObject","Resource":"b/\\ud800\\u0041"}]}""";

    assertThatThrownBy(() -> PolicyDocument.fromJson(json))
        .hasMessage("$.Statement[0].Resource 1:94: unpaired surrogate \\ud800 in a string (not valid Unicode)");
  }

  @Test
  void aRawUnpairedSurrogateInTheTextIsRefused() {
    String json = HEAD + "\"Action\":\"s3:GetObject\",\"Resource\":\"b/\uD800x\"}]}";

    assertThatThrownBy(() -> PolicyDocument.fromJson(json))
        .hasMessage("$.Statement[0].Resource 1:94: unpaired surrogate \\ud800 in a string (not valid Unicode)");
  }

  @Test
  void anUnpairedSurrogateOutsideAStringIsNamedByItsCodePoint() {
    assertThatThrownBy(() -> PolicyDocument.fromJson("{}\uD800"))
        .hasMessage("$ 1:3: unexpected character U+D800 after the end of the JSON value");
    assertThatThrownBy(() -> PolicyDocument.fromJson("{}\u202e"))
        .hasMessage("$ 1:3: unexpected character U+202E after the end of the JSON value");
  }

  @Test
  void aSurrogatePairReadsAsOneCharacterWhetherEscapedOrNot() {
    PolicyDocument escaped = PolicyDocument.fromJson(HEAD + """
        "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\\ud83d\\ude00"}]}""");
    PolicyDocument raw = PolicyDocument.fromJson(HEAD + """
        "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\uD83D\uDE00"}]}""");

    assertThat(escaped).isEqualTo(raw);
    assertThat(escaped.statements().get(0).resources()).containsExactly("arn:aws:s3:::b/\uD83D\uDE00");
  }

  @Test
  void onlyAsciiHexDigitsMakeAnEscape() {
    // Character.digit('๑', 16) is 1: a Thai digit must not count as a hex digit.
    String json = HEAD + "\"Action\":\"s3:GetObject\",\"Resource\":\"\\u๐๐๔๑\"}]}";

    assertThatThrownBy(() -> PolicyDocument.fromJson(json))
        .hasMessage("$.Statement[0].Resource 1:93: invalid \\u escape: expected 4 hex digits");
  }

  @Test
  void theWriterKeepsAnUnpairedSurrogateEscapedNeverAsAQuestionMark() {
    PolicyDocument doc = PolicyDocument.builder()
        .addStatement(s -> s.allow().addAction("s3:GetObject").addResource("arn:aws:s3:::b/\uD800x")).build();

    assertThat(doc.toJson()).contains("\"arn:aws:s3:::b/\\ud800x\"").doesNotContain("?");
  }

  // Item 10: a 50 MB unknown member name gave a 105 MB error line.

  @Test
  void anErrorQuotesAtMostTwoHundredCharactersOfAHugeNameAndSaysHowLongItWas() {
    String name = "X".repeat(5_000_000);
    String json = HEAD + "\"" + name + "\":1,\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    assertThatThrownBy(() -> PolicyDocument.fromJson(json)).hasMessageStartingWith(
            "$.Statement[0]['" + "X".repeat(200) + "...' (5000000 characters)] 1:5000059: unknown element \""
                + "X".repeat(200) + "...\" (5000000 characters) (expected one of ")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000));
  }

  @Test
  void aHugeDuplicateKeyIsQuotedShort() {
    String name = "Y".repeat(1_000_000);
    String json = "{\"" + name + "\":1,\"" + name + "\":2}";

    assertThatThrownBy(() -> PolicyDocument.fromJson(json))
        .hasMessage("$['" + "Y".repeat(200) + "...' (1000000 characters)] 1:1000007: duplicate key \""
            + "Y".repeat(200) + "...\" (1000000 characters)");
  }

  @Test
  void aControlCharacterInANameIsEscapedInThePathAndTheMessage() {
    String json = HEAD + "\"Act\\nion\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    assertThatThrownBy(() -> PolicyDocument.fromJson(json)).hasMessageStartingWith(
        "$.Statement[0]['Act\\nion'] 1:67: unknown element \"Act\\nion\" (expected one of ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
