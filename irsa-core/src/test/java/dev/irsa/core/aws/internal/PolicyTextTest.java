package dev.irsa.core.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.aws.ProvisioningException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyTextTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "%7B%22a%22%3A%22b%22%7D                 | {\"a\":\"b\"}",
      "%7B%22k%22%3A%22a+b%22%7D               | {\"k\":\"a+b\"}",
      "%7B%22k%22%3A%22a%2Bb%20c%22%7D         | {\"k\":\"a+b c\"}",
      "%7B%22k%22%3A%22%C3%A9%22%7D            | {\"k\":\"é\"}",
      "{\"k\":\"100%\"}                        | {\"k\":\"100%\"}",
      "%7B%22k%22%3A%22100%%22%7D              | {\"k\":\"100%\"}",
  })
  void decodesRfc3986PercentEncodingKeepingPlus(String encoded, String json) {
    assertThat(PolicyText.decode(encoded)).isEqualTo(json);
  }

  @Test
  void anUnreadableDocumentNamesTheCallAndResource() {
    assertThatThrownBy(() -> PolicyText.parse("GetRole", "arn:aws:iam::111122223333:role/r", "%7B%22Version%22%3A1%7D"))
        .isInstanceOf(ProvisioningException.class)
        .hasMessageStartingWith("GetRole arn:aws:iam::111122223333:role/r returned a policy document irsa cannot read: $.Version");
  }
}
