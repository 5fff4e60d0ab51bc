package dev.irsa.verify.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.internal.CaseCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownDivergencesTest {
  /** Allows s3:GetObject before 2025; the request's time is epoch seconds (2026-01-01). */
  private static final String MIXED_DATES = """
      {"id":"d","identityPolicies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",\
      "Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}}]}],\
      "request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/k",\
      "context":{"aws:CurrentTime":"1767225600"}}}""";

  @Test
  void aPeerCheckedDivergenceExcusesNothingByItselfButAsksThePeerAboutTheNormalizedCase() {
    // Given a case using mixed date formats where irsa (hypothetically) said ALLOWED and the peer denied
    CaseCodec.Case c = CaseCodec.parse(MIXED_DATES);

    // When the difference is explained
    KnownDivergences.Explanation e = KnownDivergences.explain(MIXED_DATES, c, Decision.IMPLICIT_DENY,
        Decision.ALLOWED, List.of());

    // Then it holds only if the peer decides the same dates in one format as irsa does
    assertThat(e.divergence()).isNull();
    assertThat(e.expected()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(e.candidates()).singleElement().satisfies(cand -> {
      assertThat(cand.divergence().name()).isEqualTo("mixed-date-formats (peer-checked)");
      assertThat(cand.normalized()).contains("\"aws:CurrentTime\":\"2026-01-01T00:00:00Z\"")
          .doesNotContain("1767225600");
    });
  }

  @Test
  void aNormalizationThatChangesIrsasDecisionExplainsNothing() {
    // Given the same case, but irsa claims ALLOWED (wrong: 2026 is not before 2025)
    CaseCodec.Case c = CaseCodec.parse(MIXED_DATES);

    // When explained against a denying peer, Then nothing excuses it
    assertThat(KnownDivergences.explain(MIXED_DATES, c, Decision.ALLOWED, Decision.IMPLICIT_DENY, List.of())).isNull();
  }
}
