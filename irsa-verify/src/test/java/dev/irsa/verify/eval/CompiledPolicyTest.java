package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompiledPolicyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "unknown operator | {\"StringEqualz\": {\"k\": \"v\"}} | $.Statement[0].Condition.StringEqualz 3:34: unknown condition operator \"StringEqualz\"",
      "Null with IfExists | {\"NullIfExists\": {\"k\": \"true\"}} | $.Statement[0].Condition.NullIfExists 3:34: Null cannot be combined with IfExists (\"NullIfExists\")",
      "Null with a qualifier | {\"ForAnyValue:Null\": {\"k\": \"true\"}} | $.Statement[0].Condition['ForAnyValue:Null'] 3:38: Null cannot take a set qualifier (\"ForAnyValue:Null\")",
      "bad CIDR | {\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"10.0.0.0/33\"]}} | $.Statement[0].Condition.IpAddress['aws:SourceIp'][1] 3:63: IpAddress value must be an IPv4 or IPv6 address or CIDR block, got \"10.0.0.0/33\"",
      "bad number | {\"NumericLessThan\": {\"n\": \"ten\"}} | $.Statement[0].Condition.NumericLessThan.n 3:43: NumericLessThan value must be a number, got \"ten\"",
      "bad date | {\"DateLessThan\": {\"d\": \"yesterday\"}} | $.Statement[0].Condition.DateLessThan.d 3:40: DateLessThan value must be an ISO 8601 date or epoch seconds, got \"yesterday\"",
      "bad Bool | {\"Bool\": {\"aws:SecureTransport\": \"yes\"}} | $.Statement[0].Condition.Bool['aws:SecureTransport'] 3:50: Bool value must be true or false, got \"yes\"",
  })
  void rejectsConditionsIamWouldNotEvaluateWithPathAndPosition(String what, String condition, String message) {
    // Given a policy whose condition IAM cannot evaluate
    String json = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
           "Condition": %s}]}""".formatted(condition);

    // Then compiling it fails with the JSON path and line:column of the culprit
    assertThatThrownBy(() -> CompiledPolicy.compile(json))
        .isInstanceOf(PolicyParseException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "syntax | {\"Version\": \"2012-10-17\", | $ 1:26: unexpected end of input: expected a member name or '}'",
      "bad effect | {\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"allow\", \"Action\": \"*\"}} | $.Statement.Effect 1:51: Effect must be \"Allow\" or \"Deny\" (case-sensitive), got \"allow\"",
  })
  void passesOnTheParsersErrors(String what, String json, String message) {
    assertThatThrownBy(() -> CompiledPolicy.compile(json)).isInstanceOf(PolicyParseException.class).hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void aDocumentBuiltInCodeReportsPositionsInItsPrettyJson() {
    PolicyDocument doc = PolicyDocument.builder()
        .addStatement(s -> s.allow().addAction("s3:GetObject").addResource("*").condition("NumericEquals", "n", "x"))
        .build();

    assertThatThrownBy(() -> CompiledPolicy.compile(doc))
        .hasMessageStartingWith("$.Statement[0].Condition.NumericEquals.n ")
        .hasMessageEndingWith(": NumericEquals value must be a number, got \"x\"");
    assertThat(CompiledPolicy.compile(doc.toBuilder().statements(java.util.List.of()).addStatement(
        s -> s.allow().addAction("s3:GetObject").addResource("*")).build()).document().statements()).hasSize(1);
  }
}
