package dev.irsa.core.lint.internal;

import dev.irsa.core.catalog.AccessLevel;
import dev.irsa.core.catalog.ActionLookup;
import dev.irsa.core.catalog.ConditionKey;
import dev.irsa.core.catalog.ServiceAction;
import dev.irsa.core.catalog.ServiceCatalog;
import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.iam.internal.Values;
import dev.irsa.core.internal.Quote;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.lint.Finding;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.Severity;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.ConditionOperator;
import dev.irsa.core.policy.ConditionValue;
import dev.irsa.core.policy.OperatorType;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.PolicySize;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.SizeQuota;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.policy.internal.PolicyCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One run of the linter over one parsed document. Not thread-safe; create one per document. */
public final class LintRun {
  private static final List<String> DOCUMENT_ELEMENTS = List.of("Version", "Id", "Statement");
  private static final List<String> STATEMENT_ELEMENTS = List.of(
      "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
  private static final Pattern OIDC_PROVIDER_ARN = Pattern.compile("arn:[a-z-]+:iam::[0-9]{12}:oidc-provider/(.+)");
  private static final Pattern SAML_PROVIDER_ARN = Pattern.compile("arn:[a-z-]+:iam::[0-9]{12}:saml-provider/.+");
  private static final Pattern EKS_ISSUER = Pattern.compile("oidc\\.eks\\.[^/]+/id/[^/]+", Pattern.CASE_INSENSITIVE);
  private static final Set<String> WEB_IDENTITY_PROVIDERS =
      Set.of("cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com");
  private static final String SA_PREFIX = "system:serviceaccount:";
  private static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
  private static final Set<String> OIDC_ACTIONS =
      Set.of("sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

  private final ServiceCatalog catalog;
  private final PolicyKind kind;
  private final String audience;
  private final SizeQuota quota;
  private final String text;
  private final List<Finding> findings = new ArrayList<>();
  private boolean variablesSubstituted;
  /** The statement being checked, for the exact paths of condition values. */
  private JsonNode.Obj statementNode;

  public LintRun(ServiceCatalog catalog, PolicyKind kind, String audience, SizeQuota quota, String text) {
    this.catalog = catalog;
    this.kind = kind;
    this.audience = audience;
    this.quota = quota;
    this.text = text;
  }

  /** All findings, most severe first, then in document order. */
  public List<Finding> run(JsonNode root) {
    document(root);
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::severity)); // stable: document order within a severity
    return sorted;
  }

  private void add(FindingCode code, String path, String message) {
    findings.add(Finding.of(code, path, Quote.line(message)));
  }

  private void add(FindingCode code, Severity severity, String path, String message) {
    findings.add(new Finding(code, severity, Quote.line(message), path));
  }

  // ------------------------------------------------------------------ document and statements

  private void document(JsonNode root) {
    if (!(root instanceof JsonNode.Obj doc)) {
      add(FindingCode.INVALID_ELEMENT, "$", "expected a policy document (an object), got " + root.kind());
      return;
    }
    String version = null;
    for (Map.Entry<String, JsonNode> m : doc.members().entrySet()) {
      String path = JsonPath.member("$", m.getKey());
      switch (m.getKey()) {
        case "Version" -> {
          if (!(m.getValue() instanceof JsonNode.Str s)) {
            add(FindingCode.INVALID_VERSION, path, "Version must be the string \"2012-10-17\", got " + m.getValue().kind());
          } else if (!s.value().equals(PolicyDocument.VERSION_2012_10_17)
              && !s.value().equals(PolicyDocument.VERSION_2008_10_17)) {
            add(FindingCode.INVALID_VERSION, path, "Version must be \"2012-10-17\" (or the old \"2008-10-17\"), got \""
                + s.value() + "\"; it is a fixed language version, not today's date");
          } else {
            version = s.value();
          }
        }
        case "Id" -> {
          if (!(m.getValue() instanceof JsonNode.Str)) {
            add(FindingCode.INVALID_ELEMENT, path, "Id must be a string, got " + m.getValue().kind());
          }
        }
        case "Statement" -> { }
        default -> add(FindingCode.UNKNOWN_ELEMENT, path, unknownElement(m.getKey(), DOCUMENT_ELEMENTS));
      }
    }
    if (doc.get("Version") == null) {
      add(FindingCode.MISSING_VERSION, "$", "no Version: add \"Version\": \"2012-10-17\" (without it policy variables"
          + " such as ${aws:username} are literal text)");
    }
    variablesSubstituted = PolicyDocument.VERSION_2012_10_17.equals(version);
    JsonNode statements = doc.get("Statement");
    String spath = JsonPath.member("$", "Statement");
    List<Statement> parsed = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<JsonNode.Obj> nodes = new ArrayList<>();
    if (statements == null) {
      add(FindingCode.INVALID_ELEMENT, "$", "missing Statement: add an array of statements");
    } else if (statements instanceof JsonNode.Obj o) {
      statement(spath, o, version, parsed, paths, nodes);
    } else if (statements instanceof JsonNode.Arr arr) {
      if (arr.elements().isEmpty()) {
        add(FindingCode.INVALID_ELEMENT, spath, "Statement is empty: add at least one statement");
      }
      for (int i = 0; i < arr.elements().size(); i++) {
        JsonNode e = arr.elements().get(i);
        String p = JsonPath.index(spath, i);
        if (e instanceof JsonNode.Obj o) {
          statement(p, o, version, parsed, paths, nodes);
        } else {
          add(FindingCode.INVALID_ELEMENT, p, "expected a statement (an object), got " + e.kind());
        }
      }
    } else {
      add(FindingCode.INVALID_ELEMENT, spath, "expected a statement object or an array of them, got " + statements.kind());
    }
    Map<String, String> sids = new HashMap<>();
    for (int i = 0; i < parsed.size(); i++) {
      Statement s = parsed.get(i);
      String path = paths.get(i);
      if (s.sid().isPresent() && !s.sid().get().isEmpty()) {
        String first = sids.putIfAbsent(s.sid().get(), path);
        if (first != null) {
          add(FindingCode.DUPLICATE_SID, JsonPath.member(path, "Sid"), "Sid \"" + s.sid().get()
              + "\" is also used by " + first + "; give each statement its own Sid");
        }
      }
      checkStatement(s, path, nodes.get(i));
    }
    int size = PolicySize.count(text);
    if (size > quota.limit()) {
      add(FindingCode.POLICY_SIZE_EXCEEDS_QUOTA, "$", "the policy has " + size + " characters (whitespace not counted);"
          + " a " + quota.policyKind() + " allows " + quota.limit() + " (" + quota.quotaName()
          + "): split it or remove redundant statements");
    }
  }

