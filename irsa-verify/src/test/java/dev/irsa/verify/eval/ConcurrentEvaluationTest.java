package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.verify.diff.CaseGenerator;
import dev.irsa.verify.eval.internal.CaseCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Compiled policies and requests are shared across threads: results must not depend on interleaving. */
class ConcurrentEvaluationTest {

  @Test
  void evaluatingFromManyThreadsGivesTheSequentialResults() throws Exception {
    // Given 2,000 generated cases and their results evaluated on one thread
    CaseGenerator gen = new CaseGenerator(7, List.of());
    List<CaseCodec.Case> cases = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      CaseCodec.Case c = CaseCodec.parse(gen.next(i));
      cases.add(c);
      expected.add(CaseCodec.write(c.id(), Evaluator.evaluate(c.policies(), c.request())));
    }

    // When 4 threads evaluate all of them, each in a different order
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 500;
        runs.add(pool.submit(() -> {
          String[] out = new String[cases.size()];
          for (int k = 0; k < cases.size(); k++) {
            int i = (k + offset) % cases.size();
            CaseCodec.Case c = cases.get(i);
            out[i] = CaseCodec.write(c.id(), Evaluator.evaluate(c.policies(), c.request()));
          }
          return List.of(out);
        }));
      }

      // Then every thread saw exactly the sequential results
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
