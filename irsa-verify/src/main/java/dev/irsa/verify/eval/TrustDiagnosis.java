package dev.irsa.verify.eval;

import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.Principal;
import dev.irsa.verify.eval.internal.CompiledStatement;
import dev.irsa.verify.eval.internal.ConditionMatcher;
import dev.irsa.verify.eval.internal.PrincipalMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a role's trust policy refused a request, part by part: computed only for a refused role trust
 * request, after the decision (the decision never depends on it).
 */
final class TrustDiagnosis {
  private TrustDiagnosis() {}

  /**
   * The failing parts of the closest Allow statements: those that name the caller and allow the
   * action (their failing conditions), else those that name the caller or allow the action (the
   * other one), else every Allow statement.
   */
  static List<TrustRefusal> refusals(PolicySet set, RequestContext req, ConditionMatcher.Context ctx) {
    if (Evaluator.foreignOidcProvider(req)) {
      String roleAccount = req.resourceAccount().orElseGet(() -> Evaluator.Run.arnAccount(req.resource()));
      return List.of(new TrustRefusal(TrustRefusal.Reason.PROVIDER_ACCOUNT, OptionalInt.empty(), Optional.empty(),
          Optional.empty(), List.of(roleAccount), List.of(req.principal().orElseThrow())));
    }
    CompiledStatement[] statements = set.resourcePolicy().map(p -> p.policy().statements())
        .orElse(new CompiledStatement[0]);
    int best = -1;
    List<CompiledStatement> closest = new ArrayList<>();
    for (CompiledStatement s : statements) {
      if (!s.isAllow()) {
        continue;
      }
      int score = score(s, req);
      if (score > best) {
        best = score;
        closest.clear();
      }
      if (score == best) {
        closest.add(s);
      }
    }
    if (closest.isEmpty()) {
      return List.of(new TrustRefusal(TrustRefusal.Reason.NO_ALLOW_STATEMENT, OptionalInt.empty(), Optional.empty(),
          Optional.empty(), List.of(), List.of()));
    }
    List<TrustRefusal> out = new ArrayList<>();
    for (CompiledStatement s : closest) {
      OptionalInt at = OptionalInt.of(s.index());
      if (!names(s, req)) {
        out.add(new TrustRefusal(TrustRefusal.Reason.PROVIDER, at, Optional.empty(), Optional.empty(),
            principals(s.source().principal()), req.principal().map(List::of).orElse(List.of())));
      }
      if (!s.matchesAction(req.lowerAction(), req.service())) {
        List<String> wanted = s.source().actions().isEmpty()
            ? s.source().notActions().stream().map(a -> "anything but " + a).toList() : s.source().actions();
        out.add(new TrustRefusal(TrustRefusal.Reason.ACTION, at, Optional.empty(), Optional.empty(), wanted,
            List.of(req.action())));
      }
      if (best == 3) {
        for (ConditionMatcher c : s.conditions()) {
          if (!c.matches(ctx, null)) {
            out.add(condition(at, c.source(), req));
          }
        }
      }
    }
    return out;
  }

  /** 2 when the statement names the caller, plus 1 when it allows the action. */
  private static int score(CompiledStatement s, RequestContext req) {
    return (names(s, req) ? 2 : 0) + (s.matchesAction(req.lowerAction(), req.service()) ? 1 : 0);
  }

  private static boolean names(CompiledStatement s, RequestContext req) {
    return s.matchesPrincipal(req.caller(), true, false) != PrincipalMatcher.Kind.NONE;
  }

  private static List<String> principals(Optional<Principal> p) {
    if (p.isEmpty()) {
      return List.of();
    }
    if (p.get().isWildcard()) {
      return List.of("*");
    }
    List<String> out = new ArrayList<>();
    p.get().ids().forEach((type, ids) -> out.addAll(ids));
    return out;
  }

  private static TrustRefusal condition(OptionalInt at, Condition c, RequestContext req) {
    String key = c.key().toLowerCase(Locale.ROOT);
    boolean token = !key.startsWith("aws:");
    TrustRefusal.Reason reason = token && key.endsWith(":sub") ? TrustRefusal.Reason.SUBJECT
        : token && key.endsWith(":aud") ? TrustRefusal.Reason.AUDIENCE : TrustRefusal.Reason.CONDITION;
    return new TrustRefusal(reason, at, Optional.of(c.key()), Optional.of(c.operator().name()), c.texts(),
        req.values(c.key()));
  }
}
