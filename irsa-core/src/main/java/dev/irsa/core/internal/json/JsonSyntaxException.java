package dev.irsa.core.internal.json;

/** Text that is not JSON: what was wrong and where (1-based line and column). */
public final class JsonSyntaxException extends RuntimeException {
  private final int line;
  private final int column;
  private final String problem;
  private final String path;

  public JsonSyntaxException(String problem, String path, int line, int column) {
    super(path + " " + line + ":" + column + ": " + problem);
    this.problem = problem;
    this.path = path;
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** JSONPath of the value being read when the problem was found. */
  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }
}
