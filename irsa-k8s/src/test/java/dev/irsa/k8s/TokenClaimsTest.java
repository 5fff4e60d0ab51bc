package dev.irsa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {
  static String jwt(String payload) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
  }

  @Test
  void decodesAKubernetesServiceAccountToken() {
    String token = jwt("""
        {"aud":["sts.amazonaws.com"],"exp":1764406800,"iat":1764320400,
         "iss":"https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
         "kubernetes.io":{"namespace":"irsa-demo","pod":{"name":"aws-cli","uid":"u1"},
                          "serviceaccount":{"name":"aws-cli","uid":"u2"}},
         "nbf":1764320400,"sub":"system:serviceaccount:irsa-demo:aws-cli"}""");

    TokenClaims c = TokenClaims.decodeUnverified(token);

    assertThat(c.issuer()).isEqualTo("https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE");
    assertThat(c.subject()).isEqualTo("system:serviceaccount:irsa-demo:aws-cli");
    assertThat(c.audiences()).containsExactly("sts.amazonaws.com");
    assertThat(c.expiresAt()).isEqualTo(Instant.ofEpochSecond(1764406800));
    assertThat(c.issuedAt()).contains(Instant.ofEpochSecond(1764320400));
    assertThat(c.namespace()).contains("irsa-demo");
    assertThat(c.serviceAccountName()).contains("aws-cli");
    assertThat(c.podName()).contains("aws-cli");
    assertThat(c.toString()).isEqualTo("TokenClaims{iss=https://oidc.eks.us-west-2.amazonaws.com/id/"
        + "EXAMPLED539D4633E53DE1B71EXAMPLE, sub=system:serviceaccount:irsa-demo:aws-cli, aud=[sts.amazonaws.com], "
        + "exp=2025-11-29T09:00:00Z}");
  }

  @Test
  void audienceMayBeASingleString() {
    TokenClaims c = TokenClaims.decodeUnverified(jwt("{\"iss\":\"i\",\"sub\":\"s\",\"aud\":\"a\",\"exp\":1}"));

    assertThat(c.audiences()).containsExactly("a");
    assertThat(c.issuedAt()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"sub\":\"s\",\"aud\":\"a\",\"exp\":1}|token claim iss: expected a string, got nothing",
      "{\"iss\":\"i\",\"sub\":\"s\",\"aud\":7,\"exp\":1}|token claim aud: expected a string or an array, got number",
      "{\"iss\":\"i\",\"sub\":\"s\",\"aud\":[1],\"exp\":1}|token claim aud: expected strings, got number",
      "{\"iss\":\"i\",\"sub\":\"s\",\"aud\":\"a\",\"exp\":\"soon\"}|token claim exp: expected a number, got string",
      "{\"iss\":\"i\",\"sub\":\"s\",\"aud\":\"a\",\"exp\":1.5}|token claim exp: expected whole seconds, got 1.5",
      "[1]|token is not a JWT: payload is a JSON array, expected an object",
      "not json|token is not a JWT: payload is not JSON",
  })
  void badClaimsAreRejectedWithoutQuotingTheToken(String payload, String message) {
    String token = jwt(payload);

    assertThatThrownBy(() -> TokenClaims.decodeUnverified(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message)
        .message().doesNotContain(token.substring(0, 20));
  }

  @Test
  void notAJwtAtAll() {
    assertThatThrownBy(() -> TokenClaims.decodeUnverified("secret-bearer-token"))
        .hasMessage("token is not a JWT: expected 3 dot-separated parts, got 1");
    assertThatThrownBy(() -> TokenClaims.decodeUnverified("a.!!!.c"))
        .hasMessage("token is not a JWT: payload is not base64url");
  }
}
