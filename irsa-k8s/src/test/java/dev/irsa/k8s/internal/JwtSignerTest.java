package dev.irsa.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtSignerTest {
  static final JwtSigner SIGNER = JwtSigner.generate();

  @Test
  void signsRs256ThatVerifiesWithTheKeyRebuiltFromTheJwks() throws Exception {
    // Given a token and the JWKS
    String jwt = SIGNER.sign("{\"sub\":\"x\"}");
    JsonNode.Obj key = (JsonNode.Obj) ((JsonNode.Arr) ((JsonNode.Obj) JsonParser.parse(SIGNER.jwks()))
        .get("keys")).elements().get(0);

    // When a verifier rebuilds the public key from n and e only
    Base64.Decoder d = Base64.getUrlDecoder();
    PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
        new BigInteger(1, d.decode(((JsonNode.Str) key.get("n")).value())),
        new BigInteger(1, d.decode(((JsonNode.Str) key.get("e")).value()))));
    String[] parts = jwt.split("\\.");
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initVerify(pub);
    s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

    // Then the signature verifies, and the header names the algorithm and key
    assertThat(s.verify(d.decode(parts[2]))).isTrue();
    assertThat(new String(d.decode(parts[0]), StandardCharsets.UTF_8))
        .isEqualTo("{\"alg\":\"RS256\",\"kid\":\"" + SIGNER.keyId() + "\",\"typ\":\"JWT\"}");
    assertThat(((JsonNode.Str) key.get("kid")).value()).isEqualTo(SIGNER.keyId());
    assertThat(jwt).doesNotContain("=");
  }

  @Test
  void aTamperedTokenDoesNotVerify() {
    String jwt = SIGNER.sign("{\"sub\":\"x\"}");
    String[] parts = jwt.split("\\.");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"sub\":\"y\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

    assertThat(SIGNER.verify(jwt)).isTrue();
    assertThat(SIGNER.verify(tampered)).isFalse();
    assertThat(JwtSigner.generate().verify(jwt)).isFalse();
  }
}
