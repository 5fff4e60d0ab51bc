package dev.irsa.core.lint.internal;

import dev.irsa.core.catalog.AccessLevel;
import dev.irsa.core.catalog.ActionLookup;
import dev.irsa.core.catalog.ServiceAction;
import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.Severity;
import dev.irsa.core.lint.internal.LintContext.Located;
import dev.irsa.core.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Actions against the service catalog, resources as ARNs, actions no listed resource can match,
 * Allow with NotAction/NotResource/NotPrincipal, and broad grants on {@code "Resource": "*"}.
 */
final class ActionResourceRules {
  private final LintContext cx;
  private final Findings out;

  ActionResourceRules(LintContext cx) {
    this.cx = cx;
    this.out = cx.findings;
  }

  /** Looks up each action (or NotAction); the lookups in list order, null for a value with a variable. */
  List<ActionLookup> actions(Located l) {
    Statement s = l.statement();
    boolean not = s.actions().isEmpty();
    List<String> list = not ? s.notActions() : s.actions();
    String element = not ? "NotAction" : "Action";
    List<ActionLookup> lookups = new ArrayList<>(list.size());
    Map<String, ActionLookup> seen = new HashMap<>(); // one lookup per distinct spelling
    for (int i = 0; i < list.size(); i++) {
      String a = list.get(i);
      String p = l.at().value(element, i).path();
      if (a.contains("${")) {
        out.add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, p, "policy variables are not substituted in " + element
            + ": write the action \"" + a + "\" literally");
        lookups.add(null);
        continue;
      }
      ActionLookup lookup = seen.computeIfAbsent(a, cx.catalog::lookup);
      lookups.add(lookup);
      action(a, lookup, not, p);
    }
    return lookups;
  }

  private void action(String a, ActionLookup l, boolean not, String p) {
    Severity sev = not ? Severity.WARNING : Severity.ERROR;
    switch (l.status()) {
      case INVALID -> out.add(FindingCode.INVALID_ACTION, sev, p, "\"" + a + "\" is not an action: write"
          + " service:Action, e.g. s3:GetObject, or \"*\"");
      case UNKNOWN_SERVICE -> out.add(FindingCode.UNKNOWN_SERVICE, sev, p, "\"" + a.substring(0, a.indexOf(':'))
          + "\" is not a service prefix" + didYouMean(l.suggestions()));
      case UNKNOWN_ACTION -> {
        String svc = a.substring(0, a.indexOf(':'));
        String name = cx.catalog.service(svc).map(x -> x.name()).orElse(svc);
        out.add(FindingCode.UNKNOWN_ACTION, sev, p, Glob.hasWildcard(a)
            ? "\"" + a + "\" matches no action of " + name + ": check the pattern"
            : a + " is not an action of " + name + didYouMean(l.suggestions()));
      }
      case FOUND -> {
        if (cx.kind == PolicyKind.TRUST && !not && l.actions().stream().noneMatch(x -> x.service().equals("sts"))) {
          out.add(FindingCode.TRUST_ACTION_NOT_STS, p, "a trust policy only controls STS actions (sts:AssumeRole,"
              + " sts:AssumeRoleWithWebIdentity, sts:TagSession ...), got " + a
              + ": grant it in the role's permission policy instead");
        }
      }
      default -> throw new IllegalStateException(l.status().name());
    }
  }

  private static String didYouMean(List<String> suggestions) {
    if (suggestions.isEmpty()) {
      return "";
    }
    return "; did you mean " + String.join(" or ", suggestions) + "?";
  }

  /** Resources as ARNs, and actions that none of them can be (when every resource could be read). */
  void resources(Located l, List<ActionLookup> lookups) {
    Statement s = l.statement();
    if (cx.kind == PolicyKind.TRUST) {
      for (String e : List.of("Resource", "NotResource")) {
        if (l.at().has(e)) {
          out.add(FindingCode.RESOURCE_NOT_ALLOWED, l.at().element(e).path(),
              e + " is not allowed in a trust policy (the resource is the role itself): remove it");
        }
      }
      return;
    }
    if (s.resources().isEmpty() && s.notResources().isEmpty()) {
      out.add(FindingCode.MISSING_RESOURCE, l.path(), "missing Resource: name the ARNs this statement applies to,"
          + " or \"*\"");
      return;
    }
    boolean not = s.resources().isEmpty();
    List<String> list = not ? s.notResources() : s.resources();
    List<String> checkable = checkable(l, list, not ? "NotResource" : "Resource");
    if (not || checkable.isEmpty() || checkable.size() < list.size() || s.actions().isEmpty()) {
      return;
    }
    mismatches(l, lookups, checkable);
  }

  /** The resources that are {@code *} or ARNs without variables before the resource part. */
  private List<String> checkable(Located l, List<String> list, String element) {
    List<String> checkable = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String r = list.get(i);
      String p = l.at().value(element, i).path();
      if (r.equals("*")) {
        checkable.add(r);
        continue;
      }
      String[] parts = r.split(":", 6);
      if (parts.length < 6 || !parts[0].equals("arn")) {
        out.add(FindingCode.INVALID_ARN, cx.kind == PolicyKind.RESOURCE ? Severity.WARNING : Severity.ERROR, p,
            "\"" + r + "\" is neither \"*\" nor an ARN (arn:partition:service:region:account:resource)");
        continue;
      }
      int fifthColon = r.length() - parts[5].length() - 1;
      int var = r.indexOf("${");
      if (var >= 0 && var < fifthColon) {
        out.add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, Severity.WARNING, p, "IAM documents policy variables in the"
            + " resource part of an ARN (after the fifth colon) only: \"" + r + "\" may not match as intended");
        continue;
      }
      checkable.add(r);
    }
    return checkable;
  }

  private void mismatches(Located l, List<ActionLookup> lookups, List<String> checkable) {
    Map<ActionLookup, Boolean> matches = new IdentityHashMap<>(); // a repeated action is matched once
    for (int i = 0; i < lookups.size(); i++) {
      ActionLookup lookup = lookups.get(i);
      if (lookup == null || !lookup.found() || matches.computeIfAbsent(lookup, x -> canMatchAny(x, checkable))) {
        continue;
      }
      String p = l.at().value("Action", i).path();
      if (lookup.actions().stream().allMatch(ServiceAction::requiresWildcardResource)) {
        out.add(FindingCode.ACTION_REQUIRES_WILDCARD_RESOURCE, p, describe(lookup) + " has no resource-level"
            + " permissions (the service authorization reference lists no resource types for it), so IAM checks it"
            + " against \"Resource\": \"*\": move it to a statement with \"Resource\": \"*\"");
      } else {
        out.add(FindingCode.RESOURCE_TYPE_MISMATCH, p, describe(lookup) + " applies to " + resourceTypes(lookup)
            + "; no Resource of this statement can be one of them, so the statement never matches it: use a"
            + " matching ARN or move the action to a statement that names one");
      }
    }
  }

  private static boolean canMatchAny(ActionLookup lookup, List<String> resources) {
    for (ServiceAction a : lookup.actions()) {
      for (String r : resources) {
        if (a.canMatch(r)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(ActionLookup l) {
    if (l.actions().size() == 1) {
      return l.actions().get(0).fullName();
    }
    return "\"" + l.pattern() + "\" (" + l.actions().size() + " actions)";
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

  /** Allow with NotAction, NotResource or NotPrincipal, then broad grants on every resource. */
  void allow(Located l, List<ActionLookup> lookups) {
    Statement s = l.statement();
    if (!s.isAllow()) {
      return;
    }
    if (!s.notActions().isEmpty()) {
      out.add(FindingCode.ALLOW_WITH_NOT_ACTION, l.at().element("NotAction").path(), "Allow with NotAction allows"
          + " every other action, including ones AWS adds later: list the allowed actions in Action instead");
    }
    if (!s.notResources().isEmpty()) {
      out.add(FindingCode.ALLOW_WITH_NOT_RESOURCE, l.at().element("NotResource").path(), "Allow with NotResource"
          + " allows every other resource, in every account: list the allowed resources in Resource instead");
    }
    if (s.notPrincipal().isPresent()) {
      out.add(FindingCode.ALLOW_WITH_NOT_PRINCIPAL, l.at().element("NotPrincipal").path(), "Allow with NotPrincipal"
          + " allows everyone else, anonymous callers included: name the principals in Principal instead");
    }
    broadGrants(l, lookups);
  }

  private void broadGrants(Located l, List<ActionLookup> lookups) {
    Statement s = l.statement();
    if (s.actions().isEmpty() || !s.resources().contains("*") || !s.conditions().isEmpty()) {
      return;
    }
    if (cx.kind == PolicyKind.SCP || cx.kind == PolicyKind.BOUNDARY || cx.kind == PolicyKind.TRUST) {
      return;
    }
    String rpath = l.at().element("Resource").path();
    for (int i = 0; i < lookups.size(); i++) {
      ActionLookup lookup = lookups.get(i);
      if (lookup != null && lookup.found()) {
        broadGrant(s.actions().get(i), lookup, rpath);
      }
    }
  }

  private void broadGrant(String a, ActionLookup lookup, String rpath) {
    if (Glob.matches(a, "iam:PassRole", true)) {
      out.add(FindingCode.PASS_ROLE_ON_ALL_RESOURCES, rpath, a + " with \"Resource\": \"*\" lets the holder pass any"
          + " role (and its permissions) to a service: name the role ARNs it may pass, and add an"
          + " iam:PassedToService condition");
    }
    List<String> perms = new ArrayList<>();
    List<String> writes = new ArrayList<>();
    for (ServiceAction x : lookup.actions()) {
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
      out.add(FindingCode.PERMISSIONS_MANAGEMENT_ON_ALL_RESOURCES, rpath, "\"" + a + "\" grants permissions"
          + " management (" + sample(perms) + ") on every resource: name the resources' ARNs in Resource");
    } else if (!writes.isEmpty()) {
      out.add(FindingCode.WRITE_ON_ALL_RESOURCES, rpath, "\"" + a + "\" grants write access (" + sample(writes)
          + ") on every resource: name the resources' ARNs in Resource");
    }
  }

  private static String sample(List<String> names) {
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }
}
