package dev.irsa.core.lint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LintRunValuesTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "2026-01-31T00:00:00Z, true",
      "2026-01-31T00:00:00+02:00, true",
      "2026-01-31T00:00:00, true",
      "2026-01-31, true",
      "1767139200, true",
      "next tuesday, false",
      "2026-13-01, false",
      "31/01/2026, false"
  })
  void datesAreIso8601OrEpochSeconds(String value, boolean expected) {
    assertThat(LintRun.isDate(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "203.0.113.0/24, true",
      "203.0.113.7, true",
      "0.0.0.0/0, true",
      "2001:db8::/32, true",
      "::1, true",
      "10.0.0.300, false",
      "10.0.0.0/33, false",
      "10.0.0/8, false",
      "2001:db8::/129, false",
      "example.com, false"
  })
  void ipValuesAreAddressesOrCidrBlocks(String value, boolean expected) {
    assertThat(LintRun.isCidr(value)).isEqualTo(expected);
  }
}
