package dev.irsa.verify.diff;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.verify.eval.internal.CaseCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalizations of the peer-checked {@link KnownDivergences}: each turns a case into one that
 * means the same under the documented AWS rule but no longer exercises the feature the peer gets
 * wrong. Each returns the line unchanged when the case does not exercise the feature.
 */
final class Normalizers {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern EPOCH = Pattern.compile("[0-9]{1,12}");
  static final String UNRESOLVED = "irsa-unresolved-variable";
  private static final List<String> POLICY_FIELDS = List.of("identityPolicies", "resourcePolicy",
      "permissionBoundaries", "sessionPolicy", "scps", "rcps");

  private Normalizers() {}

  /** Epoch-seconds values of Date conditions and of the request keys they test, written as ISO 8601 instants. */
  static String datesAsIso(String line, CaseCodec.Case c, List<String> ignored) {
    Set<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    KnownDivergences.walk(JsonParser.parse(line), "", (key, node) -> {
      if (key.equals("Condition") && node instanceof JsonNode.Obj o) {
        o.members().forEach((op, block) -> {
          if (baseOperator(op).startsWith("Date") && block instanceof JsonNode.Obj b) {
            keys.addAll(b.members().keySet());
          }
        });
      }
      return null;
    });
    if (keys.isEmpty()) {
      return line;
    }
    return KnownDivergences.rewriteText(line, (key, node) -> {
      if (key.equals("context") && node instanceof JsonNode.Obj ctx) {
        return mapMembers(ctx, (k, v) -> keys.contains(k) ? strings(v, Normalizers::iso) : v);
      }
      if (key.equals("Condition") && node instanceof JsonNode.Obj o) {
        return mapMembers(o, (op, block) -> baseOperator(op).startsWith("Date") && block instanceof JsonNode.Obj b
            ? mapMembers(b, (k, v) -> strings(v, Normalizers::iso)) : block);
      }
      return null;
    });
  }

  /**
   * The session policy reduced to its Deny statements plus an Allow of everything, the identity
   * policies to their Deny statements, and the resource policy to its Deny statements and the
   * Allow statements whose Principal names the request's session directly (its ARN or {@code *}),
   * with that Principal narrowed to {@code {"AWS": session}}: when irsa and the peer both allow
   * that, the grant comes from a resource policy naming the session, which the documented rule
   * says a session policy's implicit deny does not limit.
   */
  static String sessionGrantOnly(String line, CaseCodec.Case c, List<String> ignored) {
    String session = c.request().principal().orElse("");
    boolean sessionCaller = session.contains(":assumed-role/") || session.contains(":federated-user/");
    if (!sessionCaller || c.policies().sessionPolicy().isEmpty()
        || c.policies().resourcePolicy().isEmpty()) {
      return line;
    }
    JsonNode.Obj root = (JsonNode.Obj) JsonParser.parse(line);
    LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>(root.members());
    JsonNode.Obj sessionPolicy = (JsonNode.Obj) root.get("sessionPolicy");
    List<JsonNode> sessionStatements = new ArrayList<>(statements(sessionPolicy, s -> isDeny(s)));
    LinkedHashMap<String, JsonNode> allowAll = new LinkedHashMap<>();
    allowAll.put("Effect", str("Allow"));
    allowAll.put("Action", str("*"));
    allowAll.put("Resource", str("*"));
    sessionStatements.add(new JsonNode.Obj(0, 0, allowAll));
    out.put("sessionPolicy", withStatements(sessionPolicy, sessionStatements));
    JsonNode.Obj resource = (JsonNode.Obj) root.get("resourcePolicy");
    List<JsonNode> resourceStatements = new ArrayList<>();
    for (JsonNode st : statements(resource, s -> isDeny(s) || namesDirectly(s.get("Principal"), session))) {
      JsonNode.Obj o = (JsonNode.Obj) st;
      if (isDeny(o)) {
        resourceStatements.add(o);
      } else {
        LinkedHashMap<String, JsonNode> narrowed = new LinkedHashMap<>(o.members());
        LinkedHashMap<String, JsonNode> principal = new LinkedHashMap<>();
        principal.put("AWS", str(session));
        narrowed.put("Principal", new JsonNode.Obj(0, 0, principal));
        resourceStatements.add(new JsonNode.Obj(0, 0, narrowed));
      }
    }
    if (resourceStatements.isEmpty()) {
      out.remove("resourcePolicy");
    } else {
      out.put("resourcePolicy", withStatements(resource, resourceStatements));
    }
    if (root.get("identityPolicies") instanceof JsonNode.Arr identities) {
      List<JsonNode> kept = new ArrayList<>();
      for (JsonNode p : identities.elements()) {
        List<JsonNode> denies = statements((JsonNode.Obj) p, Normalizers::isDeny);
        if (!denies.isEmpty()) {
          kept.add(withStatements((JsonNode.Obj) p, denies));
        }
      }
      out.put("identityPolicies", new JsonNode.Arr(0, 0, kept));
    }
    String text = JsonWriter.write(new JsonNode.Obj(0, 0, out), false);
    return text.equals(JsonWriter.write(root, false)) ? line : text;
  }

