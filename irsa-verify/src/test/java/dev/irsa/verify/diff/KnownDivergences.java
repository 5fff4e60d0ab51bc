package dev.irsa.verify.diff;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.eval.internal.CaseCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Where {@code @cloud-copilot/iam-simulate} 0.1.173 and irsa disagree on purpose, each tied to
 * the AWS documentation rule that shows irsa's answer is the documented one.
 *
 * <p>A disagreement is attributed to a divergence only when the case exercises it AND one of:
 * <ul>
 *   <li>the peer's rule can be stated as a rewrite of the case, and irsa evaluating the rewritten
 *       case gives exactly the peer's decision (the divergence alone accounts for the difference);
 *   <li>(peer-checked) the case can be normalized so that it no longer exercises the feature while,
 *       under the documented rule, meaning the same (e.g. both dates in one format): irsa must give
 *       the same decision on the original and the normalized case, AND the peer, run again on the
 *       normalized case, must give that decision too. So a peer-checked divergence can never hide
 *       a decision of irsa that the peer does not confirm on an equivalent case.
 * </ul>
 * A case exercising several divergences is attributed to their combination only when applying all
 * their rewrites (and at most one peer-checked normalization) accounts for the difference.
 */
final class KnownDivergences {
  private static final PolicyEvaluator EVAL = PolicyEvaluator.create();

  /**
   * One documented divergence: a rewrite of the case into what the peer effectively evaluates, or
   * (when {@code peerChecked}) a normalization into an equivalent case without the feature.
   */
  record Divergence(String name, String rule, Rewriter rewriter, boolean peerChecked) {
    Divergence(String name, String rule, Rewriter rewriter) {
      this(name, rule, rewriter, false);
    }
  }

  /**
   * Why a difference is expected: a divergence, or (when {@code candidates} is not empty) any one
   * of the candidates the peer decides as {@code expected}.
   */
  record Explanation(Divergence divergence, List<Candidate> candidates, Decision expected) {
    boolean needsPeer() {
      return !candidates.isEmpty();
    }
  }

  /**
   * A peer-checked normalization of a case (of the case itself, or of the case rewritten the peer's
   * way): irsa decides it {@code expected}, as it decides what was normalized.
   */
  record Candidate(Divergence divergence, String normalized, Decision expected) {}

  /** The case as the peer effectively evaluates it (the same text when the divergence does not apply). */
  interface Rewriter {
    String rewrite(String line, CaseCodec.Case c, List<String> peerIgnoredKeys);
  }

