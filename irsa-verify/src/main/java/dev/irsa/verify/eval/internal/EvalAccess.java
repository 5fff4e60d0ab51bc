package dev.irsa.verify.eval.internal;

import dev.irsa.verify.eval.CompiledPolicy;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.eval.PolicySet;
import dev.irsa.verify.eval.RequestContext;
import java.util.function.Function;

/**
 * Lets irsa's own tools reach package-private parts of {@code dev.irsa.verify.eval} without making
 * them public (the JDK's SharedSecrets pattern): {@link CompiledPolicy} registers its factory here
 * when it is initialized, and {@link PolicySet} the evaluator that
 * {@link dev.irsa.verify.PolicyEvaluator} (the one front door of evaluation) calls.
 */
public final class EvalAccess {
  private static volatile Function<PolicyCompiler.Compiled, CompiledPolicy> policies;
  private static volatile Engine engine;

  /** The evaluation entry points of {@code dev.irsa.verify.eval}. */
  public interface Engine {
    /** The decision with the statements, layers, missing keys and trust refusals behind it. */
    EvaluationResult evaluate(PolicySet set, RequestContext request);

    /** Only the decision. */
    Decision decide(PolicySet set, RequestContext request);
  }

  /** Called once by {@link PolicySet}'s static initializer. */
  public static void engine(Engine e) {
    if (engine != null) {
      throw new IllegalStateException("already registered");
    }
    engine = e;
  }

  /** The evaluator (registered when {@link PolicySet} is initialized, which any evaluation needs). */
  public static Engine engine() {
    Engine e = engine;
    if (e == null) {
      initialize(PolicySet.class);
      e = engine;
    }
    return e;
  }

  private static void initialize(Class<?> c) {
    try {
      Class.forName(c.getName(), true, c.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private EvalAccess() {}

  /** Called once by {@link CompiledPolicy}'s static initializer. */
  public static void policies(Function<PolicyCompiler.Compiled, CompiledPolicy> factory) {
    if (policies != null) {
      throw new IllegalStateException("already registered");
    }
    policies = factory;
  }

  /** A policy compiled by {@link PolicyCompiler} (e.g. from a larger JSON tree). */
  public static CompiledPolicy policy(PolicyCompiler.Compiled compiled) {
    Function<PolicyCompiler.Compiled, CompiledPolicy> f = policies;
    if (f == null) {
      initialize(CompiledPolicy.class);
      f = policies;
    }
    return f.apply(compiled);
  }
}