  private void statement(String path, JsonNode.Obj node, String version, List<Statement> parsed, List<String> paths,
      List<JsonNode.Obj> nodes) {
    int before = findings.size();
    for (Map.Entry<String, JsonNode> m : node.members().entrySet()) {
      if (!STATEMENT_ELEMENTS.contains(m.getKey())) {
        add(FindingCode.UNKNOWN_ELEMENT, JsonPath.member(path, m.getKey()), unknownElement(m.getKey(), STATEMENT_ELEMENTS));
      }
    }
    JsonNode effect = node.get("Effect");
    if (effect == null) {
      add(FindingCode.MISSING_EFFECT, path, "missing Effect: add \"Effect\": \"Allow\" or \"Deny\"");
    } else if (!(effect instanceof JsonNode.Str e) || !(e.value().equals("Allow") || e.value().equals("Deny"))) {
      String got = effect instanceof JsonNode.Str e ? Quote.dbl(e.value()) : effect.kind();
      add(FindingCode.INVALID_EFFECT, JsonPath.member(path, "Effect"),
          "Effect must be \"Allow\" or \"Deny\" (case-sensitive), got " + got);
    }
    if (node.get("Action") == null && node.get("NotAction") == null) {
      add(FindingCode.MISSING_ACTION, path, "missing Action: name the actions this statement "
          + (effect instanceof JsonNode.Str e && e.value().equals("Deny") ? "denies" : "allows"));
    }
    for (String[] pair : new String[][] {{"Action", "NotAction"}, {"Resource", "NotResource"}, {"Principal", "NotPrincipal"}}) {
      if (node.get(pair[0]) != null && node.get(pair[1]) != null) {
        add(FindingCode.CONFLICTING_ELEMENTS, JsonPath.member(path, pair[1]),
            "a statement has either " + pair[0] + " or " + pair[1] + ", not both: remove one");
      }
    }
    if (findings.size() > before) {
      return;
    }
    LinkedHashMap<String, JsonNode> members = new LinkedHashMap<>();
    if (version != null) {
      members.put("Version", new JsonNode.Str(node.line(), node.column(), version));
    }
    members.put("Statement", node);
    try {
      PolicyDocument one = PolicyCodec.read(new JsonNode.Obj(node.line(), node.column(), members), "$");
      parsed.add(one.statements().get(0));
      paths.add(path);
      nodes.add(node);
    } catch (PolicyParseException e) {
      String p = e.path().startsWith("$.Statement") ? path + e.path().substring("$.Statement".length()) : path;
      add(FindingCode.INVALID_ELEMENT, p, e.problem());
    }
  }

  private static String unknownElement(String name, List<String> known) {
    for (String k : known) {
      if (k.equalsIgnoreCase(name)) {
        return "unknown element " + Quote.dbl(name) + ": element names are case-sensitive, write " + Quote.dbl(k);
      }
    }
    return "unknown element " + Quote.dbl(name) + ": expected one of " + String.join(", ", known);
  }

  // ------------------------------------------------------------------ one statement

