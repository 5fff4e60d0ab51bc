package dev.irsa.core.policy;

/**
 * A policy document that could not be read: the JSON path of the offending element (e.g.
 * {@code $.Statement[1].Principal}), its 1-based line and column in the input, and what was
 * wrong. The message reads {@code $.Statement[1].Principal 3:17: expected "*" or an object, got array}.
 */
public class PolicyParseException extends IllegalArgumentException {
  private final String path;
  private final int line;
  private final int column;
  private final String problem;

  public PolicyParseException(String path, int line, int column, String problem) {
    super(path + " " + line + ":" + column + ": " + problem);
    this.path = path;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** JSONPath of the element at fault, {@code $} for the document itself. */
  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What was wrong, without the location. */
  public String problem() {
    return problem;
  }
}