  /**
   * In Version 2012-10-17 policies, a condition value whose variables have no value in the request
   * (and no default) replaced by a literal no request holds; a missing variable with a default
   * replaced by the default.
   */
  static String unresolvedVariablesAsLiterals(String line, CaseCodec.Case c, List<String> ignored) {
    return mapPolicies(line, policy -> {
      if (!(policy instanceof JsonNode.Obj po) || !(po.get("Version") instanceof JsonNode.Str v) || !v.value().equals("2012-10-17")) {
        return policy;
      }
      return KnownDivergences.walk(policy, "", (key, node) -> key.equals("Condition") && node instanceof JsonNode.Obj o
          ? mapMembers(o, (op, block) -> block instanceof JsonNode.Obj b
              ? mapMembers(b, (k, values) -> strings(values, s -> withoutUnresolved(s, c))) : block)
          : null);
    });
  }

  /**
   * In IpAddress/NotIpAddress conditions on aws:SourceIp, each range of the other address family
   * than the request's replaced by a range of the request's family that does not contain it.
   */
  static String otherIpFamilyAsSameFamily(String line, CaseCodec.Case c, List<String> ignored) {
    List<String> ip = c.request().values("aws:SourceIp");
    if (ip.size() != 1) {
      return line;
    }
    String address = ip.get(0);
    boolean v6 = address.contains(":");
    String stand = v6 ? (address.equals("2001:db8:ffff::1") ? "2001:db8:fffe::1/128" : "2001:db8:ffff::1/128")
        : (address.equals("192.0.2.255") ? "198.51.100.255/32" : "192.0.2.255/32");
    return KnownDivergences.rewriteText(line, (key, node) -> key.equals("Condition") && node instanceof JsonNode.Obj o
        ? mapMembers(o, (op, block) -> baseOperator(op).contains("IpAddress") && block instanceof JsonNode.Obj b
            ? mapMembers(b, (k, v) -> k.equalsIgnoreCase("aws:SourceIp")
                ? strings(v, range -> range.contains(":") != v6 ? stand : range) : v)
            : block)
        : null);
  }

