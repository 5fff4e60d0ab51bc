package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.policy.PolicyParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Typed request values that are out of range or malformed decide the condition; they never abort
 * the evaluation (issue 14, item 1: {@code +999999999-12-31T23:59:59Z} threw ArithmeticException).
 */
class RequestValueSafetyTest {

  @ParameterizedTest(name = "{0} {1} with {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "DateGreaterThan  | aws:CurrentTime | +999999999-12-31T23:59:59Z | IMPLICIT_DENY",
      "DateLessThan     | aws:CurrentTime | +999999999-12-31T23:59:59Z | IMPLICIT_DENY",
      "DateNotEquals    | aws:CurrentTime | +999999999-12-31T23:59:59Z | ALLOWED",
      "DateLessThan     | aws:CurrentTime | 99999999999999999999999999 | IMPLICIT_DENY",
      "DateLessThan     | aws:CurrentTime | 9999-12-31T23:59:59Z       | IMPLICIT_DENY",
      "DateGreaterThan  | aws:CurrentTime | 9999-12-31T23:59:59Z       | ALLOWED",
      "NumericLessThan  | s3:max-keys     | -99999999999999999999999999999999999999 | ALLOWED",
      "NumericLessThan  | s3:max-keys     | 1e3                        | IMPLICIT_DENY",
      "IpAddress        | aws:SourceIp    | ๑.๒.๓.๔                    | IMPLICIT_DENY",
      "NotIpAddress     | aws:SourceIp    | ๑.๒.๓.๔                    | ALLOWED",
  })
  void aRequestValueOutOfRangeDecidesWithoutThrowing(String operator, String key, String value, Decision expected) {
    String policyValue = operator.startsWith("Date") ? "2020-01-01T00:00:00Z"
        : operator.startsWith("Numeric") ? "10" : "0.0.0.0/0";
    PolicySet set = PolicySet.builder().addIdentityPolicy("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
         "Condition": {"%s": {"%s": "%s"}}}}""".formatted(operator, key, policyValue)).build();
    RequestContext r = RequestContext.builder().principal("arn:aws:sts::111122223333:assumed-role/app/s")
        .action("s3:GetObject").resource("arn:aws:s3:::b/k").context(key, value).build();

    assertThat(Evaluator.evaluate(set, r).decision()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aFarFutureDateInAPolicyIsRefusedAtCompileTimeWithItsPlace() {
    String json = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
         "Condition": {"DateLessThan": {"aws:CurrentTime": "+999999999-12-31T23:59:59Z"}}}}""";

    assertThatThrownBy(() -> CompiledPolicy.compile(json))
        .isInstanceOf(PolicyParseException.class)
        .hasMessage("$.Statement.Condition.DateLessThan['aws:CurrentTime'] 2:52: DateLessThan value must be an ISO 8601"
            + " date or epoch seconds, got \"+999999999-12-31T23:59:59Z\"");
  }
}
