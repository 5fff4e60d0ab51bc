package dev.irsa.k8s;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of a service-account token (a JWT), decoded <em>without verifying the signature</em>:
 * good for showing what a token says (issuer, subject, audience, expiry), never for trusting it.
 *
 * <pre>{@code
 * TokenClaims c = TokenClaims.decodeUnverified(jwt);
 * c.subject();    // "system:serviceaccount:payments:api"
 * c.audiences();  // ["sts.amazonaws.com"]
 * }</pre>
 */
public final class TokenClaims {
  private final String issuer;
  private final String subject;
  private final List<String> audiences;
  private final Instant expiresAt;
  private final Instant issuedAt;
  private final String namespace;
  private final String serviceAccountName;
  private final String podName;

  private TokenClaims(String issuer, String subject, List<String> audiences, Instant expiresAt, Instant issuedAt,
      String namespace, String serviceAccountName, String podName) {
    this.issuer = issuer;
    this.subject = subject;
    this.audiences = List.copyOf(audiences);
    this.expiresAt = expiresAt;
    this.issuedAt = issuedAt;
    this.namespace = namespace;
    this.serviceAccountName = serviceAccountName;
    this.podName = podName;
  }

  /**
   * Decodes a JWT's payload. The signature is not checked.
   *
   * @throws IllegalArgumentException when the text is not a JWT with a JSON object payload, or
   *     {@code iss}, {@code sub}, {@code aud} or {@code exp} is missing or of the wrong type; the
   *     message never contains the token
   */
  public static TokenClaims decodeUnverified(String jwt) {
    Objects.requireNonNull(jwt, "jwt");
    String[] parts = jwt.trim().split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("token is not a JWT: expected 3 dot-separated parts, got " + parts.length);
    }
    String payload;
    try {
      payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("token is not a JWT: payload is not base64url");
    }
    JsonNode root;
    try {
      root = JsonParser.parse(payload);
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("token is not a JWT: payload is not JSON");
    }
    if (!(root instanceof JsonNode.Obj o)) {
      throw new IllegalArgumentException("token is not a JWT: payload is a JSON " + root.kind() + ", expected an object");
    }
    String iss = string(o, "iss");
    String sub = string(o, "sub");
    List<String> aud = new ArrayList<>();
    JsonNode a = o.get("aud");
    if (a instanceof JsonNode.Str s) {
      aud.add(s.value());
    } else if (a instanceof JsonNode.Arr arr) {
      for (JsonNode e : arr.elements()) {
        if (!(e instanceof JsonNode.Str s)) {
          throw new IllegalArgumentException("token claim aud: expected strings, got " + e.kind());
        }
        aud.add(s.value());
      }
    } else {
      throw new IllegalArgumentException("token claim aud: expected a string or an array, got "
          + (a == null ? "nothing" : a.kind()));
    }
    Instant exp = epoch(o, "exp", true);
    Instant iat = epoch(o, "iat", false);
    String ns = null;
    String sa = null;
    String pod = null;
    if (o.get("kubernetes.io") instanceof JsonNode.Obj k) {
      ns = k.get("namespace") instanceof JsonNode.Str s ? s.value() : null;
      if (k.get("serviceaccount") instanceof JsonNode.Obj so && so.get("name") instanceof JsonNode.Str s) {
        sa = s.value();
      }
      if (k.get("pod") instanceof JsonNode.Obj po && po.get("name") instanceof JsonNode.Str s) {
        pod = s.value();
      }
    }
    return new TokenClaims(iss, sub, aud, exp, iat, ns, sa, pod);
  }

  private static String string(JsonNode.Obj o, String name) {
    JsonNode n = o.get(name);
    if (n instanceof JsonNode.Str s) {
      return s.value();
    }
    throw new IllegalArgumentException("token claim " + name + ": expected a string, got " + (n == null ? "nothing" : n.kind()));
  }

  private static Instant epoch(JsonNode.Obj o, String name, boolean required) {
    JsonNode n = o.get(name);
    if (n == null && !required) {
      return null;
    }
    if (n instanceof JsonNode.Num num) {
      try {
        return Instant.ofEpochSecond(new java.math.BigDecimal(num.text()).longValueExact());
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("token claim " + name + ": expected whole seconds, got " + num.text());
      }
    }
    throw new IllegalArgumentException("token claim " + name + ": expected a number, got " + (n == null ? "nothing" : n.kind()));
  }

  /** {@code iss}: the cluster's OIDC issuer URL. */
  public String issuer() {
    return issuer;
  }

  /** {@code sub}: {@code system:serviceaccount:<namespace>:<name>}. */
  public String subject() {
    return subject;
  }

  /** {@code aud}, always as a list. */
  public List<String> audiences() {
    return audiences;
  }

  /** {@code exp}. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** {@code iat}, when present. */
  public Optional<Instant> issuedAt() {
    return Optional.ofNullable(issuedAt);
  }

  /** {@code kubernetes.io.namespace}, when present. */
  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /** {@code kubernetes.io.serviceaccount.name}, when present. */
  public Optional<String> serviceAccountName() {
    return Optional.ofNullable(serviceAccountName);
  }

  /** {@code kubernetes.io.pod.name} for pod-bound tokens. */
  public Optional<String> podName() {
    return Optional.ofNullable(podName);
  }

  @Override
  public String toString() {
    return "TokenClaims{iss=" + issuer + ", sub=" + subject + ", aud=" + audiences + ", exp=" + expiresAt + "}";
  }
}