  /**
   * In NotPrincipal elements, an entry naming the caller's account ({@code "111122223333"} or
   * {@code arn:aws:iam::111122223333:root}) replaced by the same entry for an account no case uses,
   * when the caller is not that account's root: under the documented rule an account entry only
   * keeps the account principal itself from being denied, so for any other caller it means what an
   * entry for an unrelated account means.
   */
  static String accountNotPrincipalAsOtherAccount(String line, CaseCodec.Case c, List<String> ignored) {
    String caller = c.request().principal().orElse("");
    String[] parts = caller.split(":", 6);
    if (parts.length < 6 || parts[4].isEmpty() || parts[5].equals("root")) {
      return line;
    }
    String account = parts[4];
    String other = "999999999999";
    return KnownDivergences.rewriteText(line, (key, node) -> key.equals("NotPrincipal") && node instanceof JsonNode.Obj o
        ? mapMembers(o, (type, ids) -> type.equals("AWS") ? strings(ids, id -> id.equals(account) ? other
            : id.equals("arn:" + parts[1] + ":iam::" + account + ":root") ? "arn:" + parts[1] + ":iam::" + other + ":root"
            : id) : ids)
        : null);
  }

  /**
   * For a federated user session (GetFederationToken) without a session policy: the identity
   * policies reduced to their Deny statements. Under the documented rule such a session gets no
   * permissions from the user's identity policies (only their Denies still apply), so the case means
   * the same without their Allow statements.
   */
  static String federatedUserWithoutIdentityAllows(String line, CaseCodec.Case c, List<String> ignored) {
    if (!c.request().principal().orElse("").contains(":federated-user/") || c.policies().sessionPolicy().isPresent()) {
      return line;
    }
    JsonNode.Obj root = (JsonNode.Obj) JsonParser.parse(line);
    if (!(root.get("identityPolicies") instanceof JsonNode.Arr identities)) {
      return line;
    }
    List<JsonNode> kept = new ArrayList<>();
    for (JsonNode p : identities.elements()) {
      List<JsonNode> denies = statements((JsonNode.Obj) p, Normalizers::isDeny);
      if (!denies.isEmpty()) {
        kept.add(withStatements((JsonNode.Obj) p, denies));
      }
    }
    LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>(root.members());
    out.put("identityPolicies", new JsonNode.Arr(0, 0, kept));
    String text = JsonWriter.write(new JsonNode.Obj(0, 0, out), false);
    return text.equals(JsonWriter.write(root, false)) ? line : text;
  }

  /**
   * For a federated user session {@code arn:aws:sts::A:federated-user/N}: the IAM user ARN
   * {@code arn:aws:iam::A:user/N} in Principal and NotPrincipal elements replaced by another user's
   * ARN. Under the documented rule neither names the session, so the case means the same.
   */
  static String userArnAsOtherUser(String line, CaseCodec.Case c, List<String> ignored) {
    String caller = c.request().principal().orElse("");
    String[] parts = caller.split(":", 6);
    if (parts.length < 6 || !parts[5].startsWith("federated-user/")) {
      return line;
    }
    String user = "arn:" + parts[1] + ":iam::" + parts[4] + ":user/" + parts[5].substring("federated-user/".length());
    return KnownDivergences.rewriteText(line, (key, node) -> (key.equals("Principal") || key.equals("NotPrincipal"))
        && node instanceof JsonNode.Obj o
        ? mapMembers(o, (type, ids) -> type.equals("AWS") ? strings(ids, id -> id.equals(user) ? user + "-other" : id) : ids)
        : null);
  }

