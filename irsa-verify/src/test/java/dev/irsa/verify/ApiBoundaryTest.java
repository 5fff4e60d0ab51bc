package dev.irsa.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.testing.ApiBoundary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * irsa-verify's public signatures never mention its own or core's {@code .internal} types, Jackson
 * or fabric8: the evaluator's API is policies, requests and decisions.
 */
class ApiBoundaryTest {
  @Test
  void publicSignaturesMentionNoInternalJacksonOrFabric8Types() {
    ApiBoundary.Result r = ApiBoundary.scan(PolicyEvaluator.class,
        name -> name.contains(".internal.") || talksToAws(name),
        List.of(".internal.", "com.fasterxml.", "tools.jackson.", "io.fabric8.", "software.amazon."));
    assertThat(r.checkedClasses()).isGreaterThan(8);
    assertThat(r.violations()).isEmpty();
  }

  /**
   * The doctor's live collection and the live verification sources talk to Kubernetes and AWS, so they
   * take the caller's clients (STYLE: SDK and fabric8 types belong where the job is talking to them);
   * nothing else does.
   */
  private static final String LIVE_COLLECTOR = "dev.irsa.verify.doctor.LiveCollector";
  private static final String LIVE = "dev.irsa.verify.live.";

  private static boolean talksToAws(String name) {
    return name.startsWith(LIVE_COLLECTOR) || name.startsWith(LIVE);
  }

  @Test
  void onlyTheLivePartsTakeClientsAndNeverJacksonOrInternals() {
    ApiBoundary.Result r = ApiBoundary.scan(PolicyEvaluator.class,
        name -> !talksToAws(name),
        List.of(".internal.", "com.fasterxml.", "tools.jackson."));
    assertThat(r.checkedClasses()).isGreaterThan(2);   // LiveCollector, its Builder and the live sources
    assertThat(r.violations()).isEmpty();
  }
}
