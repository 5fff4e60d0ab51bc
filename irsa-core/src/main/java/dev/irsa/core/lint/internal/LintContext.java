package dev.irsa.core.lint.internal;

import dev.irsa.core.catalog.ServiceCatalog;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.policy.internal.SourceMap.StatementSpan;
import java.util.Locale;

/** What every rule of one run shares: the catalog, the kind of policy, the audience and the findings. */
final class LintContext {
  final ServiceCatalog catalog;
  final PolicyKind kind;
  final String audience;
  final Findings findings = new Findings();
  /** True under Version 2012-10-17, where policy variables are substituted. */
  boolean variablesSubstituted;

  LintContext(ServiceCatalog catalog, PolicyKind kind, String audience) {
    this.catalog = catalog;
    this.kind = kind;
    this.audience = audience;
  }

  /** An OIDC condition key: {@code <issuer host and path>:<claim>}, the host part containing a dot. */
  boolean isOidcKey(String key) {
    int colon = key.lastIndexOf(':');
    if (colon <= 0) {
      return false;
    }
    String prefix = key.substring(0, colon);
    return prefix.contains(".") && !prefix.toLowerCase(Locale.ROOT).startsWith("aws")
        && catalog.conditionKey(key).isEmpty();
  }

  /** A statement that parsed, with the positions of its parts. */
  record Located(Statement statement, StatementSpan at) {
    /** The statement's JSON path. */
    String path() {
      return at.self().path();
    }
  }
}