  private static String withoutUnresolved(String value, CaseCodec.Case c) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    boolean unresolved = false;
    while (m.find()) {
      String body = m.group(1);
      if (body.equals("*") || body.equals("?") || body.equals("$")) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      int comma = body.indexOf(',');
      String key = (comma < 0 ? body : body.substring(0, comma)).trim();
      if (!c.request().values(key).isEmpty()) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
      } else if (comma >= 0) {
        String dflt = body.substring(comma + 1).trim();
        if (dflt.length() >= 2 && dflt.startsWith("'") && dflt.endsWith("'")) {
          dflt = dflt.substring(1, dflt.length() - 1);
        }
        m.appendReplacement(out, Matcher.quoteReplacement(dflt));
      } else {
        unresolved = true;
      }
    }
    if (unresolved) {
      return UNRESOLVED;
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String iso(String v) {
    return EPOCH.matcher(v).matches() ? Instant.ofEpochSecond(Long.parseLong(v)).toString() : v;
  }

  private static String baseOperator(String op) {
    String o = op;
    int colon = o.indexOf(':');
    if (colon >= 0) {
      o = o.substring(colon + 1);
    }
    return o.endsWith("IfExists") ? o.substring(0, o.length() - "IfExists".length()) : o;
  }

  private static boolean isDeny(JsonNode.Obj statement) {
    return statement.get("Effect") instanceof JsonNode.Str e && e.value().equals("Deny");
  }

  /** The Principal is {@code "*"} or lists {@code "*"} or {@code session} under AWS. */
  private static boolean namesDirectly(JsonNode principal, String session) {
    if (principal instanceof JsonNode.Str s) {
      return s.value().equals("*");
    }
    if (!(principal instanceof JsonNode.Obj p)) {
      return false;
    }
    JsonNode aws = p.get("AWS");
    List<JsonNode> ids = aws instanceof JsonNode.Arr a ? a.elements() : aws == null ? List.of() : List.of(aws);
    for (JsonNode id : ids) {
      if (id instanceof JsonNode.Str s && (s.value().equals("*") || s.value().equals(session))) {
        return true;
      }
    }
    return false;
  }

  private static List<JsonNode> statements(JsonNode.Obj policy, java.util.function.Predicate<JsonNode.Obj> keep) {
    JsonNode st = policy.get("Statement");
    List<JsonNode> all = st instanceof JsonNode.Arr a ? a.elements() : st == null ? List.of() : List.of(st);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : all) {
      if (s instanceof JsonNode.Obj o && keep.test(o)) {
        out.add(o);
      }
    }
    return out;
  }

  private static JsonNode.Obj withStatements(JsonNode.Obj policy, List<JsonNode> statements) {
    LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>(policy.members());
    out.put("Statement", new JsonNode.Arr(0, 0, statements));
    return new JsonNode.Obj(0, 0, out);
  }

  /** Applies {@code f} to every policy document of the case. */
  private static String mapPolicies(String line, java.util.function.UnaryOperator<JsonNode> f) {
    JsonNode.Obj root = (JsonNode.Obj) JsonParser.parse(line);
    LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>(root.members());
    for (String field : POLICY_FIELDS) {
      JsonNode n = root.get(field);
      if (n != null) {
        out.put(field, mapDocuments(n, f));
      }
    }
    String text = JsonWriter.write(new JsonNode.Obj(0, 0, out), false);
    return text.equals(JsonWriter.write(root, false)) ? line : text;
  }

  private static JsonNode mapDocuments(JsonNode n, java.util.function.UnaryOperator<JsonNode> f) {
    if (n instanceof JsonNode.Arr a) {
      List<JsonNode> out = new ArrayList<>();
      a.elements().forEach(e -> out.add(mapDocuments(e, f)));
      return new JsonNode.Arr(0, 0, out);
    }
    return n instanceof JsonNode.Obj ? f.apply(n) : n;
  }

  private static JsonNode.Obj mapMembers(JsonNode.Obj o, BiFunction<String, JsonNode, JsonNode> f) {
    LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : o.members().entrySet()) {
      out.put(e.getKey(), f.apply(e.getKey(), e.getValue()));
    }
    return new JsonNode.Obj(o.line(), o.column(), out);
  }

  private static JsonNode strings(JsonNode node, java.util.function.UnaryOperator<String> f) {
    if (node instanceof JsonNode.Str s) {
      return new JsonNode.Str(s.line(), s.column(), f.apply(s.value()));
    }
    if (node instanceof JsonNode.Arr a) {
      List<JsonNode> out = new ArrayList<>();
      a.elements().forEach(e -> out.add(strings(e, f)));
      return new JsonNode.Arr(a.line(), a.column(), out);
    }
    return node;
  }

  private static JsonNode.Str str(String v) {
    return new JsonNode.Str(0, 0, v);
  }
}
