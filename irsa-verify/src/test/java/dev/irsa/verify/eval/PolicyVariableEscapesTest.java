package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The escapes {@code ${*}}, {@code ${?}}, {@code ${$}} and substituted variable values are literal
 * text wherever policy variables are substituted, ARN operators included (issue 10, rule 4). The
 * IAM User Guide, "IAM policy elements: Variables and tags", Special characters (checked against the
 * page's source, awsdocs/iam-user-guide doc_source/reference_policies_variables.md): "For example,
 * inserting an * asterisk in the string would be interpreted as a wildcard, matching any characters,
 * instead of as a literal *. In these cases, you can use the following predefined policy variables:
 * ${*} - use where
 * you need an * (asterisk) character. ${?} - use where you need a ? (question mark) character.
 * ${$} - use where you need a $ (dollar sign) character. These predefined policy variables can be
 * used in any string where you can use regular policy variables."
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-specialchars">Special characters</a>
 */
class PolicyVariableEscapesTest {
  private static final String PRINCIPAL = "arn:aws:sts::111122223333:assumed-role/app/s";
  private static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:topic";

  private static Decision evaluate(String statements, String sourceArn, String tag, String resource) {
    PolicySet set = PolicySet.builder().addIdentityPolicy("""
        {"Version": "2012-10-17", "Statement": [%s]}""".formatted(statements)).build();
    RequestContext.Builder r = RequestContext.builder().principal(PRINCIPAL).action("s3:GetObject")
        .resource(resource).context("aws:SourceArn", sourceArn);
    if (tag != null) {
      r.context("aws:PrincipalTag/topic", tag);
    }
    return Evaluator.evaluate(set, r.build()).decision();
  }

  private static String allowIf(String operator, String value) {
    return """
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
         "Condition": {"%s": {"aws:SourceArn": "%s"}}}""".formatted(operator, value);
  }

  @ParameterizedTest(name = "{0} {1} with tag {2} ~ {3} -> {4}")
  @CsvSource(delimiter = '|', value = {
      // the case: AWS denies topicXYZ, irsa allowed it
      "ArnLike    | " + TOPIC + "${*}                | | " + TOPIC + "XYZ | IMPLICIT_DENY",
      "ArnLike    | " + TOPIC + "${*}                | | " + TOPIC + "*   | ALLOWED",
      "ArnEquals  | " + TOPIC + "${*}                | | " + TOPIC + "XYZ | IMPLICIT_DENY",
      "ArnEquals  | " + TOPIC + "${*}                | | " + TOPIC + "*   | ALLOWED",
      "ArnLike    | " + TOPIC + "${?}                | | " + TOPIC + "X   | IMPLICIT_DENY",
      "ArnLike    | " + TOPIC + "${?}                | | " + TOPIC + "?   | ALLOWED",
      "ArnLike    | arn:aws:sns:${*}:111122223333:topic | | " + TOPIC + "  | IMPLICIT_DENY",
      "ArnLike    | arn:aws:sns:${*}:111122223333:topic | | arn:aws:sns:*:111122223333:topic | ALLOWED",
      // the policy's own wildcards still are wildcards next to an escape
      "ArnLike    | arn:aws:sns:*:111122223333:t*${*}   | | " + TOPIC + "*   | ALLOWED",
      "ArnLike    | arn:aws:sns:*:111122223333:t*${*}   | | " + TOPIC + "    | IMPLICIT_DENY",
      // a substituted value is literal text: its * is not a wildcard
      "ArnLike    | arn:aws:sns:us-east-1:111122223333:${aws:PrincipalTag/topic} | t* | " + TOPIC + " | IMPLICIT_DENY",
      "ArnLike    | arn:aws:sns:us-east-1:111122223333:${aws:PrincipalTag/topic} | t* | arn:aws:sns:us-east-1:111122223333:t* | ALLOWED",
      "ArnLike    | arn:aws:sns:us-east-1:111122223333:${aws:PrincipalTag/topic}* | t | " + TOPIC + " | ALLOWED",
      // StringLike and StringEquals (already right; kept right)
      "StringLike   | " + TOPIC + "${*}              | | " + TOPIC + "XYZ | IMPLICIT_DENY",
      "StringLike   | " + TOPIC + "${*}              | | " + TOPIC + "*   | ALLOWED",
      "StringLike   | ${aws:PrincipalTag/topic}      | a* | abc             | IMPLICIT_DENY",
      "StringLike   | ${aws:PrincipalTag/topic}      | a* | a*              | ALLOWED",
      "StringEquals | " + TOPIC + "${*}              | | " + TOPIC + "*   | ALLOWED",
  })
  void escapesAndSubstitutedValuesAreLiteralInConditions(String operator, String value, String tag, String sourceArn,
      Decision expected) {
    assertThat(evaluate(allowIf(operator, value), sourceArn, tag, "arn:aws:s3:::b/k")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "ArnNotLike Deny ~ {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // the Deny applies to every source but the literal topic* ARN: it must not be dropped
      TOPIC + "XYZ | EXPLICIT_DENY",
      TOPIC + "    | EXPLICIT_DENY",
      TOPIC + "*   | ALLOWED",
  })
  void anArnNotLikeDenyWithAnEscapeStillDenies(String sourceArn, Decision expected) {
    String statements = """
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
        {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*",
         "Condition": {"ArnNotLike": {"aws:SourceArn": "%s${*}"}}}""".formatted(TOPIC);
    assertThat(evaluate(statements, sourceArn, null, "arn:aws:s3:::b/k")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Resource {0} with tag {1} ~ {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "arn:aws:s3:::b/${*}                          |    | arn:aws:s3:::b/x  | IMPLICIT_DENY",
      "arn:aws:s3:::b/${*}                          |    | arn:aws:s3:::b/*  | ALLOWED",
      "arn:aws:s3:::b/${?}                          |    | arn:aws:s3:::b/x  | IMPLICIT_DENY",
      "arn:aws:s3:::b/${$}                          |    | arn:aws:s3:::b/$  | ALLOWED",
      "arn:aws:s3:::b/${aws:PrincipalTag/topic}     | a* | arn:aws:s3:::b/ab | IMPLICIT_DENY",
      "arn:aws:s3:::b/${aws:PrincipalTag/topic}     | a* | arn:aws:s3:::b/a* | ALLOWED",
  })
  void escapesAndSubstitutedValuesAreLiteralInResources(String pattern, String tag, String resource,
      Decision expected) {
    String statement = """
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "%s"}""".formatted(pattern);
    assertThat(evaluate(statement, TOPIC, tag, resource)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "NotResource {0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "arn:aws:s3:::b/${*} | arn:aws:s3:::b/x | ALLOWED",
      "arn:aws:s3:::b/${*} | arn:aws:s3:::b/* | IMPLICIT_DENY",
  })
  void escapesAreLiteralInNotResource(String pattern, String resource, Decision expected) {
    String statement = """
        {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "%s"}""".formatted(pattern);
    assertThat(evaluate(statement, TOPIC, null, resource)).isEqualTo(expected);
  }
}
