package dev.irsa.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceAccountRefTest {
  @Test
  void subject() {
    assertThat(ServiceAccountRef.of("payments", "api").subject()).isEqualTo("system:serviceaccount:payments:api");
    assertThat(ServiceAccountRef.of("payments", "api.v2").toString()).isEqualTo("payments:api.v2");
  }

  @Test
  void parsesShortAndSubjectForms() {
    assertThat(ServiceAccountRef.parse("payments:api")).isEqualTo(ServiceAccountRef.of("payments", "api"));
    assertThat(ServiceAccountRef.parse("system:serviceaccount:payments:api")).isEqualTo(ServiceAccountRef.of("payments", "api"));
    assertThat(ServiceAccountRef.parse("payments:api-*").isPattern()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "My_NS | api | namespace must be a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters), got: 'My_NS'",
      "payments | Api | service account name must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253 characters), got: 'Api'",
      "payments- | api | namespace must be a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters), got: 'payments-'",
  })
  void rejectsInvalidNames(String ns, String name, String message) {
    assertThatThrownBy(() -> ServiceAccountRef.of(ns, name)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void rejectsBadShapes() {
    assertThatThrownBy(() -> ServiceAccountRef.parse("payments"))
        .hasMessage("service account must be written NAMESPACE:NAME, got: 'payments'");
    assertThatThrownBy(() -> ServiceAccountRef.parse("a:b:c"))
        .hasMessage("service account must be written NAMESPACE:NAME, got: 'a:b:c'");
    assertThatThrownBy(() -> ServiceAccountRef.of("a".repeat(64), "api"))
        .hasMessageStartingWith("namespace must be a DNS-1123 label");
  }
}
