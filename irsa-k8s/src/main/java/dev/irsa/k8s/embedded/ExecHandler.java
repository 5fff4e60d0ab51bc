package dev.irsa.k8s.embedded;

import dev.irsa.k8s.ExecResult;

/**
 * Answers pod exec in the embedded cluster. The default ({@link EmbeddedCluster.Builder#execHandler})
 * knows {@code env}/{@code printenv} and {@code cat} of a projected token file; anything else exits 127.
 * Compose handlers with {@link #orElse}.
 */
@FunctionalInterface
public interface ExecHandler {
  /** The result of the command, or {@code null} when this handler does not know it. */
  ExecResult exec(ExecRequest request);

  /** This handler, falling back to {@code next} when it returns {@code null}. */
  default ExecHandler orElse(ExecHandler next) {
    return r -> {
      ExecResult first = exec(r);
      return first != null ? first : next.exec(r);
    };
  }
}
