package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.policy.JsonFormat;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import org.junit.jupiter.api.Test;

/** Condition errors are placed through the parsed policy's source map (text) or the writer's (documents). */
class CompiledPolicyPositionsTest {

  /** 1-based line:column of the first occurrence of {@code needle} in {@code text}, found by scanning the text. */
  private static String lineColumn(String text, String needle) {
    int at = text.indexOf(needle);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return line + ":" + (at - lineStart + 1);
  }

  @Test
  void aBadSecondValueOfADocumentIsPlacedInItsPrettyJson() {
    // Given a document built in code whose second NumericEquals value is not a number
    PolicyDocument doc = PolicyDocument.builder()
        .addStatement(s -> s.allow().addAction("s3:ListBucket").addResource("*"))
        .addStatement(s -> s.allow().addAction("s3:GetObject").addResource("*")
            .condition("StringEquals", "aws:username", "alice")
            .condition("NumericEquals", "s3:max-keys", "10", "ten"))
        .build();
    String pretty = doc.toJson(JsonFormat.PRETTY);
    // When it is compiled / Then the error names the value's path and where it stands in the pretty JSON
    assertThatThrownBy(() -> CompiledPolicy.compile(doc)).isInstanceOf(PolicyParseException.class)
        .hasMessage("$.Statement[1].Condition.NumericEquals['s3:max-keys'][1] " + lineColumn(pretty, "\"ten\"")
            + ": NumericEquals value must be a number, got \"ten\"");
  }

  @Test
  void anUnknownOperatorInTextIsPlacedAtTheOperator() {
    String json = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
          "Condition": {"NullIfExists": {"aws:TokenIssueTime": "true"}}}}""";
    assertThatThrownBy(() -> CompiledPolicy.compile(json)).isInstanceOf(PolicyParseException.class)
        .satisfies(e -> {
          PolicyParseException p = (PolicyParseException) e;
          assertThat(p.path()).isEqualTo("$.Statement.Condition.NullIfExists");
          assertThat(p.line() + ":" + p.column()).isEqualTo(lineColumn(json, "{\"aws:TokenIssueTime\""));
        });
  }
}
