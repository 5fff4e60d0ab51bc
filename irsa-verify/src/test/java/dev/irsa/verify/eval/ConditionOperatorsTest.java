package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every condition operator, one row per rule of the IAM User Guide's condition-operator and
 * multivalued-key pages: an Allow statement carries the condition, the request carries the
 * context, and the row says whether the condition holds.
 */
class ConditionOperatorsTest {
  private static final String PRINCIPAL = "arn:aws:sts::111122223333:assumed-role/app/s";

  @ParameterizedTest(name = "[{index}] {0} {1}={2} with {3} -> {4}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // String: case-sensitive equals, OR over policy values, negation means "matches none"
      "StringEquals                    | k | \"a\"                  | {\"k\":\"a\"}            | true",
      "StringEquals                    | k | \"a\"                  | {\"k\":\"A\"}            | false",
      "StringEquals                    | k | [\"a\",\"b\"]          | {\"k\":\"b\"}            | true",
      "StringEquals                    | K | \"a\"                  | {\"k\":\"a\"}            | true",
      "StringEquals                    | k | \"a*\"                 | {\"k\":\"abc\"}          | false",
      "StringNotEquals                 | k | [\"a\",\"b\"]          | {\"k\":\"b\"}            | false",
      "StringNotEquals                 | k | [\"a\",\"b\"]          | {\"k\":\"c\"}            | true",
      "StringEqualsIgnoreCase          | k | \"abc\"                | {\"k\":\"ABC\"}          | true",
      "StringNotEqualsIgnoreCase       | k | \"abc\"                | {\"k\":\"ABC\"}          | false",
      "StringLike                      | k | \"a*c\"                | {\"k\":\"abbbc\"}        | true",
      "StringLike                      | k | \"a?c\"                | {\"k\":\"abbc\"}         | false",
      "StringNotLike                   | k | \"a*\"                 | {\"k\":\"ba\"}           | true",
      // missing keys: plain false, negated true, IfExists true
      "StringEquals                    | k | \"a\"                  | {}                       | false",
      "StringNotEquals                 | k | \"a\"                  | {}                       | true",
      "StringEqualsIfExists            | k | \"a\"                  | {}                       | true",
      "StringEqualsIfExists            | k | \"a\"                  | {\"k\":\"b\"}            | false",
      // Numeric
      "NumericEquals                   | n | 10                     | {\"n\":\"10.0\"}         | true",
      "NumericNotEquals                | n | \"10\"                 | {\"n\":\"11\"}           | true",
      "NumericLessThan                 | n | 10                     | {\"n\":\"9\"}            | true",
      "NumericLessThan                 | n | 10                     | {\"n\":\"10\"}           | false",
      "NumericLessThanEquals           | n | 10                     | {\"n\":\"10\"}           | true",
      "NumericGreaterThan              | n | 10                     | {\"n\":\"10.5\"}         | true",
      "NumericGreaterThanEquals        | n | 10                     | {\"n\":\"9\"}            | false",
      "NumericLessThan                 | n | 10                     | {\"n\":\"ten\"}          | false",
      // Date: ISO 8601 or epoch seconds, compared as instants whatever each side's format
      "DateGreaterThan                 | d | \"2020-01-01T00:00:00Z\" | {\"d\":\"2020-01-01T00:00:01Z\"} | true",
      "DateLessThan                    | d | \"2020-01-01T00:00:00Z\" | {\"d\":\"2019-12-31\"}  | true",
      "DateEquals                      | d | \"2020-01-01T00:00:00Z\" | {\"d\":\"1577836800\"}  | true",
      "DateGreaterThan                 | d | 1577836800             | {\"d\":\"2020-01-01T00:00:01Z\"} | true",
      "DateLessThanEquals              | d | \"2020-01-01T02:00:00+02:00\" | {\"d\":\"2020-01-01T00:00:00Z\"} | true",
      "DateNotEquals                   | d | \"2020-01-01T00:00:00Z\" | {\"d\":\"2020-01-02T00:00:00Z\"} | true",
      "DateGreaterThanEquals           | d | \"2020-01-01T00:00:00Z\" | {\"d\":\"not a date\"}   | false",
      // Bool
      "Bool                            | aws:SecureTransport | \"true\" | {\"aws:SecureTransport\":\"true\"}  | true",
      "Bool                            | aws:SecureTransport | true     | {\"aws:SecureTransport\":\"false\"} | false",
      "BoolIfExists                    | aws:SecureTransport | false    | {}                                 | true",
      // Binary (base64)
      "BinaryEquals                    | b | \"QmluYXJ5VmFsdWU=\"   | {\"b\":\"QmluYXJ5VmFsdWU=\"} | true",
      "BinaryEquals                    | b | \"QmluYXJ5VmFsdWU=\"   | {\"b\":\"T3RoZXI=\"}     | false",
      // IP addresses: CIDR, bare address = /32 or /128, 0.0.0.0/0 matches every IPv4 address
      "IpAddress                       | aws:SourceIp | \"203.0.113.0/24\" | {\"aws:SourceIp\":\"203.0.113.77\"} | true",
      "IpAddress                       | aws:SourceIp | \"203.0.113.0/24\" | {\"aws:SourceIp\":\"203.0.114.1\"}  | false",
      "IpAddress                       | aws:SourceIp | \"203.0.113.5\"    | {\"aws:SourceIp\":\"203.0.113.5\"}  | true",
      "IpAddress                       | aws:SourceIp | \"0.0.0.0/0\"      | {\"aws:SourceIp\":\"198.51.100.1\"} | true",
      "IpAddress                       | aws:SourceIp | \"2001:DB8:1234:5678::/64\" | {\"aws:SourceIp\":\"2001:db8:1234:5678::1\"} | true",
      "IpAddress                       | aws:SourceIp | \"2001:DB8:1234:5678::/64\" | {\"aws:SourceIp\":\"2001:db8:1234:5679::1\"} | false",
      "NotIpAddress                    | aws:SourceIp | [\"203.0.113.0/24\",\"10.0.0.0/8\"] | {\"aws:SourceIp\":\"10.1.2.3\"} | false",
      "NotIpAddress                    | aws:SourceIp | \"203.0.113.0/24\" | {}                                  | true",
      // ARN operators: six parts matched separately
      "ArnLike                         | aws:SourceArn | \"arn:aws:svc:*:111122223333:finance/*\" | {\"aws:SourceArn\":\"arn:aws:svc:us-east-1:111122223333:finance/x\"} | true",
      "ArnLike                         | aws:SourceArn | \"arn:aws:svc:*:111122223333:finance/*\" | {\"aws:SourceArn\":\"arn:aws:svc:us-east-1:999999999999:finance/111122223333:finance/x\"} | false",
      "ArnEquals                       | aws:SourceArn | \"arn:aws:sns:us-east-1:111122223333:t\" | {\"aws:SourceArn\":\"arn:aws:sns:us-east-1:111122223333:t\"} | true",
      "ArnNotEquals                    | aws:SourceArn | \"arn:aws:sns:us-east-1:111122223333:t\" | {\"aws:SourceArn\":\"arn:aws:sns:us-east-1:111122223333:u\"} | true",
      "ArnNotLike                      | aws:SourceArn | \"arn:aws:sns:*:*:t*\" | {\"aws:SourceArn\":\"arn:aws:sns:us-east-1:111122223333:topic\"} | false",
      "ArnLike                         | aws:SourceArn | \"arn:aws:sns:*:*:t*\" | {\"aws:SourceArn\":\"not-an-arn\"} | false",
      // Null: true means absent
      "Null                            | k | \"true\"                | {}                       | true",
      "Null                            | k | \"true\"                | {\"k\":\"a\"}            | false",
      "Null                            | k | false                   | {\"k\":\"a\"}            | true",
      // ForAllValues / ForAnyValue (the multivalued-keys page)
      "ForAllValues:StringEquals       | aws:TagKeys | [\"a\",\"b\"] | {\"aws:TagKeys\":[\"a\"]}         | true",
      "ForAllValues:StringEquals       | aws:TagKeys | [\"a\",\"b\"] | {\"aws:TagKeys\":[\"a\",\"c\"]}   | false",
      "ForAllValues:StringEquals       | aws:TagKeys | [\"a\",\"b\"] | {}                                | true",
      "ForAllValues:StringEquals       | aws:TagKeys | [\"a\",\"b\"] | {\"aws:TagKeys\":[]}              | true",
      "ForAnyValue:StringEquals        | aws:TagKeys | [\"a\",\"b\"] | {\"aws:TagKeys\":[\"c\",\"b\"]}   | true",
      "ForAnyValue:StringEquals        | aws:TagKeys | [\"a\",\"b\"] | {\"aws:TagKeys\":[\"c\"]}         | false",
      "ForAnyValue:StringEquals        | aws:TagKeys | [\"a\",\"b\"] | {}                                | false",
      "ForAnyValue:StringEquals        | aws:TagKeys | [\"a\",\"b\"] | {\"aws:TagKeys\":[]}              | false",
      "ForAnyValue:StringEqualsIfExists | aws:TagKeys | \"a\"        | {}                                | true",
      "ForAllValues:StringNotLike      | aws:TagKeys | \"key1*\"     | {\"aws:TagKeys\":[\"key1:legal\"]} | false",
      "ForAllValues:StringNotLike      | aws:TagKeys | \"key1*\"     | {\"aws:TagKeys\":[\"key2:audit\"]} | true",
      "ForAllValues:StringNotLike      | aws:TagKeys | \"key1*\"     | {}                                 | true",
      "ForAnyValue:StringNotEquals     | aws:TagKeys | \"a\"         | {\"aws:TagKeys\":[\"a\",\"b\"]}   | true",
      // a plain operator against a key with several values: false (irsa's documented choice)
      "StringEquals                    | aws:TagKeys | \"a\"         | {\"aws:TagKeys\":[\"a\",\"b\"]}   | false",
      "StringNotEquals                 | aws:TagKeys | \"c\"         | {\"aws:TagKeys\":[\"a\",\"b\"]}   | false",
      // policy variables in condition values, with defaults
      "StringEquals                    | aws:PrincipalTag/team | \"${aws:RequestTag/team}\" | {\"aws:PrincipalTag/team\":\"x\",\"aws:RequestTag/team\":\"x\"} | true",
      "StringEquals                    | aws:PrincipalTag/team | \"${aws:RequestTag/team}\" | {\"aws:PrincipalTag/team\":\"x\"} | false",
      "StringNotEquals                 | aws:PrincipalTag/team | \"${aws:RequestTag/team}\" | {\"aws:PrincipalTag/team\":\"x\"} | true",
      "StringEquals                    | aws:PrincipalTag/team | \"${aws:RequestTag/team, 'x'}\" | {\"aws:PrincipalTag/team\":\"x\"} | true",
      "StringLike                      | s3:prefix | \"home/${aws:userid}/*\" | {\"s3:prefix\":\"home/AROA1:s/x\",\"aws:userid\":\"AROA1:s\"} | true",
      "StringEquals                    | k | \"${$}{x}\"            | {\"k\":\"${x}\"}          | true",
  })
  void conditionHolds(String operator, String key, String policyValue, String context, boolean expected) {
    // Given an Allow statement with the condition
    String policy = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
         "Condition": {"%s": {"%s": %s}}}}""".formatted(operator, key, policyValue);
    PolicySet set = PolicySet.builder().addIdentityPolicy(policy).build();

    // When a request with the context is evaluated
    RequestContext.Builder request = RequestContext.builder().principal(PRINCIPAL).action("s3:GetObject")
        .resource("arn:aws:s3:::b/k");
    JsonNode.Obj ctx = (JsonNode.Obj) JsonParser.parse(context);
    for (Map.Entry<String, JsonNode> e : ctx.members().entrySet()) {
      if (e.getValue() instanceof JsonNode.Arr arr) {
        List<String> values = new ArrayList<>();
        arr.elements().forEach(v -> values.add(((JsonNode.Str) v).value()));
        request.context(e.getKey(), values);
      } else {
        request.context(e.getKey(), ((JsonNode.Str) e.getValue()).value());
      }
    }
    Decision d = Evaluator.evaluate(set, request.build()).decision();

    // Then the Allow applies exactly when the condition holds
    assertThat(d).isEqualTo(expected ? Decision.ALLOWED : Decision.IMPLICIT_DENY);
  }

  @ParameterizedTest(name = "Version {0}: variables {1}")
  @CsvSource(delimiter = '|', value = {
      "2012-10-17 | true",
      "2008-10-17 | false",
  })
  void variablesAreLiteralTextUnderVersion2008(String version, boolean substituted) {
    String policy = """
        {"Version": "%s", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::b/${aws:username}/*"}}""".formatted(version);
    PolicySet set = PolicySet.builder().addIdentityPolicy(policy).build();
    RequestContext bob = RequestContext.builder().principal("arn:aws:iam::111122223333:user/bob")
        .action("s3:GetObject").resource("arn:aws:s3:::b/bob/x").context("aws:username", "bob").build();
    RequestContext literal = bob.toBuilder().resource("arn:aws:s3:::b/${aws:username}/x").build();

    assertThat(Evaluator.evaluate(set, bob).isAllowed()).isEqualTo(substituted);
    assertThat(Evaluator.evaluate(set, literal).isAllowed()).isEqualTo(!substituted);
  }
}
