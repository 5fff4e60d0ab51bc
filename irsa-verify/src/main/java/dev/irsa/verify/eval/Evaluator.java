package dev.irsa.verify.eval;

import dev.irsa.verify.eval.internal.CompiledStatement;
import dev.irsa.verify.eval.internal.EvalAccess;
import dev.irsa.verify.eval.internal.ConditionMatcher;
import dev.irsa.verify.eval.internal.PrincipalMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * IAM's evaluation logic over a {@link PolicySet}. Stateless and thread-safe. Reached through
 * {@link dev.irsa.verify.PolicyEvaluator}, the one front door of evaluation.
 *
 * <ol>
 *   <li>{@code sts:GetCallerIdentity} needs no permission: ALLOWED for any caller with credentials,
 *       whatever the policies say (STS API reference).
 *   <li>A Deny that applies in any policy (SCP, RCP, resource, identity, boundary, session):
 *       {@code EXPLICIT_DENY}.
 *   <li>Every SCP level must allow (else blocked by {@code scp}). RCPs only deny.
 *   <li>Same account: an Allow in the resource policy naming the caller directly (user or session
 *       ARN, {@code *}, a service or provider) suffices; naming the caller's role, it suffices unless
 *       a permissions boundary or session policy does not allow; naming the account, the identity
 *       side must allow. Otherwise the identity policies must allow, and the boundary and session
 *       policy when present. For role trust ({@code sts:AssumeRole*} on a role) and KMS key
 *       policies the resource policy itself must allow.
 *   <li>Across accounts: the identity side (identity policies, boundary, session policy) AND the
 *       resource policy must allow.
 * </ol>
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a>
 */
final class Evaluator {
  private static final int ROLE = 1;
  private static final int DIRECT = 2;
  private static final int ACCOUNT = 4;

  /** What {@link dev.irsa.verify.PolicyEvaluator} calls (through {@link EvalAccess}). */
  static final EvalAccess.Engine ENGINE = new EvalAccess.Engine() {
    @Override
    public EvaluationResult evaluate(PolicySet set, RequestContext request) {
      return Evaluator.evaluate(set, request);
    }

    @Override
    public Decision decide(PolicySet set, RequestContext request) {
      return Evaluator.decide(set, request);
    }
  };

  private Evaluator() {}

  /** Evaluates with full detail (matched statements, missing keys, why a trust policy refused). */
  static EvaluationResult evaluate(PolicySet set, RequestContext request) {
    Run run = new Run(request, true);
    Decision d = run.decide(set);
    List<String> missing = run.missing == null ? List.of() : new ArrayList<>(run.missing);
    List<TrustRefusal> refusals = d == Decision.IMPLICIT_DENY && isRoleTrust(request)
        ? TrustDiagnosis.refusals(set, request, run) : List.of();
    return new EvaluationResult(request, d, run.result, run.blocked, missing, refusals);
  }

  /** Only the decision: nothing is collected, for bulk runs. */
  static Decision decide(PolicySet set, RequestContext request) {
    return new Run(request, false).decide(set);
  }

  /** A role trust request: an {@code sts:} action on a role ARN, decided by the role's trust policy. */
  static boolean isRoleTrust(RequestContext req) {
    String r = req.resource();
    return req.service().equals("sts") && r.startsWith("arn:") && r.contains(":iam::") && r.indexOf(":role/") > 0;
  }

  /**
   * AssumeRoleWithWebIdentity only accepts an OIDC provider registered in the account that owns the
   * role: a provider of another account never admits a token, whatever the trust policy says.
   */
  static boolean foreignOidcProvider(RequestContext req) {
    PrincipalMatcher.Caller caller = req.caller();
    if (!caller.isOidcProvider() || !isRoleTrust(req)) {
      return false;
    }
    String roleAccount = req.resourceAccount().orElseGet(() -> Run.arnAccount(req.resource()));
    return roleAccount != null && !roleAccount.equals(caller.account());
  }

