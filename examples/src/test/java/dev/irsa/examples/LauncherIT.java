package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code examples/scripts/irsa}: the jar with a class-data-sharing archive made on first use. */
class LauncherIT {
  private static final String CASE = """
      {"id":"a","identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject",\
      "Resource":"*"}}],"request":{"principal":"arn:aws:iam::111122223333:user/bob","action":"s3:GetObject",\
      "resource":"arn:aws:s3:::b/k"}}
      """;

  @Test
  void makesTheArchiveNextToTheJarOnFirstUseAndAnswersTheSameWithIt(@TempDir Path dir) throws Exception {
    // Given a copy of the jar in a directory of its own, without an archive
    Path jar = Files.copy(Path.of("target/irsa-examples.jar"), dir.resolve("irsa-examples.jar"));
    Path in = Files.writeString(dir.resolve("case.jsonl"), CASE);

    // When the launcher runs one case twice
    String first = run(jar, in, dir.resolve("out1"));
    boolean archived = Files.isRegularFile(dir.resolve("irsa-examples.jsa"));
    String second = run(jar, in, dir.resolve("out2"));

    // Then the first run made the archive and both runs answered the case
    assertThat(archived).isTrue();
    assertThat(first).isEqualTo(
        "{\"id\":\"a\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"statement\":0}],\"blockedBy\":[]}\n");
    assertThat(second).isEqualTo(first);
  }

  private static String run(Path jar, Path in, Path out) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of("bash", Path.of("scripts/irsa").toString(), "evaluate"))
        .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectErrorStream(false);
    pb.environment().put("IRSA_JAR", jar.toString());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(err).isEmpty();
    return Files.readString(out);
  }
}
