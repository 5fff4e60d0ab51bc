package dev.irsa.core;

import dev.irsa.core.catalog.ServiceCatalog;
import dev.irsa.core.lint.LintReport;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.PolicyLinter;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.PodIdentityTrust;
import dev.irsa.core.trust.ServiceAccountRef;

/**
 * The front door of irsa-core, for static import and JShell:
 *
 * <pre>{@code
 * import static dev.irsa.core.Irsa.*;
 *
 * var cluster = oidcProvider("https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE", "111122223333");
 * var trust = irsaTrust().serviceAccount(cluster, serviceAccount("payments", "api")).build();
 * var policy = permissions().s3Read("my-bucket").build();
 * System.out.println(trust.toJson(JsonFormat.PRETTY));
 * }</pre>
 */
public final class Irsa {
  private Irsa() {}

  /** Reads a policy document; see {@link PolicyDocument#fromJson(String)}. */
  public static PolicyDocument policy(String json) {
    return PolicyDocument.fromJson(json);
  }

  /** An empty policy builder (Version 2012-10-17). */
  public static PolicyDocument.Builder policy() {
    return PolicyDocument.builder();
  }

  /** An empty statement builder. */
  public static Statement.Builder statement() {
    return Statement.builder();
  }

  /** Least-privilege presets for S3 and DynamoDB. */
  public static Permissions.Builder permissions() {
    return Permissions.builder();
  }

  /** An IRSA trust policy builder. */
  public static IrsaTrust.Builder irsaTrust() {
    return IrsaTrust.builder();
  }

  /** An EKS Pod Identity trust policy builder. */
  public static PodIdentityTrust.Builder podIdentityTrust() {
    return PodIdentityTrust.builder();
  }

  /** A service account; see {@link ServiceAccountRef#of(String, String)}. */
  public static ServiceAccountRef serviceAccount(String namespace, String name) {
    return ServiceAccountRef.of(namespace, name);
  }

  /** A cluster's OIDC provider; see {@link OidcProvider#fromIssuer(String, String)}. */
  public static OidcProvider oidcProvider(String issuerUrl, String account) {
    return OidcProvider.fromIssuer(issuerUrl, account);
  }

  /** The bundled AWS service authorization catalog (actions, resource types, condition keys). */
  public static ServiceCatalog catalog() {
    return ServiceCatalog.aws();
  }

  /**
   * Lints a policy document: {@code lint(json, PolicyKind.TRUST).findings()}.
   *
   * @throws dev.irsa.core.policy.PolicyParseException only when {@code json} is not JSON
   */
  public static LintReport lint(String json, PolicyKind kind) {
    return PolicyLinter.create().lint(json, kind);
  }

  /** Lints a document through its canonical JSON. */
  public static LintReport lint(PolicyDocument doc, PolicyKind kind) {
    return PolicyLinter.create().lint(doc, kind);
  }
}
