package dev.irsa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden. Run with {@code -Dirsa.golden.update=true} to
 * rewrite them after an intended change, then review the diff.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  /** Asserts that {@code actual} equals the golden file (trailing newline ignored). */
  public static void assertMatches(String name, String actual) {
    Path file = ROOT.resolve(name);
    try {
      if (Boolean.getBoolean("irsa.golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
      }
      assertThat(file).as("golden file %s (run with -Dirsa.golden.update=true to create it)", file).exists();
      assertThat(actual).as("golden file %s", name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8).stripTrailing());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The golden file's text. */
  public static String read(String name) {
    try {
      return Files.readString(ROOT.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