  static final List<Divergence> ALL = List.of(
      new Divergence("oidc-trust-keys-dropped",
          "IAM User Guide, 'Available keys for AWS web identity federation': <issuer>:sub and <issuer>:aud are in the "
              + "AssumeRoleWithWebIdentity request context; EKS IRSA trust policies condition on them",
          rewrite((key, node) -> key.equals("context") ? withoutKeys((JsonNode.Obj) node, k -> !k.startsWith("aws:")
              && (k.endsWith(":sub") || k.endsWith(":aud"))) : null)),
      new Divergence("peer-drops-inapplicable-context-keys",
          "not an IAM rule: irsa's batch mode uses the context exactly as given (issue 4); iam-simulate drops keys the "
              + "Service Authorization Reference does not list for the action (e.g. aws:ResourceTag/* for S3 objects)",
          rewrite((key, node, ignored) -> key.equals("context") && !ignored.isEmpty()
              ? withoutKeys((JsonNode.Obj) node, ignored::contains) : null)),
      new Divergence("wildcard-after-account-segment",
          "IAM User Guide, Resource element: wildcards may be used within any ARN segment, so "
              + "arn:aws:dynamodb:us-east-1:111122223333:*/users matches table/users (iam-simulate never matches a "
              + "resource part that starts with * and goes on)",
          rewrite((key, node) -> key.equals("Resource") || key.equals("NotResource")
              ? mapStrings(node, s -> resourcePartStartsWithStar(s) ? "arn:never:never:never:never:never" : s) : null)),
      new Divergence("notprincipal-role-exempts-sessions",
          "IAM User Guide, NotPrincipal: to exempt a role session from a Deny, the assumed-role session ARN must be "
              + "listed; the role ARN alone does not name its sessions",
          (Rewriter) (line, c, ignored) -> c.request().principal().filter(p -> p.contains(":assumed-role/"))
              .map(session -> rewriteText(line, (key, node) -> key.equals("NotPrincipal") && node instanceof JsonNode.Obj o
                  ? withSessionOfListedRole(o, session) : null)).orElse(line)),
      new Divergence("ip-zero-prefix",
          "IAM User Guide, IpAddress condition operator: CIDR blocks per RFC 4632; 0.0.0.0/0 contains every IPv4 address",
          rewrite((key, node) -> key.equals("aws:SourceIp")
              ? mapStrings(node, s -> s.equals("0.0.0.0/0") ? "255.255.255.255/32" : s) : null)),
      new Divergence("foranyvalue-ifexists-missing-key",
          "IAM User Guide, ...IfExists condition operators: if the key is not present in the request context, the "
              + "condition evaluates to true",
          rewriteOperators(op -> op.startsWith("ForAnyValue:") && op.endsWith("IfExists")
              ? op.substring(0, op.length() - "IfExists".length()) : op)),
      new Divergence("version-2008-variables",
          "IAM User Guide, policy variables: with Version 2008-10-17 (or none) variables are not replaced and are "
              + "treated as literal strings",
          rewrite((key, node) -> key.equals("Version") && node instanceof JsonNode.Str s && s.value().equals("2008-10-17")
              ? new JsonNode.Str(0, 0, "2012-10-17") : null)),
      new Divergence("mixed-date-formats (peer-checked)",
          "IAM User Guide, Date condition operators: values are ISO 8601 or epoch seconds; the request and the "
              + "policy may use different formats and compare as instants",
          Normalizers::datesAsIso, true),
      new Divergence("session-principal-vs-session-policy (peer-checked)",
          "IAM User Guide, policy evaluation logic (session policies): a resource-based policy that names the "
              + "role session ARN is not limited by an implicit deny in the session policy; STS API reference, "
              + "GetFederationToken: permissions a resource-based policy grants the federated user session are granted in "
              + "addition to those of the session policies",
          Normalizers::sessionGrantOnly, true),
      new Divergence("unresolved-variable-negated-condition (peer-checked)",
          "IAM User Guide, policy variables: when a variable has no value, StringEquals/StringLike do not match and the "
              + "negated operators (StringNotEquals, ...) do",
          Normalizers::unresolvedVariablesAsLiterals, true),
      new Divergence("not-ip-address-other-family (peer-checked)",
          "IAM User Guide, NotIpAddress: true when the address is not in any listed range; an IPv6 address is in no "
              + "IPv4 range (and the reverse)",
          Normalizers::otherIpFamilyAsSameFamily, true),
      new Divergence("notprincipal-account-exempts-members (peer-checked)",
          "IAM User Guide, NotPrincipal: list the account, the role and the session ARN, since AWS may check each in "
              + "turn; an account entry keeps only the account principal itself from being denied, not its users, "
              + "roles and sessions",
          Normalizers::accountNotPrincipalAsOtherAccount, true),
      new Divergence("user-arn-names-federated-session (peer-checked)",
          "IAM User Guide, Permissions for GetFederationToken: a resource-based policy grants a federated user session "
              + "permissions when it explicitly names the AWS STS federated user session "
              + "(arn:aws:sts::111122223333:federated-user/bob) in the Principal element; the IAM user's ARN names the user",
          Normalizers::userArnAsOtherUser, true),
      new Divergence("federated-user-without-session-policy (peer-checked)",
          "IAM User Guide, Permissions for GetFederationToken: if you do not pass a policy with the GetFederationToken "
              + "call, the resulting temporary security credentials have no permissions (a resource-based policy naming "
              + "the session can still grant)",
          Normalizers::federatedUserWithoutIdentityAllows, true));

