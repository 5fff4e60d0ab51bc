package dev.irsa.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.aws.ServiceAccountRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exports checked by the tools that consume them: {@code cfn-lint} (installed with moto on the
 * project's machines; this test fails, never skips, when it is missing) and, where a {@code terraform}
 * binary is on the PATH, {@code terraform providers}, which parses every {@code *.tf.json} file of a
 * directory (syntax, block structure and references) without needing the AWS provider or a registry.
 * Without terraform, {@link IacExportTest#terraformUsesOnlyTheProvidersPublishedAttributeNames} still
 * checks the attribute names.
 */
class IacExportToolsIT {
  @TempDir
  Path dir;

  @Test
  void cloudFormationTemplatesPassCfnLint() throws Exception {
    for (ServiceAccountRole role : List.of(IacExportTest.seedRole(), IacExportTest.fullRole())) {
      Path template = dir.resolve(role.roleName() + ".json");
      Files.writeString(template, IacExport.cloudFormation(role));

      Result r = run(dir, "cfn-lint", "--", template.toString());

      assertThat(r.exit).as("cfn-lint %s:%n%s", template.getFileName(), r.output).isZero();
    }
  }

  @Test
  void cfnLintRefusesABrokenTemplate() throws Exception {
    // Given a template with an invalid property (proves the check above can fail)
    Path template = dir.resolve("broken.json");
    Files.writeString(template, IacExport.cloudFormation(IacExportTest.seedRole())
        .replace("\"RoleName\"", "\"RoleNam\""));

    Result r = run(dir, "cfn-lint", "--", template.toString());

    assertThat(r.exit).isNotZero();
    assertThat(r.output).contains("E3002");
  }

  @Test
  void terraformParsesTheJsonWhereTheBinaryIsPresent() throws Exception {
    // Documented in the README: without terraform only the attribute-name check runs (IacExportTest);
    // reported as skipped, never as passed.
    org.junit.jupiter.api.Assumptions.assumeTrue(onPath("terraform"),
        "terraform not on the PATH: syntax check not run, attribute names checked by IacExportTest");
    for (ServiceAccountRole role : List.of(IacExportTest.seedRole(), IacExportTest.fullRole())) {
      Path module = Files.createDirectories(dir.resolve(role.roleName()));
      Files.writeString(module.resolve("main.tf.json"), IacExport.terraform(role));

      Result r = run(module, "terraform", "providers");

      assertThat(r.exit).as("terraform providers for %s:%n%s", role.roleName(), r.output).isZero();
      assertThat(r.output).contains("provider[registry.terraform.io/hashicorp/aws]");
    }
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve("main.tf.json"), IacExport.terraform(IacExportTest.seedRole())
        .replace("\"aws_iam_role\": {", "\"aws_iam_role\": ["));
    assertThat(run(broken, "terraform", "providers").exit).isNotZero();
  }

  record Result(int exit, String output) {}

  static Result run(Path dir, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("tool", ".log");
    List<String> cmd = new ArrayList<>(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
    pb.environment().put("CHECKPOINT_DISABLE", "1");
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(cmd + " did not finish within 120 s");
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
