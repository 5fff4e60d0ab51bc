package dev.irsa.core.iam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.policy.OperatorType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The typed condition values, as the IAM User Guide's condition operators page describes them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 */
class ValuesTest {

  // "Numeric condition operators let you construct Condition elements that restrict access based on
  // comparing a key to an integer or decimal value."
  @ParameterizedTest(name = "number {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "10 | 10", "-3 | -3", "10.50 | 10.5", "007 | 7", "-0 | 0", "-0.000 | 0", "0.25 | 0.25",
      "1e3 | ", "1E3 | ", "+5 | ", ".5 | ", "5. | ", "' 5' | ", "'5 ' | ", "1,000 | ", "0x10 | ", "NaN | ",
      "١٢ | ", "'' | ", "- | ",
  })
  void numbersAreIntegersOrDecimals(String text, String normalized) {
    Values.Decimal d = Values.number(text);
    assertThat(d == null ? null : d.toString()).isEqualTo(normalized);
  }

  @Test
  void numbersCompareExactlyHoweverLong() {
    String big = "9".repeat(100_000);
    assertThat(Values.number(big).compareTo(Values.number(big + ".1"))).isNegative();
    assertThat(Values.number("-" + big).compareTo(Values.number("-1"))).isNegative();
    assertThat(Values.number("10.0").compareTo(Values.number("10"))).isZero();
    assertThat(Values.number("-0").compareTo(Values.number("0"))).isZero();
    assertThat(Values.number("2.5").compareTo(Values.number("10"))).isNegative();
    assertThat(Values.number("-2.5").compareTo(Values.number("-2.45"))).isNegative();
    assertThat(Values.number("0.1").compareTo(Values.number("0.09"))).isPositive();
  }

  // "You must specify date/time values with one of the W3C implementations of the ISO 8601 date
  // formats or in epoch (UNIX) time."
  @ParameterizedTest(name = "date {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "2020-01-01T00:00:00Z           | 2020-01-01T00:00:00Z",
      "2020-01-01                     | 2020-01-01T00:00:00Z",
      "2020-01                        | 2020-01-01T00:00:00Z",
      "2020-01-01T02:00:00+02:00      | 2020-01-01T00:00:00Z",
      "2020-01-01T00:00-01:30         | 2020-01-01T01:30:00Z",
      "2020-01-01T00:00:00.5Z         | 2020-01-01T00:00:00.500Z",
      "2020-01-01T00:00:00.123456789Z | 2020-01-01T00:00:00.123456789Z",
      "1577836800                     | 2020-01-01T00:00:00Z",
      "-1                             | 1969-12-31T23:59:59Z",
      "2020                           | 1970-01-01T00:33:40Z",
      "20200101                       | 1970-08-22T19:08:21Z",
      "9999-12-31T23:59:59Z           | 9999-12-31T23:59:59Z",
  })
  void datesAreW3cIso8601OrEpochSeconds(String text, String instant) {
    assertThat(Values.date(text)).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest(name = "not a date: \"{0}\"")
  @ValueSource(strings = {"1700000000.5", " 2020-01-01", "2020-01-01 ", "+999999999-12-31T23:59:59Z",
      "-999999999-01-01T00:00:00Z", "2020-02-30", "2020-13-01", "2020-01-01T24:00:00Z", "2020-01-01T00:00:00",
      "2020-01-01t00:00:00z", "2020-01-01T00:00:00+0200", "2020-01-01T00:00:00.Z", "2020-1-1",
      "9999999999999999999", "99999999999999999", "٢٠٢٠-01-01", "next tuesday", "31/01/2026", ""})
  void otherDatesAreRefusedWithoutThrowing(String text) {
    assertThat(Values.date(text)).isNull();
    assertThat(Values.problem(OperatorType.Category.DATE, text))
        .isEqualTo("a date (ISO 8601 such as 2026-01-31T00:00:00Z, or epoch seconds)");
  }

  // "Boolean conditions let you construct Condition elements that restrict access based on
  // comparing a key to true or false."
  @ParameterizedTest(name = "bool {0}: {1}")
  @CsvSource(delimiter = '|', value = {"true | true", "false | false", "TRUE | true", "False | false",
      "yes | ", "1 | ", "' true' | ", "'' | "})
  void boolsAreTrueOrFalse(String text, Boolean expected) {
    assertThat(Values.bool(text)).isEqualTo(expected);
  }

  // "The BinaryEquals condition operator ... compares the value of the specified key to a base-64
  // encoded representation of the binary value in the policy."
  @Test
  void binariesAreBase64() {
    assertThat(Values.binary("QmluYXJ5VmFsdWU=")).isEqualTo("BinaryValue".getBytes());
    assertThat(Values.binary(" QmluYXJ5VmFsdWU=")).isNull();
    assertThat(Values.binary("-_-_")).isNull();
    assertThat(Values.binary("Y")).isNull();
  }

  // "The value must be in the standard CIDR format (for example, 203.0.113.0/24 or
  // 2001:DB8:1234:5678::/64). If you specify an IP address without the associated routing prefix,
  // IAM uses the default prefix value of /32."
  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "203.0.113.0/24          | 203.0.113.77                | true",
      "203.0.113.0/24          | 203.0.114.1                 | false",
      "203.0.113.5             | 203.0.113.5                 | true",
      "203.0.113.5             | 203.0.113.6                 | false",
      "0.0.0.0/0               | 198.51.100.1                | true",
      "2001:DB8:1234:5678::/64 | 2001:db8:1234:5678::1       | true",
      "2001:DB8:1234:5678::/64 | 2001:db8:1234:5679::1       | false",
      "::/0                    | 1:2:3:4:5:6:7:8             | true",
      "::ffff:0:0/96           | ::ffff:203.0.113.7          | true",
      "1:2:3:4:5:6:7:8         | 1:2:3:4:5:6:7:8             | true",
      "1::8                    | 1:0:0:0:0:0:0:8             | true",
      "::1                     | 0:0:0:0:0:0:0:1             | true",
      "10.0.0.0/8              | ::ffff:10.0.0.1             | false",
  })
  void addressesLieInBlocks(String block, String address, boolean expected) {
    assertThat(Values.cidr(block).contains(Values.address(address))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "not an address: \"{0}\"")
  @ValueSource(strings = {"1::2::3", "๑.๒.๓.๔", "1.2.3.๔", "::๑", "１.2.3.4", "256.1.1.1", "1.2.3", "1.2.3.4.5",
      ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "12345::", ":1::", "1:", "1.2.3.4::", "::ffff:1.2.3.256",
      "fe80::1%eth0", "[::1]", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/0032", "2001:db8::/129",
      "example.com", ""})
  void otherAddressesAreRefused(String text) {
    assertThat(Values.cidr(text)).isNull();
    assertThat(Values.problem(OperatorType.Category.IP_ADDRESS, text)).isNotNull();
  }

  @Test
  void stringsAndArnsTakeAnyText() {
    assertThat(Values.problem(OperatorType.Category.STRING, " anything ${*}")).isNull();
    assertThat(Values.problem(OperatorType.Category.ARN, "not an arn")).isNull();
  }
}