  private KnownDivergences() {}



  /**
   * What accounts for a difference, or null. First each divergence alone; then all rewrites
   * together (a case can exercise several), optionally followed by one peer-checked normalization.
   */
  static Explanation explain(String line, CaseCodec.Case c, Decision ours, Decision peer, List<String> ignored) {
    for (Divergence d : ALL) {
      if (!d.peerChecked()) {
        String r = d.rewriter().rewrite(line, c, ignored);
        if (!r.equals(line) && decide(r) == peer) {
          return new Explanation(d, List.of(), null);
        }
      }
    }
    Explanation normalized = normalized(line, List.of(), ours, ignored);
    String combined = line;
    List<String> names = new ArrayList<>();
    for (Divergence d : ALL) {
      if (!d.peerChecked()) {
        String r = d.rewriter().rewrite(combined, CaseCodec.parse(combined), ignored);
        if (!r.equals(combined)) {
          names.add(d.name());
          combined = r;
        }
      }
    }
    if (names.isEmpty()) {
      return normalized;
    }
    Decision now = decide(combined);
    if (now == peer && names.size() > 1) {
      return new Explanation(new Divergence("combined: " + String.join(" + ", names), "each rule above", null), List.of(), null);
    }
    Explanation afterRewrites = normalized(combined, names, now, ignored);
    if (normalized == null || afterRewrites == null) {
      return normalized == null ? afterRewrites : normalized;
    }
    List<Candidate> both = new ArrayList<>(normalized.candidates());
    both.addAll(afterRewrites.candidates());
    return new Explanation(null, both, normalized.expected());
  }

  /**
   * Every set of peer-checked normalizations that, applied to {@code line}, leaves irsa's decision
   * at {@code expected}, largest sets first; null when there is none. The peer must then decide
   * one of them as {@code expected}. (The session normalization keeps only the resource policy's
   * grant, so it has to be left out when the grant comes from the identity side.)
   */
  private static Explanation normalized(String line, List<String> rewrites, Decision expected, List<String> ignored) {
    CaseCodec.Case parsed = CaseCodec.parse(line);
    // only the normalizations that change the case by themselves (keeps the 2^n combinations small)
    List<Divergence> checked = ALL.stream().filter(Divergence::peerChecked)
        .filter(d -> !d.rewriter().rewrite(line, parsed, ignored).equals(line)).toList();
    List<Integer> masks = new ArrayList<>();
    for (int m = (1 << checked.size()) - 1; m > 0; m--) {
      masks.add(m);
    }
    masks.sort((x, y) -> Integer.bitCount(y) - Integer.bitCount(x));
    List<Candidate> candidates = new ArrayList<>();
    for (int mask : masks) {
      List<String> names = new ArrayList<>(rewrites);
      Divergence single = null;
      String n = line;
      boolean each = true;
      for (int i = 0; i < checked.size() && each; i++) {
        if ((mask & (1 << i)) != 0) {
          Divergence d = checked.get(i);
          String r = d.rewriter().rewrite(n, CaseCodec.parse(n), ignored);
          each = !r.equals(n);
          names.add(d.name());
          single = d;
          n = r;
        }
      }
      if (each && decide(n) == expected) {
        Divergence d = names.size() == 1 ? single
            : new Divergence("combined: " + String.join(" + ", names), "each rule above", null, true);
        candidates.add(new Candidate(d, n, expected));
      }
    }
    return candidates.isEmpty() ? null : new Explanation(null, candidates, expected);
  }

  static Decision decide(String line) {
    CaseCodec.Case r = CaseCodec.parse(line);
    return EVAL.evaluate(r.policies(), r.request()).decision();
  }

