package dev.irsa.verify.doctor.internal;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.PolicyLinter;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.SizeQuota;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.doctor.Code;
import dev.irsa.verify.doctor.Finding;
import dev.irsa.verify.doctor.IamRole;
import dev.irsa.verify.eval.EvaluationResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Trust checks, decided by the evaluator: when the service account cannot assume the role, each
 * candidate repair (the action, the provider, the {@code :aud} conditions, the {@code :sub}
 * conditions) is applied to a copy of the trust policy, and the repairs without which the copy still
 * denies are the broken links. Breadth comes from the linter's trust rules and a probe with a service
 * account that exists nowhere.
 */
public final class TrustChecks {
  /** A subject no real service account has: admitting it means admitting strangers. */
  static final String PROBE_SUBJECT = ServiceAccountRef.SUBJECT_PREFIX + "irsa-doctor-probe:irsa-doctor-probe";
  private static final Set<FindingCode> BROAD = EnumSet.of(FindingCode.MISSING_SUB_CONDITION,
      FindingCode.SUB_WILDCARD_NAMESPACE, FindingCode.SUB_ANY_SERVICE_ACCOUNT, FindingCode.SUB_NEGATED_ONLY);
  /** The default quota of managed policies attached to a role (raisable to 20). */
  public static final int MANAGED_POLICIES_PER_ROLE = 10;

  private static final PolicyEvaluator EVAL = PolicyEvaluator.create();

  private enum Repair { ACTION, PROVIDER, AUDIENCE, SUBJECT }

  private TrustChecks() {}

