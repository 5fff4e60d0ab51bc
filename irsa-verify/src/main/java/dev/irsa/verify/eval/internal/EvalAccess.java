package dev.irsa.verify.eval.internal;

import dev.irsa.verify.eval.CompiledPolicy;
import java.util.function.Function;

/**
 * Lets irsa's own tools reach package-private parts of {@code dev.irsa.verify.eval} without making
 * them public (the JDK's SharedSecrets pattern): {@link CompiledPolicy} registers its factory here
 * when it is initialized.
 */
public final class EvalAccess {
  private static volatile Function<PolicyCompiler.Compiled, CompiledPolicy> policies;

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
      try {
        Class.forName(CompiledPolicy.class.getName(), true, CompiledPolicy.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      f = policies;
    }
    return f.apply(compiled);
  }
}