  /** The case with {@code replace} applied to its JSON tree. */
  static String rewriteText(String line, BiFunction<String, JsonNode, JsonNode> replace) {
    JsonNode root = JsonParser.parse(line);
    String text = JsonWriter.write(walk(root, "", replace), false);
    return text.equals(JsonWriter.write(root, false)) ? line : text;
  }

  /** Adds {@code session} to a NotPrincipal's AWS list when the list names the session's role. */
  private static JsonNode withSessionOfListedRole(JsonNode.Obj notPrincipal, String session) {
    String[] s = session.split(":", 6);
    String role = s[5].split("/")[1];
    JsonNode aws = notPrincipal.get("AWS");
    List<JsonNode> ids = new ArrayList<>();
    if (aws instanceof JsonNode.Str str) {
      ids.add(str);
    } else if (aws instanceof JsonNode.Arr arr) {
      ids.addAll(arr.elements());
    } else {
      return null;
    }
    boolean names = false;
    for (JsonNode id : ids) {
      String v = ((JsonNode.Str) id).value();
      names |= v.startsWith("arn:" + s[1] + ":iam::" + s[4] + ":role/") && v.endsWith("/" + role);
    }
    if (!names) {
      return null;
    }
    ids.add(new JsonNode.Str(0, 0, session));
    LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>(notPrincipal.members());
    out.put("AWS", new JsonNode.Arr(0, 0, ids));
    return new JsonNode.Obj(0, 0, out);
  }

  private static Rewriter rewrite(BiFunction<String, JsonNode, JsonNode> replace) {
    return rewrite((key, node, ignored) -> replace.apply(key, node));
  }

  interface Rewrite {
    JsonNode apply(String key, JsonNode node, List<String> peerIgnoredKeys);
  }

  private static Rewriter rewrite(Rewrite replace) {
    return (line, c, ignored) -> rewriteText(line, (key, node) -> replace.apply(key, node, ignored));
  }

  /** Rewrites condition operator names. */
  private static Rewriter rewriteOperators(java.util.function.UnaryOperator<String> rename) {
    return rewrite((key, node) -> {
      if (!key.equals("Condition") || !(node instanceof JsonNode.Obj o)) {
        return null;
      }
      LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>();
      o.members().forEach((k, v) -> out.put(rename.apply(k), v));
      return new JsonNode.Obj(0, 0, out);
    });
  }

  static JsonNode walk(JsonNode node, String key, BiFunction<String, JsonNode, JsonNode> replace) {
    JsonNode r = replace.apply(key, node);
    if (r != null) {
      return r;
    }
    if (node instanceof JsonNode.Obj o) {
      LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>();
      o.members().forEach((k, v) -> out.put(k, walk(v, k, replace)));
      return new JsonNode.Obj(o.line(), o.column(), out);
    }
    if (node instanceof JsonNode.Arr a) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode e : a.elements()) {
        out.add(walk(e, key, replace));
      }
      return new JsonNode.Arr(a.line(), a.column(), out);
    }
    return node;
  }

  private static JsonNode mapStrings(JsonNode node, java.util.function.UnaryOperator<String> f) {
    if (node instanceof JsonNode.Str s) {
      return new JsonNode.Str(s.line(), s.column(), f.apply(s.value()));
    }
    if (node instanceof JsonNode.Arr a) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode e : a.elements()) {
        out.add(mapStrings(e, f));
      }
      return new JsonNode.Arr(a.line(), a.column(), out);
    }
    return node;
  }

  private static JsonNode withoutKeys(JsonNode.Obj o, java.util.function.Predicate<String> drop) {
    LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : o.members().entrySet()) {
      if (!drop.test(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return new JsonNode.Obj(o.line(), o.column(), out);
  }

  private static boolean resourcePartStartsWithStar(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") && parts[5].startsWith("*") && parts[5].length() > 1;
  }
}
