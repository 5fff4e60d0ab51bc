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
    ApiBoundary.Result r = ApiBoundary.scan(PolicyEvaluator.class, name -> name.contains(".internal."),
        List.of(".internal.", "com.fasterxml.", "tools.jackson.", "io.fabric8."));
    assertThat(r.checkedClasses()).isGreaterThan(8);
    assertThat(r.violations()).isEmpty();
  }
}
