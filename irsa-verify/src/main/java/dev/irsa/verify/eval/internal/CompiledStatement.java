package dev.irsa.verify.eval.internal;

import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.policy.Statement;
import java.util.List;

/** One statement ready to evaluate: action globs, resource patterns, principal and conditions. */
public final class CompiledStatement {
  private final Statement source;
  private final int index;
  private final boolean allow;
  private final StringTable<Boolean> literalActions; // lower-cased, no wildcard
  private final StringTable<Glob[]> wildcardActionsByService;
  private final Glob[] wildcardActionsAnyService;
  private final boolean notAction;
  private final ArnPattern[] resources; // null: no Resource element (matches everything)
  private final boolean notResource;
  private final PrincipalMatcher principal;
  private final boolean notPrincipal;
  private final ConditionMatcher[] conditions;

  public CompiledStatement(Statement source, int index, Glob[] actions, ArnPattern[] resources,
      PrincipalMatcher principal, ConditionMatcher[] conditions) {
    this.source = source;
    this.index = index;
    this.allow = source.isAllow();
    java.util.Map<String, Boolean> literal = new java.util.HashMap<>();
    java.util.Map<String, java.util.List<Glob>> bySvc = new java.util.HashMap<>();
    java.util.List<Glob> any = new java.util.ArrayList<>();
    for (Glob g : actions) {
      if (g.isLiteral()) {
        literal.put(g.toString(), Boolean.TRUE);
        continue;
      }
      String svc = servicePrefix(g.toString());
      if (svc == null) {
        any.add(g);
      } else {
        bySvc.computeIfAbsent(svc, k -> new java.util.ArrayList<>()).add(g);
      }
    }
    this.literalActions = StringTable.of(literal);
    java.util.Map<String, Glob[]> wild = new java.util.HashMap<>();
    bySvc.forEach((k, v) -> wild.put(k, v.toArray(new Glob[0])));
    this.wildcardActionsByService = StringTable.of(wild);
    this.wildcardActionsAnyService = any.toArray(new Glob[0]);
    this.notAction = source.actions().isEmpty();
    this.resources = resources;
    this.notResource = !source.notResources().isEmpty();
    this.principal = principal;
    this.notPrincipal = source.notPrincipal().isPresent();
    this.conditions = conditions;
  }

  public Statement source() {
    return source;
  }

  /** 0-based position in the policy. */
  public int index() {
    return index;
  }

  public boolean isAllow() {
    return allow;
  }

  /** The service prefixes this statement can apply to (lower case), or empty when any service. */
  public static String servicePrefix(String actionPattern) {
    int colon = actionPattern.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String svc = actionPattern.substring(0, colon);
    if (svc.indexOf('*') >= 0 || svc.indexOf('?') >= 0) {
      return null;
    }
    return Ascii.lower(svc);
  }

  /**
   * The lower-cased action (of lower-cased {@code service}) is covered by Action (or not excluded
   * by NotAction). Literal actions are looked up in a set, wildcards only for their service.
   */
  public boolean matchesAction(String lowerCaseAction, String service) {
    return notAction != anyAction(lowerCaseAction, service);
  }

  private boolean anyAction(String action, String service) {
    if (literalActions.containsKey(action)) {
      return true;
    }
    Glob[] svc = wildcardActionsByService.get(service);
    if (svc != null) {
      for (Glob g : svc) {
        if (g.matches(action)) {
          return true;
        }
      }
    }
    for (Glob g : wildcardActionsAnyService) {
      if (g.matches(action)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Resource/NotResource. An entry whose policy variable has no value matches nothing; a
   * NotResource holding such an entry makes the statement not apply (irsa's choice: IAM documents
   * neither, and the statement cannot be evaluated as written).
   */
  public boolean matchesResource(ArnPattern.Parts resource, Template.Lookup ctx) {
    if (resources == null) {
      return true;
    }
    if (notResource) {
      for (ArnPattern p : resources) {
        if (!p.resolvable(ctx)) {
          return false;
        }
      }
    }
    boolean any = false;
    for (ArnPattern p : resources) {
      if (p.matches(resource, ctx)) {
        any = true;
        break;
      }
    }
    return notResource != any;
  }

  /**
   * How the caller matches Principal/NotPrincipal; {@link PrincipalMatcher.Kind#DIRECT} when the
   * statement has neither or when {@code checkPrincipal} is false (identity-side policies).
   */
  public PrincipalMatcher.Kind matchesPrincipal(PrincipalMatcher.Caller caller, boolean checkPrincipal,
      boolean callerHasBoundary) {
    if (principal == null || !checkPrincipal) {
      return PrincipalMatcher.Kind.DIRECT;
    }
    if (notPrincipal) {
      if (!allow && callerHasBoundary) {
        return PrincipalMatcher.Kind.DIRECT; // IAM: Deny + NotPrincipal always applies to a principal with a boundary
      }
      return principal.excludes(caller) ? PrincipalMatcher.Kind.NONE : PrincipalMatcher.Kind.DIRECT;
    }
    return principal.match(caller);
  }

  /** All conditions hold (they are ANDed). Every condition is tried so missing keys are all reported. */
  public boolean matchesConditions(ConditionMatcher.Context ctx, ConditionMatcher.Trace trace) {
    boolean all = true;
    for (ConditionMatcher c : conditions) {
      if (!c.matches(ctx, trace)) {
        all = false;
        if (trace == null) {
          return false;
        }
      }
    }
    return all;
  }

  public List<ConditionMatcher> conditions() {
    return List.of(conditions);
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
