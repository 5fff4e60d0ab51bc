package dev.irsa.core.lint.internal;

import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.internal.LintContext.Located;
import dev.irsa.core.policy.PolicySize;
import dev.irsa.core.policy.SizeQuota;
import dev.irsa.core.policy.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The size quota of the kind, and Action/Resource entries listed twice or already covered by a
 * wildcard entry of the same statement. Near-linear: duplicates through a hash map, coverage only
 * against the wildcard entries whose literal prefix and suffix the value has ({@link WildcardIndex}).
 */
final class SizeRedundancyRules {
  private final LintContext cx;
  private final Findings out;
  private long globCalls;

  SizeRedundancyRules(LintContext cx) {
    this.cx = cx;
    this.out = cx.findings;
  }

  /** Over-quota documents (characters without whitespace, as IAM counts them). */
  void size(String text, SizeQuota quota) {
    int size = PolicySize.count(text);
    if (size > quota.limit()) {
      out.add(FindingCode.POLICY_SIZE_EXCEEDS_QUOTA, "$", "the policy has " + size + " characters (whitespace not"
          + " counted); a " + quota.policyKind() + " allows " + quota.limit() + " (" + quota.quotaName()
          + "): split it or remove redundant statements");
    }
  }

  /** Redundant actions and resources of one statement. */
  void redundancy(Located l) {
    Statement s = l.statement();
    redundant(s.actions(), l, "Action", true, FindingCode.REDUNDANT_ACTION);
    redundant(s.resources(), l, "Resource", false, FindingCode.REDUNDANT_RESOURCE);
  }

  /** Glob runs so far (for tests: the count stays near-linear in the list length). */
  long globCalls() {
    return globCalls;
  }

  /**
   * For each value: its first earlier duplicate or the first wildcard entry covering it, whichever
   * comes first in the list (values with policy variables take no part).
   */
  private void redundant(List<String> values, Located l, String element, boolean ignoreCase, FindingCode code) {
    Map<String, Integer> first = new HashMap<>();
    WildcardIndex wildcards = new WildcardIndex(ignoreCase);
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (!v.contains("${") && first.putIfAbsent(key(v, ignoreCase), i) == null && Glob.hasWildcard(v)) {
        wildcards.add(v, i);
      }
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v.contains("${")) {
        continue;
      }
      int earlier = first.get(key(v, ignoreCase));
      int duplicate = earlier < i ? earlier : -1;
      int cover = Glob.hasWildcard(v) ? -1 : wildcards.firstMatch(v, duplicate >= 0 ? duplicate : values.size());
      String path = l.at().value(element, i).path();
      if (cover >= 0) {
        out.add(code, path, "\"" + v + "\" is already covered by \"" + values.get(cover) + "\": remove it");
      } else if (duplicate >= 0) {
        out.add(code, path, "\"" + v + "\" is listed twice in " + element + ": remove one");
      }
    }
    globCalls += wildcards.globCalls();
  }

  /** Equal keys exactly when {@link String#equalsIgnoreCase} (or equals) holds. */
  private static String key(String v, boolean ignoreCase) {
    if (!ignoreCase) {
      return v;
    }
    char[] c = v.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(Character.toUpperCase(c[i]));
    }
    return new String(c);
  }
}
