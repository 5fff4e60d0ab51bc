package dev.irsa.core.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad document yields a PolicyParseException with the JSON path, line:column and what is wrong. */
class PolicyParseErrorsTest {
  private static final String OK_STATEMENT = "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // truncated and malformed JSON
      "truncated         | {\"Version\":\"2012-10-17\",\"Statement\":[ | $.Statement[0] 1:38: unexpected end of input: expected a value",
      "truncated string  | {\"Version\":\"2012-10 | $.Version 1:12: unterminated string",
      "empty input       | `` | $ 1:1: empty input: expected a JSON value",
      "trailing comma    | {\"Statement\":[],} | $ 1:17: unexpected '}': expected a member name in double quotes",
      "trailing garbage  | {\"Statement\":{}} x | $ 1:18: unexpected 'x' after the end of the JSON value",
      "leading zero      | {\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":012345678901}}}} | $.Statement.Condition.StringEquals['aws:SourceAccount'] 1:94: numbers may not have leading zeros (quote the value, e.g. an account ID)",
      "single quotes     | {'Statement':[]} | $ 1:2: unexpected ''': expected a member name in double quotes",
      "duplicate key     | {\"Statement\":[],\"Statement\":[]} | $.Statement 1:17: duplicate key \"Statement\"",
      "duplicate in stmt | {\"Statement\":[{\"Effect\":\"Allow\",\"Effect\":\"Deny\"}]} | $.Statement[0].Effect 1:33: duplicate key \"Effect\"",
      // wrong shapes
      "root array        | [] | $ 1:1: expected a policy document (an object), got array",
      "missing Statement | {\"Version\":\"2012-10-17\"} | $ 1:1: missing Statement",
      "empty Statement   | {\"Statement\":[]} | $.Statement 1:14: Statement must contain at least one statement",
      "empty statement   | {\"Statement\":[{}]} | $.Statement[0] 1:15: missing Effect",
      "Statement string  | {\"Statement\":\"x\"} | $.Statement 1:14: expected a statement object or an array of them, got string",
      "statement number  | {\"Statement\":[1]} | $.Statement[0] 1:15: expected a statement (an object), got number",
      "unknown element   | {\"Statement\":[],\"Foo\":1} | $.Foo 1:23: unknown element \"Foo\" (expected one of Version, Id, Statement)",
      "element case      | {\"statement\":[]} | $.statement 1:14: unknown element \"statement\" (element names are case-sensitive: did you mean \"Statement\"?)",
      "version number    | {\"Version\":2012,\"Statement\":[]} | $.Version 1:12: expected a string, got number",
      "bad version       | {\"Version\":\"2012-10-18\",\"Statement\":[]} | $.Version 1:12: Version must be \"2012-10-17\" or \"2008-10-17\", got \"2012-10-18\"",
      "Id object         | {\"Id\":{},\"Statement\":[]} | $.Id 1:7: expected a string, got object",
      // statements
      "invalid effect    | {\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"a\"}]} | $.Statement[0].Effect 1:25: Effect must be \"Allow\" or \"Deny\" (case-sensitive), got \"allow\"",
      "effect boolean    | {\"Statement\":[{\"Effect\":true,\"Action\":\"a\"}]} | $.Statement[0].Effect 1:25: expected a string, got boolean",
      "missing action    | {\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]} | $.Statement[0] 1:15: missing Action or NotAction",
      "action and not    | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"NotAction\":\"b\"}]} | $.Statement[0].NotAction 1:58: a statement has either Action or NotAction, not both",
      "resource and not  | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Resource\":\"*\",\"NotResource\":\"b\"}]} | $.Statement[0].NotResource 1:75: a statement has either Resource or NotResource, not both",
      "action number     | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"a\",7]}]} | $.Statement[0].Action[1] 1:47: expected a string, got number",
      "action object     | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{}}]} | $.Statement[0].Action 1:42: expected a string or an array of strings, got object",
      "empty action      | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[]}]} | $.Statement[0].Action 1:42: must name at least one action (an empty array matches nothing)",
      "resource null     | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Resource\":null}]} | $.Statement[0].Resource 1:57: expected a string or an array of strings, got null",
      "sid number        | {\"Statement\":[{\"Sid\":1,\"Effect\":\"Allow\",\"Action\":\"a\"}]} | $.Statement[0].Sid 1:22: expected a string, got number",
      "unknown stmt elem | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Actions\":\"b\"}]} | $.Statement[0].Actions 1:56: unknown element \"Actions\" (expected one of Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition)",
      // principals
      "principal array   | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Principal\":[\"*\"]}]} | $.Statement[0].Principal 1:58: expected \"*\" or an object, got array",
      "principal string  | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Principal\":\"me\"}]} | $.Statement[0].Principal 1:58: expected \"*\" or an object, got string \"me\"",
      "principal type    | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Principal\":{\"Aws\":\"*\"}}]} | $.Statement[0].Principal.Aws 1:65: unknown principal type \"Aws\" (expected AWS, Federated, Service or CanonicalUser)",
      "principal empty   | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Principal\":{}}]} | $.Statement[0].Principal 1:58: must name at least one principal",
      "principal number  | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Principal\":{\"AWS\":123456789012}}]} | $.Statement[0].Principal.AWS 1:65: expected a string or an array of strings, got number",
      "both principals   | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Principal\":\"*\",\"NotPrincipal\":\"*\"}]} | $.Statement[0].NotPrincipal 1:77: a statement has either Principal or NotPrincipal, not both",
      // conditions
      "condition array   | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":[]}]} | $.Statement[0].Condition 1:58: expected an object of condition operators, got array",
      "operator string   | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":{\"StringEquals\":\"x\"}}]} | $.Statement[0].Condition.StringEquals 1:74: expected an object of condition keys, got string",
      "value object      | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":{\"StringEquals\":{\"k\":{}}}}]} | $.Statement[0].Condition.StringEquals.k 1:79: expected a string, number or boolean condition value, got object",
      "value null        | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":{\"Null\":{\"k\":[null]}}}]} | $.Statement[0].Condition.Null.k[0] 1:72: expected a string, number or boolean condition value, got null",
      "empty key         | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":{\"Null\":{\"\":\"true\"}}}]} | $.Statement[0].Condition.Null[''] 1:70: condition key must not be empty",
      "empty operator    | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":{\"\":{}}}]} | $.Statement[0].Condition[''] 1:62: condition operator must not be empty",
  })
  void reportsPathPositionAndProblem(String name, String json, String message) {
    assertThatThrownBy(() -> PolicyDocument.fromJson(json))
        .isExactlyInstanceOf(PolicyParseException.class)
        .hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void positionsCountLinesAndColumns() {
    String json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    " + OK_STATEMENT + ",\n    {\"Effect\": \"Permit\"}\n  ]\n}";
    assertThatThrownBy(() -> PolicyDocument.fromJson(json))
        .isInstanceOfSatisfying(PolicyParseException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.path()).isEqualTo("$.Statement[1].Effect");
          org.assertj.core.api.Assertions.assertThat(e.line()).isEqualTo(5);
          org.assertj.core.api.Assertions.assertThat(e.column()).isEqualTo(16);
          org.assertj.core.api.Assertions.assertThat(e.problem())
              .isEqualTo("Effect must be \"Allow\" or \"Deny\" (case-sensitive), got \"Permit\"");
        });
  }

  @org.junit.jupiter.api.Test
  void hostileNestingIsAParseErrorNotAStackOverflow() {
    String json = "{\"Statement\":" + "[".repeat(100_000);
    assertThatThrownBy(() -> PolicyDocument.fromJson(json))
        .isExactlyInstanceOf(PolicyParseException.class)
        .hasMessageEndingWith("nesting deeper than 128 levels");
  }

  @org.junit.jupiter.api.Test
  void nullInput() {
    assertThatThrownBy(() -> PolicyDocument.fromJson(null))
        .isExactlyInstanceOf(PolicyParseException.class).hasMessage("$ 1:1: no input (null)");
  }
}
