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
        name -> name.contains(".internal.") || name.startsWith(LIVE_COLLECTOR),
        List.of(".internal.", "com.fasterxml.", "tools.jackson.", "io.fabric8.", "software.amazon."));
    assertThat(r.checkedClasses()).isGreaterThan(8);
    assertThat(r.violations()).isEmpty();
  }

  /** The doctor's live collection talks to Kubernetes and AWS, so it takes the caller's clients; nothing else does. */
  private static final String LIVE_COLLECTOR = "dev.irsa.verify.doctor.LiveCollector";

  @Test
  void onlyTheLiveCollectorTakesClientsAndNeverJacksonOrInternals() {
    ApiBoundary.Result r = ApiBoundary.scan(PolicyEvaluator.class,
        name -> !name.startsWith(LIVE_COLLECTOR),
        List.of(".internal.", "com.fasterxml.", "tools.jackson."));
    assertThat(r.checkedClasses()).isEqualTo(2);   // LiveCollector and its Builder
    assertThat(r.violations()).isEmpty();
  }
}
