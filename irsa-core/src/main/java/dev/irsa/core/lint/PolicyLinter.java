package dev.irsa.core.lint;

import dev.irsa.core.catalog.ServiceCatalog;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonSyntaxException;
import dev.irsa.core.lint.internal.LintRun;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.SizeQuota;
import dev.irsa.core.trust.OidcProvider;
import java.util.Objects;

/**
 * Checks a policy document before it reaches AWS, in the manner of IAM Access Analyzer's policy
 * validation and parliament: element rules per kind of policy, unknown services and actions (with
 * the nearest real action), actions that no listed resource can match, condition operators and
 * value types, policy variables, size quotas, broad grants, and the mistakes that break or open up
 * IRSA and EKS Pod Identity trust policies.
 *
 * <pre>{@code
 * LintReport r = PolicyLinter.create().lint(json, PolicyKind.IDENTITY);
 * r.hasErrors();
 * r.findings();   // [ERROR UNKNOWN_ACTION $.Statement[0].Action: s3:ListBuckets is not an action of Amazon S3; did you mean s3:ListBucket or s3:ListAllMyBuckets?]
 * }</pre>
 *
 * A well-formed JSON document never raises an exception: a statement IAM would reject becomes an
 * {@link Severity#ERROR} finding with its JSON path, and the other statements are still checked.
 * Instances are immutable and thread-safe.
 */
public final class PolicyLinter {
  private final ServiceCatalog catalog;
  private final String audience;
  private final SizeQuota trustQuota;

  private PolicyLinter(ServiceCatalog catalog, String audience, SizeQuota trustQuota) {
    this.catalog = catalog;
    this.audience = audience;
    this.trustQuota = trustQuota;
  }

  /** A linter with the bundled catalog, audience {@code sts.amazonaws.com} and the default trust quota. */
  public static PolicyLinter create() {
    return new PolicyLinter(ServiceCatalog.aws(), OidcProvider.DEFAULT_AUDIENCE, SizeQuota.TRUST_POLICY);
  }

  /** This linter expecting IRSA tokens with another audience (the {@code eks.amazonaws.com/audience} annotation). */
  public PolicyLinter audience(String audience) {
    Objects.requireNonNull(audience, "audience");
    if (audience.isEmpty()) {
      throw new IllegalArgumentException("audience must not be empty");
    }
    return new PolicyLinter(catalog, audience, trustQuota);
  }

  /** This linter with the trust-policy quota of an account where it was raised. */
  public PolicyLinter trustQuota(SizeQuota quota) {
    return new PolicyLinter(catalog, audience, Objects.requireNonNull(quota, "quota"));
  }

  /** The audience IRSA trust conditions must admit. */
  public String audience() {
    return audience;
  }

  /**
   * Lints JSON text.
   *
   * @throws PolicyParseException only when {@code json} is not JSON at all (with line:column);
   *     any well-formed JSON gives a report
   */
  public LintReport lint(String json, PolicyKind kind) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(kind, "kind");
    JsonNode root;
    try {
      root = JsonParser.parse(json);
    } catch (JsonSyntaxException e) {
      throw new PolicyParseException(e.path(), e.line(), e.column(), e.problem());
    }
    SizeQuota quota = kind == PolicyKind.TRUST ? trustQuota : kind.quota();
    return new LintReport(kind, new LintRun(catalog, kind, audience, quota, json).run(root));
  }

  /** Lints a document through its canonical JSON (paths refer to {@code doc.toJson()}). */
  public LintReport lint(PolicyDocument doc, PolicyKind kind) {
    return lint(doc.toJson(), kind);
  }

  @Override
  public String toString() {
    return "PolicyLinter{audience=" + audience + ", trustQuota=" + trustQuota.limit() + "}";
  }
}
