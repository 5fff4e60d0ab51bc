package dev.irsa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.testing.ApiBoundary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model's public signatures never mention Jackson, fabric8, the AWS SDK or irsa's internal
 * packages: those stay behind the codec (and the provisioning package {@code dev.irsa.core.aws},
 * whose job is to talk to AWS).
 */
class ApiBoundaryTest {
  @Test
  void publicSignaturesInTheModelMentionNoThirdPartyOrInternalTypes() {
    ApiBoundary.Result r = ApiBoundary.scan(Irsa.class,
        name -> name.contains(".internal.") || name.startsWith("dev.irsa.core.aws."),
        List.of(".internal.", "com.fasterxml.", "tools.jackson.", "io.fabric8.", "software.amazon."));
    assertThat(r.checkedClasses()).isGreaterThan(20);
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void theProvisioningPackageMayUseTheSdkButNotJacksonFabric8OrInternals() {
    ApiBoundary.Result r = ApiBoundary.scan(Irsa.class,
        name -> !name.startsWith("dev.irsa.core.aws.") || name.contains(".internal."),
        List.of(".internal.", "com.fasterxml.", "tools.jackson.", "io.fabric8."));
    assertThat(r.checkedClasses()).isGreaterThan(3);
    assertThat(r.violations()).isEmpty();
  }
}
