package dev.irsa.core.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.aws.IamProvisioner;
import org.junit.jupiter.api.Test;

/** The front-door check optional integrations (IamProvisioner, EmbeddedCluster) run first. */
class OptionalDependencyTest {
  private final ClassLoader loader = IamProvisioner.class.getClassLoader();

  @Test
  void aMissingMarkerClassNamesTheArtifactToAdd() {
    assertThatThrownBy(() -> OptionalDependency.require("IamProvisioner", "software.amazon.awssdk:iam", "irsa-core",
        "software.amazon.awssdk.services.iam.NoSuchClient", loader))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("IamProvisioner needs software.amazon.awssdk:iam on the class path: irsa-core declares it "
            + "optional, add it to your build");
  }

  @Test
  void aPresentMarkerClassPasses() {
    // irsa-core's own tests have the SDK on the class path (test scope and optional compile scope)
    assertThatCode(() -> OptionalDependency.require("IamProvisioner", "software.amazon.awssdk:iam", "irsa-core",
        "software.amazon.awssdk.services.iam.IamClient", loader)).doesNotThrowAnyException();
  }
}
