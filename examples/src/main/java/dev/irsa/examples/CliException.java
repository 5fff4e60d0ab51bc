package dev.irsa.examples;

/** A failure reported as one {@code error: ...} line and an exit code, without a stack trace. */
public final class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
