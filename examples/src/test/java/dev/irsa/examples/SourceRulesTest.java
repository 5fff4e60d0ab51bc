package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.testing.SourceRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The walls of this module, read from its sources: it uses only packages other modules export to
 * it (an `internal` package only through a qualified export in that module's module-info.java), and
 * its classes and methods stay within the size rule or are listed in README.md's "Size exceptions".
 */
class SourceRulesTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path ROOT = MODULE.getParent();

  @Test
  void mainSourcesUseOnlyPackagesOtherModulesExportToThisOne() {
    assertThat(SourceRules.modules(ROOT)).containsKey("dev.irsa.examples").hasSizeGreaterThanOrEqualTo(4);
    assertThat(SourceRules.importViolations(ROOT, MODULE)).isEmpty();
  }

  @Test
  void classesAndMethodsStayWithinTheSizeRuleOrAreListedInTheReadme() {
    assertThat(SourceRules.sizeViolations(ROOT, MODULE, ROOT.resolve("README.md"))).isEmpty();
  }
}
