package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 14, items 10 and 11, for requests: a bad value is quoted short and cannot add a line. */
class HostileRequestTest {
  @Test
  void aHugeActionIsQuotedShortAndItsLengthSaid() {
    String action = "s3 " + "G".repeat(5_000_000);

    assertThatThrownBy(() -> RequestContext.builder().action(action))
        .hasMessage("action must be service:Action without wildcards (e.g. s3:GetObject), got: 's3 " + "G".repeat(197)
            + "...' (5000003 characters)");
  }

  @Test
  void aNewlineInAResourceIsEscaped() {
    assertThatThrownBy(() -> RequestContext.builder().resource("b\nFORGED"))
        .hasMessageEndingWith("got: 'b\\nFORGED'");
  }
}
