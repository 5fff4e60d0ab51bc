package dev.irsa.verify.diff;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.Evaluator;
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
 * <p>A disagreement is attributed to a divergence only when the case exercises it AND, where the
 * peer's rule can be stated as a rewrite of the case, irsa evaluating the rewritten case gives
 * exactly the peer's decision (i.e. the divergence alone accounts for the difference). Divergences
 * that cannot be expressed as a rewrite are checked by a feature test only; they are marked so.
 * A case exercising several divergences is attributed to their combination only when applying all
 * their rewrites (and at most one feature test) accounts for the difference.
 */
final class KnownDivergences {
  /**
   * One documented divergence: either a rewrite of the case into what the peer effectively
   * evaluates, or (when that cannot be stated) a feature test.
   */
  record Divergence(String name, String rule, Rewriter rewriter, Explainer featureTest) {
    Divergence(String name, String rule, Rewriter rewriter) {
      this(name, rule, rewriter, null);
    }

    Divergence(String name, String rule, Explainer featureTest) {
      this(name, rule, null, featureTest);
    }
  }

  interface Explainer {
    boolean explains(String line, CaseCodec.Case c, Decision ours, Decision peer, List<String> peerIgnoredKeys);
  }

  /** The case as the peer effectively evaluates it (the same text when the divergence does not apply). */
  interface Rewriter {
    String rewrite(String line, CaseCodec.Case c, List<String> peerIgnoredKeys);
  }

  private static final java.util.regex.Pattern NEGATED_WITH_VARIABLE =
      java.util.regex.Pattern.compile("\"(ForAllValues:|ForAnyValue:)?(StringNot|ArnNot)[A-Za-z]*\":\\{[^}]*\\$\\{");

  private static final java.util.regex.Pattern NOT_IP =
      java.util.regex.Pattern.compile("\"NotIpAddress(IfExists)?\":\\{\"aws:SourceIp\":(\\[[^]]*]|\"[^\"]*\")");

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
      new Divergence("mixed-date-formats (feature test)",
          "IAM User Guide, Date condition operators: values are ISO 8601 or epoch seconds; the request and the "
              + "policy may use different formats and compare as instants",
          (Explainer) (line, c, ours, peer, ignored) -> line.contains("\"Date") && mixedDates(line)),
      new Divergence("session-principal-vs-session-policy (feature test)",
          "IAM User Guide, policy evaluation logic (session policies): a resource-based policy that names the "
              + "role session ARN is not limited by an implicit deny in the session policy",
          (Explainer) (line, c, ours, peer, ignored) -> ours == Decision.ALLOWED && peer == Decision.IMPLICIT_DENY
              && c.policies().sessionPolicy().isPresent() && c.policies().resourcePolicy().isPresent()
              && c.request().principal().map(p -> line.contains("\"Principal\":{\"AWS\":\"" + p + "\"")
                  || line.contains("\"Principal\":\"*\"") || line.contains("\"AWS\":\"*\"")).orElse(false)),
      new Divergence("unresolved-variable-negated-condition (feature test)",
          "IAM User Guide, policy variables: when a variable has no value, StringEquals/StringLike do not match and the "
              + "negated operators (StringNotEquals, ...) do",
          (Explainer) (line, c, ours, peer, ignored) -> NEGATED_WITH_VARIABLE.matcher(line).find()),
      new Divergence("not-ip-address-other-family (feature test)",
          "IAM User Guide, NotIpAddress: true when the address is not in any listed range; an IPv6 address is in no "
              + "IPv4 range (and the reverse)",
          (Explainer) (line, c, ours, peer, ignored) -> mixedIpFamilies(line, c)));

  private KnownDivergences() {}



  /**
   * The divergence that accounts for a difference, or null. First each divergence alone; then all
   * rewrites together (a case can exercise several), optionally followed by one feature test.
   */
  static Divergence explain(String line, CaseCodec.Case c, Decision ours, Decision peer, List<String> ignored) {
    for (Divergence d : ALL) {
      if (d.rewriter() != null) {
        String r = d.rewriter().rewrite(line, c, ignored);
        if (!r.equals(line) && decide(r) == peer) {
          return d;
        }
      } else if (d.featureTest().explains(line, c, ours, peer, ignored)) {
        return d;
      }
    }
    String combined = line;
    List<String> names = new ArrayList<>();
    for (Divergence d : ALL) {
      if (d.rewriter() != null) {
        String r = d.rewriter().rewrite(combined, CaseCodec.parse(combined), ignored);
        if (!r.equals(combined)) {
          names.add(d.name());
          combined = r;
        }
      }
    }
    if (names.isEmpty()) {
      return null;
    }
    Decision now = decide(combined);
    if (now == peer && names.size() > 1) {
      return new Divergence("combined: " + String.join(" + ", names), "each rule above", (Rewriter) null);
    }
    CaseCodec.Case rc = CaseCodec.parse(combined);
    for (Divergence d : ALL) {
      if (d.featureTest() != null && d.featureTest().explains(combined, rc, now, peer, ignored)) {
        names.add(d.name());
        return new Divergence("combined: " + String.join(" + ", names), "each rule above", (Rewriter) null);
      }
    }
    return null;
  }

  private static Decision decide(String line) {
    CaseCodec.Case r = CaseCodec.parse(line);
    return Evaluator.evaluate(r.policies(), r.request()).decision();
  }

  /** The case with {@code replace} applied to its JSON tree. */
  private static String rewriteText(String line, BiFunction<String, JsonNode, JsonNode> replace) {
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

  private static JsonNode walk(JsonNode node, String key, BiFunction<String, JsonNode, JsonNode> replace) {
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



  /** A NotIpAddress block lists an address of the other family than the request's aws:SourceIp. */
  private static boolean mixedIpFamilies(String line, CaseCodec.Case c) {
    List<String> ip = c.request().values("aws:SourceIp");
    if (ip.size() != 1) {
      return false;
    }
    boolean v6 = ip.get(0).contains(":");
    java.util.regex.Matcher m = NOT_IP.matcher(line);
    while (m.find()) {
      for (String v : m.group(2).replaceAll("[\\[\\]\"]", "").split(",")) {
        if (v.contains(":") != v6) {
          return true;
        }
      }
    }
    return false;
  }

  /** The request has an epoch-seconds date and a policy an ISO date (or the reverse). */
  private static boolean mixedDates(String line) {
    boolean epochInRequest = line.matches(".*\"aws:(CurrentTime|EpochTime|TokenIssueTime)\":\"[0-9]+\".*");
    boolean isoInPolicy = line.matches(".*\"Date[A-Za-z]*\":\\{[^}]*\"[0-9]{4}-[0-9]{2}-[0-9]{2}.*");
    return epochInRequest && isoInPolicy;
  }
}
