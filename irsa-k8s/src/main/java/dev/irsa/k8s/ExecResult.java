package dev.irsa.k8s;

import java.util.Objects;

/** What a command run in a container printed, and how it exited. */
public record ExecResult(int exitCode, String stdout, String stderr) {
  public ExecResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Exit code 0 with this output. */
  public static ExecResult ok(String stdout) {
    return new ExecResult(0, stdout, "");
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Exit code and output sizes only: output may hold tokens or credentials. */
  @Override
  public String toString() {
    return "ExecResult{exit=" + exitCode + ", stdout=" + stdout.length() + " chars, stderr=" + stderr.length() + " chars}";
  }
}
