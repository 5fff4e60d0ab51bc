package dev.irsa.core.lint.internal;

import dev.irsa.core.catalog.ActionLookup;
import dev.irsa.core.catalog.ServiceCatalog;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.lint.Finding;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.internal.LintContext.Located;
import dev.irsa.core.policy.SizeQuota;
import java.util.List;
import java.util.Map;

/**
 * One run of the linter over one document: the grammar reads the statements it can, with their
 * positions ({@code SourceMap}); then each rule group looks at the positioned model. Not
 * thread-safe; create one per document.
 */
public final class LintRun {
  private final LintContext cx;
  private final SizeQuota quota;
  private final String text;
  private final GrammarRules grammar;
  private final ActionResourceRules actions;
  private final ConditionRules conditions;
  private final TrustRules trust;
  private final SizeRedundancyRules sizeAndRedundancy;

  public LintRun(ServiceCatalog catalog, PolicyKind kind, String audience, SizeQuota quota, String text) {
    this.cx = new LintContext(catalog, kind, audience);
    this.quota = quota;
    this.text = text;
    this.grammar = new GrammarRules(cx);
    this.actions = new ActionResourceRules(cx);
    this.conditions = new ConditionRules(cx);
    this.trust = new TrustRules(cx);
    this.sizeAndRedundancy = new SizeRedundancyRules(cx);
  }

  /** All findings, most severe first, then in document order. */
  public List<Finding> run(JsonNode root) {
    List<Located> statements = grammar.document(root);
    Map<String, String> sids = GrammarRules.sids();
    for (Located l : statements) {
      grammar.duplicateSid(l, sids);
      statement(l);
    }
    sizeAndRedundancy.size(text, quota);
    return cx.findings.sorted();
  }

  private void statement(Located l) {
    grammar.sid(l);
    grammar.principals(l);
    sizeAndRedundancy.redundancy(l);
    conditions.empty(l);
    List<ActionLookup> lookups = actions.actions(l);
    actions.resources(l, lookups);
    conditions.check(l);
    actions.allow(l, lookups);
    if (cx.kind == PolicyKind.TRUST) {
      trust.check(l);
    }
  }
}
