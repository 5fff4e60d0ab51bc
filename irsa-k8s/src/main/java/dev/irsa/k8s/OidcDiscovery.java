package dev.irsa.k8s;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonSyntaxException;
import dev.irsa.core.trust.OidcProvider;
import java.util.Objects;

/**
 * The cluster's OIDC discovery document ({@code /.well-known/openid-configuration} on the API
 * server): the issuer that signs service-account tokens and where its keys are.
 */
public record OidcDiscovery(String issuer, String jwksUri) {
  public OidcDiscovery {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
  }

  /**
   * The IAM OIDC provider for this issuer in an account (the role's account).
   *
   * @throws IllegalArgumentException when the issuer is not an https URL or the account not 12 digits
   */
  public OidcProvider oidcProvider(String account) {
    return OidcProvider.fromIssuer(issuer, account);
  }

  /**
   * Reads a discovery document.
   *
   * @throws IllegalArgumentException when it is not JSON or lacks {@code issuer} or {@code jwks_uri}
   */
  public static OidcDiscovery parse(String json) {
    JsonNode root;
    try {
      root = JsonParser.parse(json);
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("OIDC discovery document is not JSON: " + e.getMessage());
    }
    if (!(root instanceof JsonNode.Obj o)) {
      throw new IllegalArgumentException("OIDC discovery document: expected an object, got " + root.kind());
    }
    if (!(o.get("issuer") instanceof JsonNode.Str iss)) {
      throw new IllegalArgumentException("OIDC discovery document: \"issuer\" missing or not a string");
    }
    if (!(o.get("jwks_uri") instanceof JsonNode.Str jwks)) {
      throw new IllegalArgumentException("OIDC discovery document: \"jwks_uri\" missing or not a string");
    }
    return new OidcDiscovery(iss.value(), jwks.value());
  }
}
