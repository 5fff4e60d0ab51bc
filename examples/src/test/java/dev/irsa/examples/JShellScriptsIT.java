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
  /**
   * Each runnable script, with what it needs first: {@code irsa.jsh} is the interactive set-up (imports
   * and helpers, no {@code /exit}), so it runs before {@code seed.jsh} and before the README session in
   * {@code test/irsa-session.jsh}; a script that does not start from {@code irsa.jsh} runs alone.
   */
  static Stream<List<Path>> scripts() throws IOException {
    Path setup = Path.of("jshell", "irsa.jsh");
    Stream<Path> runnable = Stream.concat(Files.list(Path.of("jshell")), Files.list(Path.of("jshell", "test")))
        .filter(p -> p.toString().endsWith(".jsh") && !p.equals(setup)).sorted();
    return runnable.map(p -> needsSetup(p) ? List.of(setup, p) : List.of(p));
  }

  private static boolean needsSetup(Path script) {
    try {
      return script.startsWith(Path.of("jshell", "test"))
          || Files.readString(script, StandardCharsets.UTF_8).contains("after irsa.jsh");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void scriptRunsAndExitsZero(List<Path> scripts) throws Exception {
    Path script = scripts.get(scripts.size() - 1);
    Path jar = Path.of("target/irsa-examples.jar");
    assertThat(jar).exists();
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    Path log = Files.createTempFile("jshell", ".log");
    List<String> command = new java.util.ArrayList<>(List.of(jshell.toString(), "--class-path", jar.toString()));
    scripts.forEach(s -> command.add(s.toString()));
    // stdin closed: a script that forgot /exit ends instead of waiting for a person
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
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
