package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every script in examples/jshell with the packaged jar on the class path (after `package`,
 * hence an integration test). Scripts end with {@code /exit <code>}: JShell itself exits 0 even when
 * a snippet throws, so each script computes its own status.
 */
class JShellScriptsIT {
  static Stream<Path> scripts() throws IOException {
    return Files.list(Path.of("jshell")).filter(p -> p.toString().endsWith(".jsh")).sorted();
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void scriptRunsAndExitsZero(Path script) throws Exception {
    Path jar = Path.of("target/irsa-examples.jar");
    assertThat(jar).exists();
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    Path log = Files.createTempFile("jshell", ".log");
    Process p = new ProcessBuilder(List.of(jshell.toString(), "--class-path", jar.toString(), script.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done).as("jshell finished within 180 s; output:%n%s", output).isTrue();
    assertThat(p.exitValue()).as("exit code of %s; output:%n%s", script, output).isZero();
    // JShell reports a snippet that does not compile or throws, then carries on: treat any such report as a failure.
    assertThat(output).as("output of %s", script)
        .doesNotContain("Error:")
        .doesNotContain("Exception")
        .doesNotContain("cannot find symbol")
        .contains("OK");
  }
}
