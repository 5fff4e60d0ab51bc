package dev.irsa.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.arn.InvalidArnException;
import dev.irsa.core.arn.Partition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OidcProviderTest {
  @Test
  void convertsBetweenIssuerArnAndConditionKeyPrefix() {
    OidcProvider p = OidcProvider.fromIssuer("https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE/",
        "111122223333");

    assertThat(p.issuerUrl()).isEqualTo("https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE");
    assertThat(p.arn()).isEqualTo(
        "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE");
    assertThat(p.subKey()).isEqualTo("oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub");
    assertThat(p.audKey()).isEqualTo("oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud");
    assertThat(p.id()).isEqualTo("EXAMPLED539D4633E53DE1B71EXAMPLE");
    assertThat(OidcProvider.fromArn(p.arn())).isEqualTo(p);
  }

  @ParameterizedTest
  @CsvSource({
      "https://oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC, aws-cn",
      "https://oidc.eks.us-gov-west-1.amazonaws.com/id/ABC, aws-us-gov",
      "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC, aws",
      "https://issuer.example.com, aws",
  })
  void infersThePartitionFromTheIssuerHost(String issuer, String partition) {
    OidcProvider p = OidcProvider.fromIssuer(issuer, "111122223333");
    assertThat(p.partition()).isEqualTo(Partition.of(partition));
    assertThat(p.arn()).startsWith("arn:" + partition + ":iam::111122223333:oidc-provider/");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://oidc.eks.us-west-2.amazonaws.com/id/ABC | issuer must be an https URL such as https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE, got: 'http://oidc.eks.us-west-2.amazonaws.com/id/ABC'",
      "oidc.eks.us-west-2.amazonaws.com/id/ABC | issuer must be an https URL such as https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE, got: 'oidc.eks.us-west-2.amazonaws.com/id/ABC'",
      "https://oidc.example.com/id/ABC?x=1 | issuer URL must not have user info, a query or a fragment, got: 'https://oidc.example.com/id/ABC?x=1'",
  })
  void rejectsBadIssuers(String issuer, String message) {
    assertThatThrownBy(() -> OidcProvider.fromIssuer(issuer, "111122223333"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void rejectsABadAccount() {
    assertThatThrownBy(() -> OidcProvider.fromIssuer("https://oidc.example.com", "1234"))
        .hasMessage("AWS account ID must be 12 digits, got: '1234'");
  }

  @Test
  void rejectsAnArnOfAnotherKind() {
    assertThatThrownBy(() -> OidcProvider.fromArn("arn:aws:iam::111122223333:role/demo"))
        .isInstanceOf(InvalidArnException.class)
        .hasMessageContaining("not an IAM OIDC provider ARN");
  }
}
