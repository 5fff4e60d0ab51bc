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
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CliException(2, file + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new CliException(2, file + ": permission denied");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new CliException(2, file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new CliException(2, file + ": cannot read: " + e.getMessage());
    }
  }
}
