package dev.irsa.verify.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnPatternTest {
  private static final Template.Lookup NONE = k -> null;

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // the IAM User Guide's examples
      "arn:aws:s3:::amzn-s3-demo-bucket/*                | arn:aws:s3:::amzn-s3-demo-bucket/a/b/c.txt         | true",
      "arn:aws:s3:::amzn-s3-demo-bucket/*                | arn:aws:s3:::amzn-s3-demo-bucket                   | false",
      "arn:aws:iam::111122223333:user/accounting/*       | arn:aws:iam::111122223333:user/accounting/bob      | true",
      "arn:aws:iam::111122223333:user/accounting/*       | arn:aws:iam::111122223333:user/dev/bob             | false",
      "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*         | arn:aws:s3:::amzn-s3-demo-bucket/1/test/object.jpg | true",
      "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*         | arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/o.jpg  | true",
      "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*         | arn:aws:s3:::amzn-s3-demo-bucket/1/2/tst/o.jpg     | false",
      // case-sensitive resources
      "arn:aws:iam::111122223333:user/Bob                | arn:aws:iam::111122223333:user/bob                 | false",
      "arn:aws:dynamodb:US-EAST-1:111122223333:table/t   | arn:aws:dynamodb:us-east-1:111122223333:table/t    | false",
      // wildcards within segments, the account segment never spanned by a wildcard that does not end it
      "arn:aws:dynamodb:*:111122223333:table/*           | arn:aws:dynamodb:us-east-1:111122223333:table/t    | true",
      "arn:aws:dynamodb:*:111122223333:table/*           | arn:aws:dynamodb:us-east-1:999999999999:table/111122223333:table/x | false",
      "arn:aws:dynamodb:us-east-?:*:table/t              | arn:aws:dynamodb:us-east-2:111122223333:table/t    | true",
      // a * that ends a segment may span colons (documented)
      "arn:aws:ec2:*                                     | arn:aws:ec2:us-east-1:111122223333:instance/i-1    | true",
      "arn:aws:ec2:us-east-1:*                           | arn:aws:ec2:us-east-1:111122223333:instance/i-1    | true",
      "arn:aws:ec2:*:instance/*                          | arn:aws:ec2:us-east-1:111122223333:instance/i-1    | true",
      "arn:aws:ec2:us-east-1                             | arn:aws:ec2:us-east-1:111122223333:instance/i-1    | false",
      // the resource part keeps its colons
      "arn:aws:logs:us-east-1:111122223333:log-group:app:* | arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s | true",
      // no wildcard in the service segment: it is literal
      "arn:aws:s*:::b/k                                  | arn:aws:s3:::b/k                                   | false",
      "*                                                 | anything-at-all                                    | true",
  })
  void matchesResourceElementEntries(String pattern, String arn, boolean expected) {
    assertThat(ArnPattern.resource(pattern, true).matches(arn, NONE)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "ArnLike {0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "arn:aws:svc:*:111122223333:finance/*  | arn:aws:svc:us-east-1:111122223333:finance/a           | true",
      "arn:aws:svc:*:111122223333:finance/*  | arn:aws:svc:us-east-1:999999999999:finance/111122223333:finance/a | false",
      "arn:aws:iam::*:role/app               | arn:aws:iam::111122223333:role/app                      | true",
      "arn:aws:*:*:*:*                       | arn:aws:s3:::b                                           | true",
  })
  void matchesArnConditionValuesPartByPart(String pattern, String arn, boolean expected) {
    assertThat(ArnPattern.condition(pattern).matches(arn, NONE)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} with {1} ~ {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "arn:aws:s3:::b/${aws:username}/*              | bob   | arn:aws:s3:::b/bob/x         | true",
      "arn:aws:s3:::b/${aws:username}/*              | bob   | arn:aws:s3:::b/alice/x       | false",
      "arn:aws:s3:::b/${aws:username}/*              |       | arn:aws:s3:::b//x            | false",
      "arn:aws:s3:::b/${aws:username, 'shared'}/*    |       | arn:aws:s3:::b/shared/x      | true",
      "arn:aws:s3:::b/${*}                           |       | arn:aws:s3:::b/*             | true",
      "arn:aws:s3:::b/${*}                           |       | arn:aws:s3:::b/x             | false",
      "arn:aws:s3:::b/${aws:username}                | a*    | arn:aws:s3:::b/abc           | false",
      "arn:aws:s3:::b/${aws:username}                | a*    | arn:aws:s3:::b/a*            | true",
  })
  void substitutesPolicyVariablesLiterally(String pattern, String username, String arn, boolean expected) {
    Map<String, String> ctx = username == null ? Map.of() : Map.of("aws:username", username);
    assertThat(ArnPattern.resource(pattern, true).matches(arn, ctx::get)).isEqualTo(expected);
  }
}
