package dev.irsa.verify.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * IAM returns policy documents URL-encoded ("The policy document returned in this structure is URL-encoded
 * compliant with RFC 3986", GetRole / GetPolicyVersion / GetRolePolicy in the IAM API Reference): '+' is a
 * literal plus, not a space as java.net.URLDecoder would read it.
 */
class AccountSourceTest {
  @Test
  void decodesPercentEscapesAndKeepsPlus() {
    assertThat(AccountSource.decode("%7B%22Sid%22%3A%22a+b%22%7D")).isEqualTo("{\"Sid\":\"a+b\"}");
    assertThat(AccountSource.decode("%E2%82%AC")).isEqualTo("\u20ac");
    assertThat(AccountSource.decode("100% sure %zz")).isEqualTo("100% sure %zz");
    assertThat(AccountSource.decode("{\"plain\": true}")).isEqualTo("{\"plain\": true}");
  }

  @Test
  void liveDependenciesArePresentInThisBuild() {
    assertThat(Live.missing()).isEmpty();
  }
}
