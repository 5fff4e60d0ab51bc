package dev.irsa.core.lint;

import java.util.Objects;

/**
 * One problem found in a policy: a stable code, how much it matters, what to do about it and the
 * JSONPath of the offending element ({@code $.Statement[0].Action[1]}).
 */
public record Finding(FindingCode code, Severity severity, String message, String path) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(path, "path");
  }

  /** A finding with the code's usual severity. */
  public static Finding of(FindingCode code, String path, String message) {
    return new Finding(code, code.severity(), message, path);
  }

  @Override
  public String toString() {
    return severity + " " + code + " " + path + ": " + message;
  }
}
