package dev.irsa.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading inputs named on the command line ({@code -} is stdin). */
final class Io {
  private Io() {}

  static String read(String file) {
    try {
      if (file.equals("-")) {
        return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(2, file + ": cannot read: " + e.getMessage());
    }
  }
}
