package dev.irsa.k8s.internal;

import dev.irsa.core.internal.json.JsonWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * RS256 JSON Web Tokens and the matching JWKS with only the JDK: a locally generated 2048-bit RSA
 * key, {@code SHA256withRSA}, base64url without padding.
 */
public final class JwtSigner {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final String keyId;

  private JwtSigner(KeyPair keys) {
    this.keys = keys;
    this.keyId = keyId((RSAPublicKey) keys.getPublic());
  }

  /** A signer with a fresh RSA key. */
  public static JwtSigner generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return new JwtSigner(g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA key: " + e.getMessage(), e);
    }
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) keys.getPublic();
  }

  /** The {@code kid}: base64url of the SHA-256 of the public key's DER encoding. */
  public String keyId() {
    return keyId;
  }

  /** Signs a JSON object text as the JWT payload. */
  public String sign(String payloadJson) {
    String header = new JsonWriter(false).beginObject().name("alg").value("RS256").name("kid").value(keyId)
        .name("typ").value("JWT").endObject().toString();
    String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payloadJson.getBytes(StandardCharsets.UTF_8));
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(keys.getPrivate());
      s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
    }
  }

  /** True when the JWT's RS256 signature verifies with this signer's public key. */
  public boolean verify(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(keys.getPublic());
      s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code {"keys":[{"kty":"RSA","alg":"RS256","use":"sig","kid":...,"n":...,"e":...}]}}. */
  public String jwks() {
    RSAPublicKey k = publicKey();
    return new JsonWriter(false).beginObject().name("keys").beginArray().beginObject()
        .name("use").value("sig").name("kty").value("RSA").name("kid").value(keyId).name("alg").value("RS256")
        .name("n").value(b64(unsigned(k.getModulus()))).name("e").value(b64(unsigned(k.getPublicExponent())))
        .endObject().endArray().endObject().toString();
  }

  private static byte[] unsigned(BigInteger i) {
    byte[] b = i.toByteArray();
    return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
  }

  private static String keyId(RSAPublicKey k) {
    try {
      return b64(MessageDigest.getInstance("SHA-256").digest(k.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] b) {
    return B64.encodeToString(b);
  }
}
