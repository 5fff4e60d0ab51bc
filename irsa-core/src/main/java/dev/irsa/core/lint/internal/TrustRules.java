package dev.irsa.core.lint.internal;

import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.internal.LintContext.Located;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.OperatorType;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.policy.internal.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trust policies: Federated principals that are not OIDC providers, IRSA's actions, {@code :sub}
 * and {@code :aud} conditions (issuer, scheme, audience, service-account subjects), and EKS Pod
 * Identity's {@code sts:AssumeRole} with {@code sts:TagSession}.
 */
final class TrustRules {
  private static final Pattern OIDC_PROVIDER_ARN = Pattern.compile("arn:[a-z-]+:iam::[0-9]{12}:oidc-provider/(.+)");
  private static final Pattern SAML_PROVIDER_ARN = Pattern.compile("arn:[a-z-]+:iam::[0-9]{12}:saml-provider/.+");
  private static final Pattern EKS_ISSUER = Pattern.compile("oidc\\.eks\\.[^/]+/id/[^/]+", Pattern.CASE_INSENSITIVE);
  private static final Set<String> WEB_IDENTITY_PROVIDERS =
      Set.of("cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com");
  private static final String SA_PREFIX = "system:serviceaccount:";
  private static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
  private static final Set<String> OIDC_ACTIONS =
      Set.of("sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext");

  private final LintContext cx;
  private final Findings out;

  TrustRules(LintContext cx) {
    this.cx = cx;
    this.out = cx.findings;
  }

  /** One condition of the statement with its positions. */
  private record LocatedCondition(Condition c, SourceMap.ConditionSpan at) {}

  void check(Located l) {
    Statement s = l.statement();
    if (!s.isAllow() || s.principal().isEmpty()) {
      return;
    }
    Principal principal = s.principal().get();
    List<String> federated = principal.ids(PrincipalType.FEDERATED);
    boolean webIdentity = actionMatches(s, WEB_IDENTITY);
    for (int i = 0; i < federated.size(); i++) {
      federated(l, federated.get(i), l.at().principal("Principal", PrincipalType.FEDERATED, i).path(), webIdentity);
    }
    List<String> services = principal.ids(PrincipalType.SERVICE);
    if (services.stream().anyMatch(x -> x.equalsIgnoreCase("pods.eks.amazonaws.com"))) {
      String apath = l.at().element(s.actions().isEmpty() ? "NotAction" : "Action").path();
      if (!actionMatches(s, "sts:AssumeRole")) {
        out.add(FindingCode.POD_IDENTITY_MISSING_ASSUME_ROLE, apath, "EKS Pod Identity assumes the role with"
            + " sts:AssumeRole: add it to the actions");
      }
      if (!actionMatches(s, "sts:TagSession")) {
        out.add(FindingCode.POD_IDENTITY_MISSING_TAG_SESSION, apath, "EKS Pod Identity tags every session"
            + " (kubernetes-namespace, kubernetes-service-account ...): add sts:TagSession next to sts:AssumeRole");
      }
    }
  }

