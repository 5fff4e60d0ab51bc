package dev.irsa.examples;

import dev.irsa.verify.doctor.Doctor;
import dev.irsa.verify.doctor.Report;
import dev.irsa.verify.doctor.Snapshot;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audit [snapshot flags] [--namespace NS] [--json | --table]}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Run the doctor over every service account that names a role and every role that trusts an OIDC "
        + "provider; add orphans, shared roles and risky permissions.",
        "Findings as JSON on stdout (or --table); progress on stderr.",
        "Exit 1 when any finding is an ERROR, 0 otherwise, 2 on bad input."})
final class AuditCommand implements Callable<Integer> {
  @Option(names = "--namespace", paramLabel = "NS", description = "Only service accounts (and subjects) in this namespace.")
  String namespace;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "Print JSON (the default).")
    boolean json;

    @Option(names = "--table", description = "Print a table.")
    boolean table;
  }

  @Mixin
  SnapshotOptions snapshot = new SnapshotOptions();

  @Override
  public Integer call() {
    Doctor doctor = Doctor.create();
    PrintStream err = System.err;
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = cpu.getCurrentThreadCpuTime();
    Snapshot s = snapshot.snapshot(err);
    long t1 = System.nanoTime();
    long c1 = cpu.getCurrentThreadCpuTime();
    err.println("snapshot: " + s + " in " + millis(t1 - t0) + " ms (cpu " + millis(c1 - c0) + " ms)");
    Report r = doctor.audit(s, namespace, progress(err, System.console() != null));
    long t2 = System.nanoTime();
    long c2 = cpu.getCurrentThreadCpuTime();
    System.out.print(format.table ? r.toTable() : r.toJson() + "\n");
    err.println("audit: " + r.summary() + "; " + r.findings().size() + " findings in " + millis(t2 - t1)
        + " ms (cpu " + millis(c2 - c1) + " ms)");
    return r.hasErrors() ? 1 : 0;
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  /** A bar with counts on a terminal; otherwise one line per finished phase. */
  static Doctor.Progress progress(PrintStream err, boolean terminal) {
    return (phase, done, total) -> {
      if (terminal) {
        if (total < 100 || done % Math.max(1, total / 100) == 0 || done == total) {
          int width = 30;
          int filled = total == 0 ? width : (int) ((long) done * width / total);
          err.print("\r" + phase + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total
              + (done == total ? "\n" : ""));
        }
      } else if (done == total) {
        err.println("audit: " + phase + " " + done + "/" + total);
      }
    };
  }
}