  private void checkStatement(Statement s, String path, JsonNode.Obj node) {
    statementNode = node;
    s.sid().ifPresent(sid -> {
      if (!SID.matcher(sid).matches()) {
        boolean iam = kind != PolicyKind.RESOURCE;
        add(FindingCode.INVALID_SID, iam ? Severity.ERROR : Severity.WARNING, JsonPath.member(path, "Sid"),
            "Sid " + Quote.dbl(sid) + " may only contain letters and digits" + (iam ? " in IAM policies" : " in IAM;"
                + " some services accept more") + ": rename it to \"" + sid.replaceAll("[^A-Za-z0-9]", "") + "\"");
      }
      if (sid.contains("${")) {
        add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, JsonPath.member(path, "Sid"),
            "policy variables are not substituted in Sid; remove " + Quote.dbl(sid) + "'s ${...}");
      }
    });
    principals(s, path, node);
    redundant(s.actions(), path, node, "Action", true, FindingCode.REDUNDANT_ACTION);
    redundant(s.resources(), path, node, "Resource", false, FindingCode.REDUNDANT_RESOURCE);
    emptyConditions(path, node);
    List<ActionLookup> lookups = actions(s, path, node);
    resources(s, path, node, lookups);
    conditions(s, path);
    if (s.isAllow()) {
      if (!s.notActions().isEmpty()) {
        add(FindingCode.ALLOW_WITH_NOT_ACTION, JsonPath.member(path, "NotAction"),
            "Allow with NotAction allows every other action, including ones AWS adds later: list the allowed actions"
                + " in Action instead");
      }
      if (!s.notResources().isEmpty()) {
        add(FindingCode.ALLOW_WITH_NOT_RESOURCE, JsonPath.member(path, "NotResource"),
            "Allow with NotResource allows every other resource, in every account: list the allowed resources in"
                + " Resource instead");
      }
      if (s.notPrincipal().isPresent()) {
        add(FindingCode.ALLOW_WITH_NOT_PRINCIPAL, JsonPath.member(path, "NotPrincipal"),
            "Allow with NotPrincipal allows everyone else, anonymous callers included: name the principals in"
                + " Principal instead");
      }
      broadGrants(s, path, lookups);
    }
    if (kind == PolicyKind.TRUST) {
      trust(s, path, node);
    }
  }

  /** Entries listed twice, or concrete entries another entry's wildcard already covers. */
  private void redundant(List<String> values, String path, JsonNode.Obj node, String element, boolean ignoreCase,
      FindingCode code) {
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v.contains("${")) {
        continue;
      }
      for (int j = 0; j < values.size(); j++) {
        String w = values.get(j);
        if (i == j || w.contains("${")) {
          continue;
        }
        boolean same = ignoreCase ? v.equalsIgnoreCase(w) : v.equals(w);
        if (same && j < i) {
          add(code, valuePath(path, node, element, i), Quote.dbl(v) + " is listed twice in " + element + ": remove one");
          break;
        }
        if (!same && !Glob.hasWildcard(v) && Glob.hasWildcard(w) && Glob.matches(w, v, ignoreCase)) {
          add(code, valuePath(path, node, element, i), Quote.dbl(v) + " is already covered by " + Quote.dbl(w) + ": remove it");
          break;
        }
      }
    }
  }

  private void emptyConditions(String path, JsonNode.Obj node) {
    if (!(node.get("Condition") instanceof JsonNode.Obj cond)) {
      return;
    }
    String cpath = JsonPath.member(path, "Condition");
    if (cond.members().isEmpty()) {
      add(FindingCode.EMPTY_CONDITION, cpath, "an empty Condition block tests nothing: remove it");
    }
    for (Map.Entry<String, JsonNode> op : cond.members().entrySet()) {
      if (op.getValue() instanceof JsonNode.Obj keys && keys.members().isEmpty()) {
        add(FindingCode.EMPTY_CONDITION, JsonPath.member(cpath, op.getKey()), op.getKey()
            + " has no condition keys, so it tests nothing: remove it or add the keys it should test");
      }
    }
  }

  private void principals(Statement s, String path, JsonNode.Obj node) {
    if (kind.forbidsPrincipal()) {
      for (String e : List.of("Principal", "NotPrincipal")) {
        if (node.get(e) != null) {
          add(FindingCode.PRINCIPAL_NOT_ALLOWED, JsonPath.member(path, e), e + " is not allowed in " + article(kind)
              + " policy (the principal is whoever the policy is attached to): remove it");
        }
      }
    } else if (s.principal().isEmpty() && s.notPrincipal().isEmpty()) {
      add(FindingCode.MISSING_PRINCIPAL, path, kind == PolicyKind.TRUST
          ? "missing Principal: a trust policy names who may assume the role, e.g. {\"Federated\": \"<OIDC provider ARN>\"}"
          : "missing Principal: a resource policy names who it applies to");
    }
    if (kind == PolicyKind.TRUST && s.notPrincipal().isPresent()) {
      add(FindingCode.PRINCIPAL_NOT_ALLOWED, JsonPath.member(path, "NotPrincipal"),
          "NotPrincipal is not allowed in a trust policy: name the principals in Principal");
    }
    for (String e : List.of("Principal", "NotPrincipal")) {
      if (node.get(e) != null && containsVariable(node.get(e))) {
        add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, JsonPath.member(path, e),
            "policy variables are not substituted in " + e + ": name the principals literally");
      }
    }
  }

  private static boolean containsVariable(JsonNode n) {
    if (n instanceof JsonNode.Str s) {
      return s.value().contains("${");
    }
    if (n instanceof JsonNode.Arr a) {
      return a.elements().stream().anyMatch(LintRun::containsVariable);
    }
    if (n instanceof JsonNode.Obj o) {
      return o.members().values().stream().anyMatch(LintRun::containsVariable);
    }
    return false;
  }

  private static String article(PolicyKind k) {
    return switch (k) {
      case IDENTITY -> "an identity";
      case SCP -> "an SCP";
      default -> "a " + k.cliName();
    };
  }

  /** Path of value {@code i} of a string-or-array element. */
  private static String valuePath(String path, JsonNode.Obj node, String element, int i) {
    String p = JsonPath.member(path, element);
    return node.get(element) instanceof JsonNode.Arr ? JsonPath.index(p, i) : p;
  }

  // ------------------------------------------------------------------ actions and resources

  private List<ActionLookup> actions(Statement s, String path, JsonNode.Obj node) {
    boolean not = s.actions().isEmpty();
    List<String> list = not ? s.notActions() : s.actions();
    String element = not ? "NotAction" : "Action";
    List<ActionLookup> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String a = list.get(i);
      String p = valuePath(path, node, element, i);
      if (a.contains("${")) {
        add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, p, "policy variables are not substituted in " + element
            + ": write the action " + Quote.dbl(a) + " literally");
        out.add(null);
        continue;
      }
      ActionLookup l = catalog.lookup(a);
      out.add(l);
      Severity sev = not ? Severity.WARNING : Severity.ERROR;
      switch (l.status()) {
        case INVALID -> add(FindingCode.INVALID_ACTION, sev, p, Quote.dbl(a) + " is not an action: write service:Action,"
            + " e.g. s3:GetObject, or \"*\"");
        case UNKNOWN_SERVICE -> add(FindingCode.UNKNOWN_SERVICE, sev, p, "\"" + a.substring(0, a.indexOf(':'))
            + "\" is not a service prefix" + didYouMean(l.suggestions()));
        case UNKNOWN_ACTION -> {
          String svc = a.substring(0, a.indexOf(':'));
          String name = catalog.service(svc).map(x -> x.name()).orElse(svc);
          add(FindingCode.UNKNOWN_ACTION, sev, p, Glob.hasWildcard(a)
              ? Quote.dbl(a) + " matches no action of " + name + ": check the pattern"
              : a + " is not an action of " + name + didYouMean(l.suggestions()));
        }
        case FOUND -> {
          if (kind == PolicyKind.TRUST && !not && l.actions().stream().noneMatch(x -> x.service().equals("sts"))) {
            add(FindingCode.TRUST_ACTION_NOT_STS, p, "a trust policy only controls STS actions (sts:AssumeRole,"
                + " sts:AssumeRoleWithWebIdentity, sts:TagSession ...), got " + a
                + ": grant it in the role's permission policy instead");
          }
        }
        default -> throw new IllegalStateException(l.status().name());
      }
    }
    return out;
  }

  private static String didYouMean(List<String> suggestions) {
    if (suggestions.isEmpty()) {
      return "";
    }
    return "; did you mean " + String.join(" or ", suggestions) + "?";
  }

  private void resources(Statement s, String path, JsonNode.Obj node, List<ActionLookup> lookups) {
    if (kind == PolicyKind.TRUST) {
      for (String e : List.of("Resource", "NotResource")) {
        if (node.get(e) != null) {
          add(FindingCode.RESOURCE_NOT_ALLOWED, JsonPath.member(path, e),
              e + " is not allowed in a trust policy (the resource is the role itself): remove it");
        }
      }
      return;
    }
    if (s.resources().isEmpty() && s.notResources().isEmpty()) {
      add(FindingCode.MISSING_RESOURCE, path, "missing Resource: name the ARNs this statement applies to, or \"*\"");
      return;
    }
    boolean not = s.resources().isEmpty();
    List<String> list = not ? s.notResources() : s.resources();
    String element = not ? "NotResource" : "Resource";
    List<String> checkable = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String r = list.get(i);
      String p = valuePath(path, node, element, i);
      if (r.equals("*")) {
        checkable.add(r);
        continue;
      }
      String[] parts = r.split(":", 6);
      if (parts.length < 6 || !parts[0].equals("arn")) {
        add(FindingCode.INVALID_ARN, kind == PolicyKind.RESOURCE ? Severity.WARNING : Severity.ERROR, p,
            Quote.dbl(r) + " is neither \"*\" nor an ARN (arn:partition:service:region:account:resource)");
        continue;
      }
      int fifthColon = r.length() - parts[5].length() - 1;
      int var = r.indexOf("${");
      if (var >= 0 && var < fifthColon) {
        add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, Severity.WARNING, p, "IAM documents policy variables in the"
            + " resource part of an ARN (after the fifth colon) only: " + Quote.dbl(r) + " may not match as intended");
        continue;
      }
      checkable.add(r);
    }
    if (not || checkable.isEmpty() || checkable.size() < list.size()) {
      return;
    }
    if (s.actions().isEmpty()) {
      return;
    }
    for (int i = 0; i < lookups.size(); i++) {
      ActionLookup l = lookups.get(i);
      if (l == null || !l.found()) {
        continue;
      }
      boolean any = false;
      for (ServiceAction a : l.actions()) {
        for (String r : checkable) {
          if (a.canMatch(r)) {
            any = true;
            break;
          }
        }
        if (any) {
          break;
        }
      }
      if (any) {
        continue;
      }
      String p = valuePath(path, node, "Action", i);
      if (l.actions().stream().allMatch(ServiceAction::requiresWildcardResource)) {
        add(FindingCode.ACTION_REQUIRES_WILDCARD_RESOURCE, p, describe(l) + " has no resource-level permissions"
            + " (the service authorization reference lists no resource types for it), so IAM checks it against"
            + " \"Resource\": \"*\": move it to a statement with \"Resource\": \"*\"");
      } else {
        add(FindingCode.RESOURCE_TYPE_MISMATCH, p, describe(l) + " applies to " + resourceTypes(l)
            + "; no Resource of this statement can be one of them, so the statement never matches it: use a matching"
            + " ARN or move the action to a statement that names one");
      }
    }
  }

  private static String describe(ActionLookup l) {
    if (l.actions().size() == 1) {
      return l.actions().get(0).fullName();
    }
    return Quote.dbl(l.pattern()) + " (" + l.actions().size() + " actions)";
  }

  private static String resourceTypes(ActionLookup l) {
    LinkedHashMap<String, String> types = new LinkedHashMap<>();
    for (ServiceAction a : l.actions()) {
      a.resources().forEach(r -> types.putIfAbsent(r.type().name(), r.type().arnTemplate()));
    }
    List<String> out = new ArrayList<>();
    types.forEach((n, t) -> out.add(n + " (" + t + ")"));
    if (out.size() > 4) {
      int more = out.size() - 3;
      return String.join(", ", out.subList(0, 3)) + " and " + more + " more resource types";
    }
    return String.join(", ", out);
  }

  private void broadGrants(Statement s, String path, List<ActionLookup> lookups) {
    if (s.actions().isEmpty() || !s.resources().contains("*") || !s.conditions().isEmpty()) {
      return;
    }
    if (kind == PolicyKind.SCP || kind == PolicyKind.BOUNDARY || kind == PolicyKind.TRUST) {
      return;
    }
    String rpath = JsonPath.member(path, "Resource");
    for (int i = 0; i < lookups.size(); i++) {
      ActionLookup l = lookups.get(i);
      if (l == null || !l.found()) {
        continue;
      }
      String a = s.actions().get(i);
      if (Glob.matches(a, "iam:PassRole", true)) {
        add(FindingCode.PASS_ROLE_ON_ALL_RESOURCES, rpath, a + " with \"Resource\": \"*\" lets the holder pass any"
            + " role (and its permissions) to a service: name the role ARNs it may pass, and add an"
            + " iam:PassedToService condition");
      }
      List<String> perms = new ArrayList<>();
      List<String> writes = new ArrayList<>();
      for (ServiceAction x : l.actions()) {
        if (x.requiresWildcardResource() || x.fullName().equalsIgnoreCase("iam:PassRole")) {
          continue;
        }
        if (x.hasAccessLevel(AccessLevel.PERMISSIONS_MANAGEMENT)) {
          perms.add(x.fullName());
        } else if (x.hasAccessLevel(AccessLevel.WRITE)) {
          writes.add(x.fullName());
        }
      }
      if (!perms.isEmpty()) {
        add(FindingCode.PERMISSIONS_MANAGEMENT_ON_ALL_RESOURCES, rpath, Quote.dbl(a) + " grants permissions management ("
            + sample(perms) + ") on every resource: name the resources' ARNs in Resource");
      } else if (!writes.isEmpty()) {
        add(FindingCode.WRITE_ON_ALL_RESOURCES, rpath, Quote.dbl(a) + " grants write access (" + sample(writes)
            + ") on every resource: name the resources' ARNs in Resource");
      }
    }
  }

  private static String sample(List<String> names) {
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }

  // ------------------------------------------------------------------ conditions

  private static String conditionPath(String path, Condition c) {
    return JsonPath.member(JsonPath.member(JsonPath.member(path, "Condition"), c.operator().name()), c.key());
  }

  private void conditions(Statement s, String path) {
    for (Condition c : s.conditions()) {
      String cpath = conditionPath(path, c);
      String opPath = JsonPath.member(JsonPath.member(path, "Condition"), c.operator().name());
      ConditionOperator op = c.operator();
      if (c.key().contains("${")) {
        add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, cpath, "policy variables are not substituted in condition keys: "
            + c.key());
      }
      if (!op.isKnown()) {
        add(FindingCode.INVALID_CONDITION_OPERATOR, opPath, Quote.dbl(op.name()) + " is not a condition operator"
            + operatorHint(op));
        continue;
      }
      OperatorType type = op.type().orElseThrow();
      if (type == OperatorType.NULL && op.ifExists()) {
        add(FindingCode.NULL_WITH_IF_EXISTS, opPath, "NullIfExists is not an operator: Null already tests whether the"
            + " key exists; use \"Null\"");
      }
      values(c, type, cpath);
      Condition plain = c;
      ConditionKey key = catalog.conditionKey(plain.key()).orElse(null);
      if (key != null) {
        keyType(c, type, key, cpath);
      }
      if (type.category() == OperatorType.Category.STRING && !type.acceptsWildcards() && !isOidcKey(c.key())) {
        for (int i = 0; i < c.values().size(); i++) {
          String v = VARIABLE.matcher(c.values().get(i).text()).replaceAll("");
          if (Glob.hasWildcard(v)) {
            add(FindingCode.WILDCARD_WITHOUT_LIKE, valuePath(cpath, c, i), type.json() + " compares \""
                + c.values().get(i).text() + "\" literally, '*' and '?' included: use " + likeFor(type)
                + " if you meant a pattern");
          }
        }
      }
      if (!variablesSubstituted) {
        for (int i = 0; i < c.values().size(); i++) {
          if (c.values().get(i).text().contains("${")) {
            add(FindingCode.POLICY_VARIABLE_IN_OLD_VERSION, valuePath(cpath, c, i), "policy variables are literal text"
                + " unless \"Version\": \"2012-10-17\": set the Version");
          }
        }
      }
    }
    if (!variablesSubstituted) {
      for (int i = 0; i < s.resources().size(); i++) {
        if (s.resources().get(i).contains("${")) {
          add(FindingCode.POLICY_VARIABLE_IN_OLD_VERSION, JsonPath.member(path, "Resource"), "policy variables are"
              + " literal text unless \"Version\": \"2012-10-17\": set the Version");
          break;
        }
      }
    }
  }

  /** Path of value {@code i} of a condition: indexed when the values were written as an array. */
  private String valuePath(String cpath, Condition c, int i) {
    boolean array = c.values().size() > 1;
    if (statementNode != null && statementNode.get("Condition") instanceof JsonNode.Obj cond
        && cond.get(c.operator().name()) instanceof JsonNode.Obj keys) {
      array = keys.get(c.key()) instanceof JsonNode.Arr;
    }
    return array ? JsonPath.index(cpath, i) : cpath;
  }

  private static String likeFor(OperatorType t) {
    return t.isNegated() ? "StringNotLike" : "StringLike";
  }

  private static String operatorHint(ConditionOperator op) {
    String base = op.baseName();
    for (OperatorType t : OperatorType.values()) {
      if (t.json().equalsIgnoreCase(base) || (t.json() + "IfExists").equalsIgnoreCase(base)) {
        return ": operator names are case-sensitive, write \"" + op.qualifier().prefix() + t.json()
            + (base.toLowerCase(Locale.ROOT).endsWith("ifexists") ? "IfExists" : "") + "\"";
      }
    }
    if (op.name().toLowerCase(Locale.ROOT).startsWith("forallvalues") || op.name().toLowerCase(Locale.ROOT).startsWith("foranyvalue")) {
      return ": write the qualifier as ForAllValues: or ForAnyValue: followed by an operator such as StringEquals";
    }
    return ": use one of StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress,"
        + " Null ... (see the IAM condition operators reference)";
  }

  private void values(Condition c, OperatorType type, String cpath) {
    for (int i = 0; i < c.values().size(); i++) {
      ConditionValue v = c.values().get(i);
      String t = v.text();
      if (t.contains("${")) {
        OperatorType.Category cat = type.category();
        if (cat != OperatorType.Category.STRING && cat != OperatorType.Category.ARN) {
          add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, Severity.WARNING, valuePath(cpath, c, i), "policy variables"
              + " are only substituted in String and ARN conditions, not in " + type.json() + ": " + Quote.dbl(t));
        }
        continue;
      }
      String problem = Values.problem(type.category(), t); // the evaluator's reading, shared
      if (problem != null) {
        add(FindingCode.CONDITION_TYPE_MISMATCH, valuePath(cpath, c, i), c.operator().name() + " expects " + problem
            + ", got " + Quote.dbl(t));
      }
    }
  }

  private void keyType(Condition c, OperatorType type, ConditionKey key, String cpath) {
    OperatorType.Category cat = type.category();
    if (cat != OperatorType.Category.NULL && !fits(key.type(), cat)) {
      add(FindingCode.CONDITION_TYPE_MISMATCH, cpath, key.name() + " is " + typeName(key) + "; " + type.json()
          + " compares " + cat.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " values: use "
          + suggestedOperator(key.type()));
    }
    ConditionOperator.Qualifier q = c.operator().qualifier();
    if (!key.multivalued() && q == ConditionOperator.Qualifier.FOR_ALL_VALUES) {
      add(FindingCode.FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY, cpath, key.name() + " has a single value; ForAllValues:"
          + " is also true when the key is missing, so this admits requests without it: drop the ForAllValues: prefix");
    } else if (!key.multivalued() && q == ConditionOperator.Qualifier.FOR_ANY_VALUE) {
      add(FindingCode.FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY, cpath, key.name() + " has a single value: drop the"
          + " ForAnyValue: prefix");
    } else if (key.multivalued() && q == ConditionOperator.Qualifier.NONE && cat != OperatorType.Category.NULL) {
      add(FindingCode.MULTIVALUED_KEY_WITHOUT_SET_OPERATOR, cpath, key.name() + " can carry several values: write"
          + " ForAnyValue:" + type.json() + " (at least one matches) or ForAllValues:" + type.json()
          + " (all match)");
    }
  }

  private static boolean fits(ConditionKey.ValueType t, OperatorType.Category cat) {
    return switch (t) {
      case STRING -> cat == OperatorType.Category.STRING;
      case ARN -> cat == OperatorType.Category.ARN || cat == OperatorType.Category.STRING;
      case NUMERIC -> cat == OperatorType.Category.NUMERIC;
      case DATE -> cat == OperatorType.Category.DATE;
      case BOOL -> cat == OperatorType.Category.BOOLEAN;
      case IP_ADDRESS -> cat == OperatorType.Category.IP_ADDRESS;
      case BINARY -> cat == OperatorType.Category.BINARY;
    };
  }

  private static String typeName(ConditionKey k) {
    String t = switch (k.type()) {
      case STRING -> "String";
      case ARN -> "ARN";
      case NUMERIC -> "Numeric";
      case DATE -> "Date";
      case BOOL -> "Bool";
      case IP_ADDRESS -> "IPAddress";
      case BINARY -> "Binary";
    };
    return "a" + (k.multivalued() ? "n ArrayOf" : (t.startsWith("A") || t.startsWith("I") ? "n " : " ")) + t + " key";
  }

  private static String suggestedOperator(ConditionKey.ValueType t) {
    return switch (t) {
      case STRING -> "StringEquals or StringLike";
      case ARN -> "ArnEquals or ArnLike";
      case NUMERIC -> "NumericEquals, NumericLessThan ...";
      case DATE -> "DateGreaterThan, DateLessThan ...";
      case BOOL -> "Bool";
      case IP_ADDRESS -> "IpAddress or NotIpAddress";
      case BINARY -> "BinaryEquals";
    };
  }

  // ------------------------------------------------------------------ trust policies

  /** An OIDC condition key: {@code <issuer host and path>:<claim>}, the host part containing a dot. */
  private boolean isOidcKey(String key) {
    int colon = key.lastIndexOf(':');
    if (colon <= 0) {
      return false;
    }
    String prefix = key.substring(0, colon);
    return prefix.contains(".") && !prefix.toLowerCase(Locale.ROOT).startsWith("aws")
        && catalog.conditionKey(key).isEmpty();
  }

  private void trust(Statement s, String path, JsonNode.Obj node) {
    if (!s.isAllow() || s.principal().isEmpty()) {
      return;
    }
    Principal principal = s.principal().get();
    String ppath = JsonPath.member(path, "Principal");
    List<String> federated = principal.ids(PrincipalType.FEDERATED);
    boolean webIdentity = actionMatches(s, WEB_IDENTITY);
    JsonNode pnode = node.get("Principal");
    for (int i = 0; i < federated.size(); i++) {
      String id = federated.get(i);
      String fpath = JsonPath.member(ppath, "Federated");
      if (pnode instanceof JsonNode.Obj po && po.get("Federated") instanceof JsonNode.Arr) {
        fpath = JsonPath.index(fpath, i);
      }
      Matcher m = OIDC_PROVIDER_ARN.matcher(id);
      if (m.matches()) {
        oidc(s, path, node, m.group(1));
      } else if (SAML_PROVIDER_ARN.matcher(id).matches()) {
        if (webIdentity) {
          add(FindingCode.FEDERATED_NOT_OIDC_PROVIDER, fpath, Quote.dbl(id) + " is a SAML provider; "
              + WEB_IDENTITY + " needs an OIDC provider ARN (arn:aws:iam::<account>:oidc-provider/<issuer host and"
              + " path>)");
        }
      } else if (!WEB_IDENTITY_PROVIDERS.contains(id)) {
        add(FindingCode.FEDERATED_NOT_OIDC_PROVIDER, fpath, "Federated principal " + Quote.dbl(id) + " is not an IAM OIDC"
            + " provider ARN: write arn:aws:iam::<account>:oidc-provider/" + stripScheme(id.replaceFirst(
                "^arn:[^:]*:iam::[^:]*:", "")) + " (issuer host and path, no https://)");
      }
    }
    List<String> services = principal.ids(PrincipalType.SERVICE);
    if (services.stream().anyMatch(x -> x.equalsIgnoreCase("pods.eks.amazonaws.com"))) {
      String apath = JsonPath.member(path, s.actions().isEmpty() ? "NotAction" : "Action");
      if (!actionMatches(s, "sts:AssumeRole")) {
        add(FindingCode.POD_IDENTITY_MISSING_ASSUME_ROLE, apath, "EKS Pod Identity assumes the role with"
            + " sts:AssumeRole: add it to the actions");
      }
      if (!actionMatches(s, "sts:TagSession")) {
        add(FindingCode.POD_IDENTITY_MISSING_TAG_SESSION, apath, "EKS Pod Identity tags every session"
            + " (kubernetes-namespace, kubernetes-service-account ...): add sts:TagSession next to sts:AssumeRole");
      }
    }
  }

  private static boolean actionMatches(Statement s, String action) {
    if (!s.notActions().isEmpty()) {
      return s.notActions().stream().noneMatch(a -> Glob.matches(a, action, true));
    }
    return s.actions().stream().anyMatch(a -> Glob.matches(a, action, true));
  }

  private static String stripScheme(String s) {
    return s.replaceFirst("^(?i)https?://", "");
  }

  private void oidc(Statement s, String path, JsonNode.Obj node, String host) {
    // Actions
    String apath = JsonPath.member(path, s.actions().isEmpty() ? "NotAction" : "Action");
    if (!s.actions().isEmpty()) {
      for (int i = 0; i < s.actions().size(); i++) {
        String a = s.actions().get(i);
        if (!OIDC_ACTIONS.contains(a.toLowerCase(Locale.ROOT))) {
          add(FindingCode.IRSA_WRONG_ACTION, valuePath(path, node, "Action", i), "an OIDC provider principal assumes"
              + " the role with " + WEB_IDENTITY + ", not " + Quote.dbl(a) + ": replace it");
        }
      }
    }
    if (!actionMatches(s, WEB_IDENTITY)) {
      add(FindingCode.IRSA_WRONG_ACTION, apath, "the statement does not allow " + WEB_IDENTITY
          + ", which IRSA uses to assume the role: add it");
    }
    // Condition keys
    List<Condition> sub = new ArrayList<>();
    List<Condition> aud = new ArrayList<>();
    for (Condition c : s.conditions()) {
      if (!isOidcKey(c.key())) {
        continue;
      }
      String cpath = conditionPath(path, c);
      int colon = c.key().lastIndexOf(':');
      String keyHost = c.key().substring(0, colon);
      String claim = c.key().substring(colon + 1);
      if (!keyHost.equals(stripScheme(keyHost))) {
        add(FindingCode.CONDITION_KEY_HAS_SCHEME, cpath, "condition keys name the issuer without https://: write \""
            + stripScheme(keyHost) + ":" + claim + "\"");
        keyHost = stripScheme(keyHost);
      }
      if (!keyHost.equalsIgnoreCase(host)) {
        add(FindingCode.CONDITION_KEY_HOST_MISMATCH, cpath, "the key is for issuer " + keyHost + " but the principal is"
            + " the OIDC provider for " + host + ", so this test never sees a value: write \"" + host + ":" + claim
            + "\"");
        continue;
      }
      if (claim.equals("sub")) {
        sub.add(c);
      } else if (claim.equals("aud")) {
        aud.add(c);
      }
    }
    boolean kubernetes = EKS_ISSUER.matcher(host).matches()
        || sub.stream().flatMap(c -> c.texts().stream()).anyMatch(v -> v.startsWith(SA_PREFIX));
    List<Condition> positiveSub = sub.stream().filter(c -> c.operator().type().map(t -> !t.isNegated()).orElse(false))
        .toList();
    List<Condition> negatedSub = sub.stream().filter(c -> c.operator().type().map(OperatorType::isNegated).orElse(false))
        .toList();
    if (positiveSub.isEmpty() && negatedSub.isEmpty()) {
      add(FindingCode.MISSING_SUB_CONDITION, path, "no " + host + ":sub condition: every "
          + (kubernetes ? "service account in the cluster" : "identity of this provider") + " can assume the role; add"
          + " \"Condition\": {\"StringEquals\": {\"" + host + ":sub\": \""
          + (kubernetes ? SA_PREFIX + "<namespace>:<name>" : "<subject>") + "\"}}");
    } else if (positiveSub.isEmpty()) {
      for (Condition c : negatedSub) {
        add(FindingCode.SUB_NEGATED_ONLY, conditionPath(path, c), c.operator().name() + " only excludes "
            + c.texts() + "; every other subject can assume the role: test the allowed subjects with StringEquals");
      }
    }
    for (Condition c : positiveSub) {
      subValues(c, conditionPath(path, c), kubernetes);
    }
    if (aud.isEmpty()) {
      add(FindingCode.MISSING_AUD_CONDITION, path, "no " + host + ":aud condition: add \"" + host + ":aud\": \""
          + audience + "\" to the StringEquals test so only tokens minted for STS are accepted");
    }
    for (Condition c : aud) {
      OperatorType t = c.operator().type().orElse(null);
      if (t == null || t.isNegated()) {
        continue;
      }
      String cpath = conditionPath(path, c);
      boolean like = t == OperatorType.STRING_LIKE;
      boolean admits = false;
      for (int i = 0; i < c.values().size(); i++) {
        String v = c.values().get(i).text();
        if (!like && Glob.hasWildcard(v) && t.category() == OperatorType.Category.STRING) {
          add(FindingCode.WILDCARD_IN_STRING_EQUALS, valuePath(cpath, c, i), t.json() + " compares \"" + v
              + "\" literally and no token carries that audience: write " + Quote.dbl(audience));
        }
        if (like ? Glob.matches(v, audience, false) : v.equals(audience)
            || t == OperatorType.STRING_EQUALS_IGNORE_CASE && v.equalsIgnoreCase(audience)) {
          admits = true;
        }
      }
      if (!admits) {
        add(FindingCode.AUDIENCE_MISMATCH, cpath, "tokens for this role carry audience " + Quote.dbl(audience) + ", which "
            + c.texts() + " does not admit, so assuming the role fails: write " + Quote.dbl(audience) + " (or lint with the"
            + " audience your service accounts use)");
      }
    }
  }

  private void subValues(Condition c, String cpath, boolean kubernetes) {
    OperatorType t = c.operator().type().orElseThrow();
    boolean like = t == OperatorType.STRING_LIKE;
    for (int i = 0; i < c.values().size(); i++) {
      String v = c.values().get(i).text();
      String vpath = valuePath(cpath, c, i);
      if (!like && t.category() == OperatorType.Category.STRING && Glob.hasWildcard(v)) {
        add(FindingCode.WILDCARD_IN_STRING_EQUALS, vpath, t.json() + " compares " + Quote.dbl(v) + " literally, so no"
            + " token matches it: name the service account, or use StringLike if a pattern is really meant");
        continue;
      }
      if (!kubernetes) {
        continue;
      }
      if (v.startsWith(SA_PREFIX)) {
        String rest = v.substring(SA_PREFIX.length());
        int colon = rest.indexOf(':');
        if (like && colon < 0 && Glob.hasWildcard(rest)) {
          add(FindingCode.SUB_ANY_SERVICE_ACCOUNT, vpath, Quote.dbl(v) + " admits every service account in every"
              + " namespace: name the service account (system:serviceaccount:<namespace>:<name>)");
        } else if (like && colon >= 0 && Glob.hasWildcard(rest.substring(0, colon))) {
          add(FindingCode.SUB_WILDCARD_NAMESPACE, vpath, Quote.dbl(v) + " has a wildcard in the namespace, so anyone"
              + " who can create a matching namespace can assume the role: name the namespace");
        } else if (colon < 0) {
          add(FindingCode.SUB_NOT_SERVICE_ACCOUNT, vpath, Quote.dbl(v) + " lacks the service account name: write "
              + SA_PREFIX + rest + ":<name>");
        }
      } else if (like && Glob.matches(v, SA_PREFIX + "namespace:name", false)) {
        add(FindingCode.SUB_ANY_SERVICE_ACCOUNT, vpath, Quote.dbl(v) + " admits every service account in every"
            + " namespace: name the service account (system:serviceaccount:<namespace>:<name>)");
      } else {
        add(FindingCode.SUB_NOT_SERVICE_ACCOUNT, vpath, Quote.dbl(v) + " is not a service account subject; tokens carry"
            + " " + SA_PREFIX + "<namespace>:<name>: write that");
      }
    }
  }
}