  private void federated(Located l, String id, String fpath, boolean webIdentity) {
    Matcher m = OIDC_PROVIDER_ARN.matcher(id);
    if (m.matches()) {
      oidc(l, m.group(1));
    } else if (SAML_PROVIDER_ARN.matcher(id).matches()) {
      if (webIdentity) {
        out.add(FindingCode.FEDERATED_NOT_OIDC_PROVIDER, fpath, "\"" + id + "\" is a SAML provider; "
            + WEB_IDENTITY + " needs an OIDC provider ARN (arn:aws:iam::<account>:oidc-provider/<issuer host and"
            + " path>)");
      }
    } else if (!WEB_IDENTITY_PROVIDERS.contains(id)) {
      out.add(FindingCode.FEDERATED_NOT_OIDC_PROVIDER, fpath, "Federated principal \"" + id + "\" is not an IAM OIDC"
          + " provider ARN: write arn:aws:iam::<account>:oidc-provider/" + stripScheme(id.replaceFirst(
              "^arn:[^:]*:iam::[^:]*:", "")) + " (issuer host and path, no https://)");
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

  private void oidc(Located l, String host) {
    Statement s = l.statement();
    if (!s.actions().isEmpty()) {
      for (int i = 0; i < s.actions().size(); i++) {
        String a = s.actions().get(i);
        if (!OIDC_ACTIONS.contains(a.toLowerCase(Locale.ROOT))) {
          out.add(FindingCode.IRSA_WRONG_ACTION, l.at().value("Action", i).path(), "an OIDC provider principal"
              + " assumes the role with " + WEB_IDENTITY + ", not \"" + a + "\": replace it");
        }
      }
    }
    if (!actionMatches(s, WEB_IDENTITY)) {
      out.add(FindingCode.IRSA_WRONG_ACTION, l.at().element(s.actions().isEmpty() ? "NotAction" : "Action").path(),
          "the statement does not allow " + WEB_IDENTITY + ", which IRSA uses to assume the role: add it");
    }
    List<LocatedCondition> sub = new ArrayList<>();
    List<LocatedCondition> aud = new ArrayList<>();
    claims(l, host, sub, aud);
    boolean kubernetes = EKS_ISSUER.matcher(host).matches()
        || sub.stream().flatMap(c -> c.c().texts().stream()).anyMatch(v -> v.startsWith(SA_PREFIX));
    subject(l, host, sub, kubernetes);
    if (aud.isEmpty()) {
      out.add(FindingCode.MISSING_AUD_CONDITION, l.path(), "no " + host + ":aud condition: add \"" + host + ":aud\": \""
          + cx.audience + "\" to the StringEquals test so only tokens minted for STS are accepted");
    }
    for (LocatedCondition c : aud) {
      audience(c);
    }
  }

  /** Sorts the statement's OIDC conditions for {@code host} into sub and aud, reporting keys for other issuers. */
  private void claims(Located l, String host, List<LocatedCondition> sub, List<LocatedCondition> aud) {
    List<Condition> conditions = l.statement().conditions();
    for (int i = 0; i < conditions.size(); i++) {
      Condition c = conditions.get(i);
      if (!cx.isOidcKey(c.key())) {
        continue;
      }
      String cpath = l.at().condition(i).key().path();
      int colon = c.key().lastIndexOf(':');
      String keyHost = c.key().substring(0, colon);
      String claim = c.key().substring(colon + 1);
      if (!keyHost.equals(stripScheme(keyHost))) {
        out.add(FindingCode.CONDITION_KEY_HAS_SCHEME, cpath, "condition keys name the issuer without https://: write"
            + " \"" + stripScheme(keyHost) + ":" + claim + "\"");
        keyHost = stripScheme(keyHost);
      }
      if (!keyHost.equalsIgnoreCase(host)) {
        out.add(FindingCode.CONDITION_KEY_HOST_MISMATCH, cpath, "the key is for issuer " + keyHost + " but the"
            + " principal is the OIDC provider for " + host + ", so this test never sees a value: write \"" + host
            + ":" + claim + "\"");
        continue;
      }
      if (claim.equals("sub")) {
        sub.add(new LocatedCondition(c, l.at().condition(i)));
      } else if (claim.equals("aud")) {
        aud.add(new LocatedCondition(c, l.at().condition(i)));
      }
    }
  }

  private void subject(Located l, String host, List<LocatedCondition> sub, boolean kubernetes) {
    List<LocatedCondition> positive = sub.stream()
        .filter(c -> c.c().operator().type().map(t -> !t.isNegated()).orElse(false)).toList();
    List<LocatedCondition> negated = sub.stream()
        .filter(c -> c.c().operator().type().map(OperatorType::isNegated).orElse(false)).toList();
    if (positive.isEmpty() && negated.isEmpty()) {
      out.add(FindingCode.MISSING_SUB_CONDITION, l.path(), "no " + host + ":sub condition: every "
          + (kubernetes ? "service account in the cluster" : "identity of this provider") + " can assume the role; add"
          + " \"Condition\": {\"StringEquals\": {\"" + host + ":sub\": \""
          + (kubernetes ? SA_PREFIX + "<namespace>:<name>" : "<subject>") + "\"}}");
    } else if (positive.isEmpty()) {
      for (LocatedCondition c : negated) {
        out.add(FindingCode.SUB_NEGATED_ONLY, c.at().key().path(), c.c().operator().name() + " only excludes "
            + c.c().texts() + "; every other subject can assume the role: test the allowed subjects with"
            + " StringEquals");
      }
    }
    for (LocatedCondition c : positive) {
      subValues(c, kubernetes);
    }
  }

  private void audience(LocatedCondition lc) {
    Condition c = lc.c();
    OperatorType t = c.operator().type().orElse(null);
    if (t == null || t.isNegated()) {
      return;
    }
    boolean like = t == OperatorType.STRING_LIKE;
    boolean admits = false;
    for (int i = 0; i < c.values().size(); i++) {
      String v = c.values().get(i).text();
      if (!like && Glob.hasWildcard(v) && t.category() == OperatorType.Category.STRING) {
        out.add(FindingCode.WILDCARD_IN_STRING_EQUALS, lc.at().value(i).path(), t.json() + " compares \"" + v
            + "\" literally and no token carries that audience: write \"" + cx.audience + "\"");
      }
      if (like ? Glob.matches(v, cx.audience, false) : v.equals(cx.audience)
          || t == OperatorType.STRING_EQUALS_IGNORE_CASE && v.equalsIgnoreCase(cx.audience)) {
        admits = true;
      }
    }
    if (!admits) {
      out.add(FindingCode.AUDIENCE_MISMATCH, lc.at().key().path(), "tokens for this role carry audience \""
          + cx.audience + "\", which " + c.texts() + " does not admit, so assuming the role fails: write \""
          + cx.audience + "\" (or lint with the audience your service accounts use)");
    }
  }

  private void subValues(LocatedCondition lc, boolean kubernetes) {
    Condition c = lc.c();
    OperatorType t = c.operator().type().orElseThrow();
    boolean like = t == OperatorType.STRING_LIKE;
    for (int i = 0; i < c.values().size(); i++) {
      String v = c.values().get(i).text();
      String vpath = lc.at().value(i).path();
      if (!like && t.category() == OperatorType.Category.STRING && Glob.hasWildcard(v)) {
        out.add(FindingCode.WILDCARD_IN_STRING_EQUALS, vpath, t.json() + " compares \"" + v + "\" literally, so no"
            + " token matches it: name the service account, or use StringLike if a pattern is really meant");
        continue;
      }
      if (kubernetes) {
        subValue(v, vpath, like);
      }
    }
  }

  private void subValue(String v, String vpath, boolean like) {
    if (v.startsWith(SA_PREFIX)) {
      String rest = v.substring(SA_PREFIX.length());
      int colon = rest.indexOf(':');
      if (like && colon < 0 && Glob.hasWildcard(rest)) {
        out.add(FindingCode.SUB_ANY_SERVICE_ACCOUNT, vpath, "\"" + v + "\" admits every service account in every"
            + " namespace: name the service account (system:serviceaccount:<namespace>:<name>)");
      } else if (like && colon >= 0 && Glob.hasWildcard(rest.substring(0, colon))) {
        out.add(FindingCode.SUB_WILDCARD_NAMESPACE, vpath, "\"" + v + "\" has a wildcard in the namespace, so anyone"
            + " who can create a matching namespace can assume the role: name the namespace");
      } else if (colon < 0) {
        out.add(FindingCode.SUB_NOT_SERVICE_ACCOUNT, vpath, "\"" + v + "\" lacks the service account name: write "
            + SA_PREFIX + rest + ":<name>");
      }
    } else if (like && Glob.matches(v, SA_PREFIX + "namespace:name", false)) {
      out.add(FindingCode.SUB_ANY_SERVICE_ACCOUNT, vpath, "\"" + v + "\" admits every service account in every"
          + " namespace: name the service account (system:serviceaccount:<namespace>:<name>)");
    } else {
      out.add(FindingCode.SUB_NOT_SERVICE_ACCOUNT, vpath, "\"" + v + "\" is not a service account subject; tokens"
          + " carry " + SA_PREFIX + "<namespace>:<name>: write that");
    }
  }
}