  /** The state of one evaluation. */
  static final class Run implements ConditionMatcher.Context, ConditionMatcher.Trace {
    final RequestContext req;
    final boolean detail;
    Set<String> missing;
    List<MatchedStatement> denies;
    List<MatchedStatement> allows;
    List<MatchedStatement> result = List.of();
    final List<PolicyType> blocked = new ArrayList<>(2);
    boolean hasBoundary;
    // per-layer outputs
    boolean deny;
    boolean scpAllowed = true;
    int resourceKinds;
    boolean identityAllow;
    boolean boundaryOk = true;
    boolean sessionOk = true;
    // per-policy outputs
    boolean anyAllow;
    boolean anyDeny;
    int allowKinds;

    Run(RequestContext req, boolean detail) {
      this.req = req;
      this.detail = detail;
      if (detail) {
        denies = new ArrayList<>();
        allows = new ArrayList<>();
      }
    }

    @Override
    public String[] values(String lowerCaseKey) {
      return req.valuesLower(lowerCaseKey);
    }

    @Override
    public String single(String lowerCaseKey) {
      String[] v = req.valuesLower(lowerCaseKey);
      return v != null && v.length == 1 ? v[0] : null;
    }

    @Override
    public void missing(String key) {
      if (missing == null) {
        missing = new LinkedHashSet<>();
      }
      missing.add(key);
    }

    Decision decide(PolicySet set) {
      if (req.principal().isPresent() && req.lowerAction().equals("sts:getcalleridentity")) {
        return Decision.ALLOWED; // no permission is required, and an explicit Deny does not stop it
      }
      collect(set);
      if (deny) {
        if (detail) {
          result = denies;
        }
        return Decision.EXPLICIT_DENY;
      }
      boolean allowed = allowedWithoutDeny();
      if (!scpAllowed) {
        blocked.add(0, PolicyType.SCP);
        allowed = false;
      }
      if (allowed) {
        if (detail) {
          result = allows;
        }
        return Decision.ALLOWED;
      }
      return Decision.IMPLICIT_DENY;
    }

    /** Evaluates every layer: sets deny, scpAllowed, resourceKinds, identityAllow, boundaryOk and sessionOk. */
    private void collect(PolicySet set) {
      hasBoundary = !set.permissionsBoundaries().isEmpty();
      for (List<PolicySet.Named> level : set.scpLevels()) {
        boolean levelOk = false;
        for (PolicySet.Named p : level) {
          eval(p, PolicyType.SCP, false, false);
          deny |= anyDeny;
          levelOk |= anyAllow;
        }
        scpAllowed &= levelOk;
      }
      for (List<PolicySet.Named> level : set.rcpLevels()) {
        for (PolicySet.Named p : level) {
          eval(p, PolicyType.RCP, true, false);
          deny |= anyDeny;
        }
      }
      if (set.resourcePolicy().isPresent()) {
        eval(set.resourcePolicy().get(), PolicyType.RESOURCE, true, true);
        deny |= anyDeny;
        resourceKinds = allowKinds;
      }
      for (PolicySet.Named p : set.identityPolicies()) {
        eval(p, PolicyType.IDENTITY, false, true);
        deny |= anyDeny;
        identityAllow |= anyAllow;
      }
      for (PolicySet.Named p : set.permissionsBoundaries()) {
        eval(p, PolicyType.PERMISSIONS_BOUNDARY, false, true);
        deny |= anyDeny;
        boundaryOk &= anyAllow;
      }
      // a federated user session (GetFederationToken) without a session policy has no permissions
      sessionOk = !req.caller().federatedUser();
      if (set.sessionPolicy().isPresent()) {
        eval(set.sessionPolicy().get(), PolicyType.SESSION, false, true);
        deny |= anyDeny;
        sessionOk = anyAllow;
      }
    }

