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
  private final String[] actionServices;
  private static final Glob[] NO_GLOBS = new Glob[0];

  public CompiledStatement(Statement source, int index, Glob[] actions, ArnPattern[] resources,
      PrincipalMatcher principal, ConditionMatcher[] conditions) {
    this.source = source;
    this.index = index;
    this.allow = source.isAllow();
    String[] services = new String[actions.length]; // each action's service prefix, null for any service
    java.util.Map<String, Boolean> literal = null;
    java.util.Map<String, java.util.List<Glob>> bySvc = null;
    java.util.List<Glob> any = null;
    for (int a = 0; a < actions.length; a++) {
      Glob g = actions[a];
      String text = g.toString(); // lower-cased
      services[a] = lowerServicePrefix(text);
      if (g.isLiteral()) {
        (literal == null ? literal = new java.util.HashMap<>(4) : literal).put(text, Boolean.TRUE);
      } else if (services[a] == null) {
        (any == null ? any = new java.util.ArrayList<>(2) : any).add(g);
      } else {
        (bySvc == null ? bySvc = new java.util.HashMap<>(4) : bySvc)
            .computeIfAbsent(services[a], k -> new java.util.ArrayList<>(2)).add(g);
      }
    }
    this.actionServices = services;
    this.literalActions = literal == null ? StringTable.empty() : StringTable.of(literal);
    if (bySvc == null) {
      this.wildcardActionsByService = StringTable.empty();
    } else {
      java.util.Map<String, Glob[]> wild = new java.util.HashMap<>(bySvc.size() * 2);
      bySvc.forEach((k, v) -> wild.put(k, v.toArray(new Glob[v.size()])));
      this.wildcardActionsByService = StringTable.of(wild);
    }
    this.wildcardActionsAnyService = any == null ? NO_GLOBS : any.toArray(new Glob[any.size()]);
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

  /**
   * The lower-cased service prefix of each action of Action or NotAction, in order; null for one
   * whose prefix holds a wildcard (it can name any service).
   */
  public String[] actionServices() {
    return actionServices;
  }

  /** The service prefix of a lower-cased action pattern, or null when it holds a wildcard (any service). */
  private static String lowerServicePrefix(String lowerActionPattern) {
    int colon = lowerActionPattern.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    for (int i = 0; i < colon; i++) {
      char c = lowerActionPattern.charAt(i);
      if (c == '*' || c == '?') {
        return null;
      }
    }
    return lowerActionPattern.substring(0, colon);
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
