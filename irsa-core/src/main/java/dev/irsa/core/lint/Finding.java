package dev.irsa.core.lint;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in a policy: a stable code, how much it matters, what to do about it and the
 * JSONPath of the offending element ({@code $.Statement[0].Action[1]}).
 *
 * <p>A problem repeated many times (the same code and message, e.g. one action listed a million
 * times) is one finding: {@code count} says how often it occurs and {@code paths} lists the first
 * places ({@code path} is the first of them).
 */
public record Finding(FindingCode code, Severity severity, String message, String path, int count, List<String> paths) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(path, "path");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    paths = paths == null || paths.isEmpty() ? List.of(path) : List.copyOf(paths);
    if (!paths.get(0).equals(path)) {
      throw new IllegalArgumentException("paths must start with path " + path + ", got " + paths.get(0));
    }
  }

  /** A finding at one place. */
  public Finding(FindingCode code, Severity severity, String message, String path) {
    this(code, severity, message, path, 1, List.of(path));
  }

  /** A finding with the code's usual severity. */
  public static Finding of(FindingCode code, String path, String message) {
    return new Finding(code, code.severity(), message, path);
  }

  @Override
  public String toString() {
    String s = severity + " " + code + " " + path + ": " + message;
    return count == 1 ? s : s + " (" + count + " times; first at " + String.join(", ", paths) + ")";
  }
}