  /** Can {@code sa} (token audience {@code audience}) on the cluster of {@code provider} assume the role? */
  public static List<Finding> admits(IamRole role, OidcProvider provider, ServiceAccountRef sa, String audience, String issuer) {
    RoleArn arn = RoleArn.parse(role.arn());
    PolicyDocument trust = role.trustPolicy();
    if (allowed(trust, arn, provider, sa.subject(), audience)) {
      return List.of();
    }
    String subject = "role " + role.arn();
    Map<Repair, UnaryOperator<PolicyDocument>> repairs = new LinkedHashMap<>();
    repairs.put(Repair.ACTION, d -> mapStatements(d, TrustChecks::fixAction));
    repairs.put(Repair.PROVIDER, d -> mapStatements(d, s -> fixProvider(s, provider)));
    repairs.put(Repair.AUDIENCE, d -> mapStatements(d, s -> dropConditions(s, ":aud")));
    repairs.put(Repair.SUBJECT, d -> mapStatements(d, s -> dropConditions(s, ":sub")));
    PolicyDocument all = trust;
    for (UnaryOperator<PolicyDocument> r : repairs.values()) {
      all = r.apply(all);
    }
    String fix = trustFix(role, provider, sa, audience, issuer);
    if (!allowed(all, arn, provider, sa.subject(), audience)) {
      EvaluationResult r = EVAL.irsaTrust(trust, arn, provider, sa.subject(), audience);
      return List.of(new Finding(Code.TRUST_SUBJECT_MISMATCH, subject, "the trust policy does not let " + sa
          + " assume the role, and no single repair of action, provider, audience or subject would",
          List.of("evaluation: " + r.decision() + ": " + r.explain().replace('\n', ' ')), fix));
    }
    Set<Repair> needed = EnumSet.noneOf(Repair.class);
    for (Repair left : repairs.keySet()) {
      PolicyDocument d = trust;
      for (Map.Entry<Repair, UnaryOperator<PolicyDocument>> e : repairs.entrySet()) {
        if (e.getKey() != left) {
          d = e.getValue().apply(d);
        }
      }
      if (!allowed(d, arn, provider, sa.subject(), audience)) {
        needed.add(left);
      }
    }
    if (needed.isEmpty()) {   // several repairs each suffice: name the first one that does alone
      for (Map.Entry<Repair, UnaryOperator<PolicyDocument>> e : repairs.entrySet()) {
        if (allowed(e.getValue().apply(trust), arn, provider, sa.subject(), audience)) {
          needed.add(e.getKey());
          break;
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Repair r : needed) {
      out.add(switch (r) {
        case ACTION -> new Finding(Code.TRUST_WRONG_ACTION, subject, "no statement for the OIDC provider allows "
            + PolicyEvaluator.ASSUME_ROLE_WITH_WEB_IDENTITY, federatedStatements(trust, s -> "Action "
            + (s.actions().isEmpty() ? "NotAction " + s.notActions() : s.actions())), fix);
        case PROVIDER -> new Finding(Code.TRUST_PROVIDER_MISMATCH, subject, "the trust names "
            + providerMismatch(trust, provider), federatedStatements(trust, s -> "Federated "
            + s.principal().map(p -> p.ids(PrincipalType.FEDERATED)).orElse(List.of())), fix);
        case AUDIENCE -> new Finding(Code.TRUST_AUDIENCE_MISMATCH, subject, "the trust's :aud condition does not "
            + "admit the token's audience " + audience, conditionEvidence(trust, ":aud", provider.audKey(),
            "token aud: " + audience), fix);
        case SUBJECT -> new Finding(Code.TRUST_SUBJECT_MISMATCH, subject, "the trust's :sub condition does not "
            + "admit " + sa.subject(), conditionEvidence(trust, ":sub", provider.subKey(), "token sub: "
            + sa.subject()), fix);
      });
    }
    return out;
  }

  /** Role-level trust checks: breadth and size. */
  public static List<Finding> roleLevel(IamRole role) {
    List<Finding> out = new ArrayList<>();
    String subject = "role " + role.arn();
    PolicyDocument trust = role.trustPolicy();
    List<String> broad = new ArrayList<>();
    PolicyLinter.create().lint(trust, PolicyKind.TRUST).findings().stream()
        .filter(f -> BROAD.contains(f.code())).forEach(f -> broad.add(f.code() + " at " + f.path() + ": " + f.message()));
    RoleArn arn = RoleArn.parse(role.arn());
    for (String providerArn : federatedProviders(trust)) {
      OidcProvider p;
      try {
        p = OidcProvider.fromArn(providerArn);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (allowed(trust, arn, p, PROBE_SUBJECT, OidcProvider.DEFAULT_AUDIENCE)) {
        broad.add("the evaluator admits " + PROBE_SUBJECT + " (a service account that exists nowhere) through " + providerArn);
      }
    }
    if (!broad.isEmpty()) {
      out.add(new Finding(Code.TRUST_TOO_BROAD, subject, "service accounts other than the intended ones can assume "
          + "the role", broad, "name each service account in a StringEquals condition on <issuer>:sub (and keep "
          + "<issuer>:aud = sts.amazonaws.com); use StringLike only within one namespace"));
    }
    int size = trust.iamSize();
    int limit = SizeQuota.TRUST_POLICY.limit();
    if (size * 10 >= limit * 9) {
      out.add(new Finding(Code.TRUST_POLICY_NEAR_QUOTA, subject, "the trust policy uses " + size + " of "
          + limit + " characters (" + (size * 100 / limit) + "%)", List.of("trust policy size " + size
          + " (whitespace not counted), quota ACLSizePerRole " + limit), "split the service accounts over more "
          + "roles, or request a higher 'Role trust policy length' quota (up to 8,192) before adding one more"));
    }
    if (role.attachedPolicyArns().size() >= MANAGED_POLICIES_PER_ROLE) {
      out.add(new Finding(Code.ROLE_POLICY_QUOTA, subject, role.attachedPolicyArns().size()
          + " managed policies are attached; the default quota is " + MANAGED_POLICIES_PER_ROLE,
          role.attachedPolicyArns(), "merge policies, or request a higher 'Managed policies per role' quota (up to 20) "
          + "before attaching another"));
    }
    return out;
  }

  /** The Federated OIDC provider ARNs of the trust's Allow statements, in order. */
  public static Set<String> federatedProviders(PolicyDocument trust) {
    Set<String> out = new LinkedHashSet<>();
    for (Statement s : trust.statements()) {
      if (s.isAllow()) {
        s.principal().ifPresent(p -> p.ids(PrincipalType.FEDERATED).stream()
            .filter(id -> id.contains(":oidc-provider/")).forEach(out::add));
      }
    }
    return out;
  }

  /** The exact (StringEquals) subjects the trust admits under a provider's {@code :sub} key. */
  public static Set<String> exactSubjects(PolicyDocument trust, OidcProvider provider) {
    Set<String> out = new LinkedHashSet<>();
    for (Statement s : trust.statements()) {
      if (!s.isAllow()) {
        continue;
      }
      for (Condition c : s.conditions(provider.subKey())) {
        if (c.operator().name().equals("StringEquals")) {
          out.addAll(c.texts());
        }
      }
    }
    return out;
  }

  static boolean allowed(PolicyDocument trust, RoleArn arn, OidcProvider provider, String sub, String aud) {
    return EVAL.irsaTrust(trust, arn, provider, sub, aud).isAllowed();
  }

  private static PolicyDocument mapStatements(PolicyDocument d, UnaryOperator<Statement> f) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : d.statements()) {
      out.add(s.isAllow() && s.principal().isPresent() && !s.principal().get().ids(PrincipalType.FEDERATED).isEmpty()
          ? f.apply(s) : s);
    }
    return d.toBuilder().statements(out).build();
  }

  private static Statement fixAction(Statement s) {
    return s.toBuilder().notActions(List.of()).actions(List.of(PolicyEvaluator.ASSUME_ROLE_WITH_WEB_IDENTITY)).build();
  }

  private static Statement fixProvider(Statement s, OidcProvider expected) {
    List<String> ids = s.principal().get().ids(PrincipalType.FEDERATED);
    if (ids.contains(expected.arn())) {
      return s;
    }
    List<Condition> conditions = new ArrayList<>();
    for (Condition c : s.conditions()) {
      String key = c.key();
      for (String id : ids) {
        try {
          String prefix = OidcProvider.fromArn(id).conditionKeyPrefix() + ":";
          if (key.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
            key = expected.conditionKeyPrefix() + ":" + key.substring(prefix.length());
          }
        } catch (IllegalArgumentException e) {
          // not a provider ARN: nothing to rename
        }
      }
      conditions.add(Condition.of(c.operator(), key, c.values()));
    }
    Map<PrincipalType, List<String>> byType = new LinkedHashMap<>(s.principal().get().byType());
    byType.put(PrincipalType.FEDERATED, List.of(expected.arn()));
    return s.toBuilder().principal(Principal.of(byType)).conditions(conditions).build();
  }

  private static Statement dropConditions(Statement s, String suffix) {
    List<Condition> kept = s.conditions().stream()
        .filter(c -> !c.key().toLowerCase(Locale.ROOT).endsWith(suffix)).toList();
    return s.toBuilder().conditions(kept).build();
  }

  private static List<String> federatedStatements(PolicyDocument trust, java.util.function.Function<Statement, String> what) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < trust.statements().size(); i++) {
      Statement s = trust.statements().get(i);
      if (s.isAllow() && s.principal().isPresent() && !s.principal().get().ids(PrincipalType.FEDERATED).isEmpty()) {
        out.add("Statement[" + i + "] " + what.apply(s));
      }
    }
    return out;
  }

  private static String providerMismatch(PolicyDocument trust, OidcProvider expected) {
    for (String id : federatedProviders(trust)) {
      try {
        OidcProvider p = OidcProvider.fromArn(id);
        if (p.conditionKeyPrefix().equals(expected.conditionKeyPrefix())) {
          return "the cluster's issuer in another account (" + p.account() + ") than the role's provider "
              + expected.arn();
        }
      } catch (IllegalArgumentException e) {
        // reported below as another provider
      }
    }
    return "another cluster's OIDC provider, not " + expected.arn() + " (the cluster's issuer in the role's account)";
  }

  private static List<String> conditionEvidence(PolicyDocument trust, String suffix, String expectedKey, String token) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < trust.statements().size(); i++) {
      Statement s = trust.statements().get(i);
      if (!s.isAllow()) {
        continue;
      }
      for (Condition c : s.conditions()) {
        if (!c.key().toLowerCase(Locale.ROOT).endsWith(suffix)) {
          continue;
        }
        String note = "";
        if (!c.key().equalsIgnoreCase(expectedKey)) {
          note = " (STS supplies " + expectedKey + ", not " + c.key() + ")";
        } else if (c.operator().name().startsWith("StringEquals") && c.texts().stream().anyMatch(v -> v.contains("*"))) {
          note = " ('*' is literal under StringEquals; use StringLike, or name the service account)";
        }
        out.add("Statement[" + i + "] " + c.operator() + " " + c.key() + " " + c.texts() + note);
      }
    }
    if (out.isEmpty()) {
      out.add("no Allow statement has a condition on a " + suffix + " key");
    }
    out.add(token);
    return out;
  }

  private static String trustFix(IamRole role, OidcProvider provider, ServiceAccountRef sa, String audience, String issuer) {
    return "java -jar irsa-examples.jar trust irsa --issuer " + issuer + " --account " + provider.account()
        + " --service-account " + sa + (audience.equals(OidcProvider.DEFAULT_AUDIENCE) ? "" : " --audience " + audience)
        + " > trust.json && aws iam update-assume-role-policy --role-name " + role.name()
        + " --policy-document file://trust.json (merge the statement into the existing trust if other service "
        + "accounts use the role)";
  }
}