    /** Whether the layers allow when nothing denies (SCPs aside), adding what blocked an implicit deny. */
    private boolean allowedWithoutDeny() {
      PrincipalMatcher.Caller caller = req.caller();
      String callerAccount = caller.account();
      String resourceAccount = req.resourceAccount().orElse(null);
      if (resourceAccount == null) {
        resourceAccount = arnAccount(req.resource());
      }
      boolean identityCaller = callerAccount != null && !caller.federated(); // IAM users and roles have an identity side
      boolean cross = identityCaller && resourceAccount != null && !resourceAccount.equals(callerAccount);
      boolean resourceMustAllow = isRoleTrust(req) || isKeyPolicyRequest();
      boolean identitySide = identityAllow && boundaryOk && sessionOk;
      boolean allowed;
      if (!identityCaller) {
        allowed = (resourceKinds & (DIRECT | ROLE)) != 0 && !foreignOidcProvider(req);
        if (!allowed) {
          blocked.add(PolicyType.RESOURCE);
        }
      } else if (cross) {
        boolean resourceSide = resourceKinds != 0;
        allowed = resourceSide && identitySide;
        if (!allowed) {
          addIdentityBlocks(identityAllow, boundaryOk, sessionOk);
          if (!resourceSide) {
            blocked.add(PolicyType.RESOURCE);
          }
        }
      } else {
        boolean direct = (resourceKinds & DIRECT) != 0;
        boolean role = (resourceKinds & ROLE) != 0 && boundaryOk && sessionOk;
        boolean viaIdentity = identitySide && (!resourceMustAllow || resourceKinds != 0);
        allowed = direct || role || viaIdentity;
        if (!allowed) {
          if ((resourceKinds & ROLE) != 0) {
            addIdentityBlocks(true, boundaryOk, sessionOk);
          } else {
            addIdentityBlocks(identityAllow, boundaryOk, sessionOk);
            if (resourceMustAllow && resourceKinds == 0) {
              blocked.add(PolicyType.RESOURCE);
            }
          }
        }
      }
      return allowed;
    }

    private void addIdentityBlocks(boolean identityAllow, boolean boundaryOk, boolean sessionOk) {
      if (!identityAllow) {
        blocked.add(PolicyType.IDENTITY);
      }
      if (!boundaryOk) {
        blocked.add(PolicyType.PERMISSIONS_BOUNDARY);
      }
      if (!sessionOk) {
        blocked.add(PolicyType.SESSION);
      }
    }

    private boolean isKeyPolicyRequest() {
      String r = req.resource();
      return r.startsWith("arn:") && r.indexOf(":kms:") > 0 && r.indexOf(":key/") > 0;
    }

    static String arnAccount(String arn) {
      if (!arn.startsWith("arn:")) {
        return null;
      }
      int from = 0;
      for (int i = 0; i < 4; i++) {
        from = arn.indexOf(':', from) + 1;
        if (from == 0) {
          return null;
        }
      }
      int to = arn.indexOf(':', from);
      if (to < 0 || to == from) {
        return null;
      }
      return arn.substring(from, to);
    }

    /** Evaluates one policy: sets anyAllow, anyDeny, allowKinds and records matches when detailed. */
    private void eval(PolicySet.Named named, PolicyType type, boolean checkPrincipal, boolean recordAllows) {
      anyAllow = false;
      anyDeny = false;
      allowKinds = 0;
      CompiledPolicy policy = named.policy();
      CompiledStatement[] statements = policy.statements();
      int[] a = policy.forService(req.service());
      int[] b = policy.anyService();
      int i = 0;
      int j = 0;
      while (i < a.length || j < b.length) {
        int idx;
        if (j >= b.length || (i < a.length && a[i] < b[j])) {
          idx = a[i++];
        } else {
          idx = b[j++];
        }
        CompiledStatement s = statements[idx];
        if (!detail && (s.isAllow() ? anyAllow && !checkPrincipal : anyDeny)) {
          continue; // the answer for this policy cannot change
        }
        if (!s.matchesAction(req.lowerAction(), req.service()) || !s.matchesResource(req.resourceParts(), this)) {
          continue;
        }
        PrincipalMatcher.Kind kind = s.matchesPrincipal(req.caller(), checkPrincipal, hasBoundary);
        if (kind == PrincipalMatcher.Kind.NONE) {
          continue;
        }
        if (!s.matchesConditions(this, detail ? this : null)) {
          continue;
        }
        MatchedStatement m = detail
            ? new MatchedStatement(named.name(), type, idx, s.source().sid(), s.source().effect())
            : null;
        if (s.isAllow()) {
          anyAllow = true;
          allowKinds |= switch (kind) {
            case ROLE -> ROLE;
            case ACCOUNT -> ACCOUNT;
            default -> DIRECT;
          };
          if (detail && recordAllows) {
            allows.add(m);
          }
        } else {
          anyDeny = true;
          if (detail) {
            denies.add(m);
          }
        }
      }
    }
  }
}
