package dev.irsa.examples;

import dev.irsa.core.internal.Quote;
import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.EvaluationResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate [--bench N] [--explain] [--threads N]}: JSON Lines of cases on stdin, one JSON
 * result line per case on stdout, in order, written as they are decided (memory does not grow with
 * the input). A bad line, or a failure on one case, yields that case's ERROR line and the batch goes on.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {
        "Evaluate IAM requests offline: JSON Lines on stdin, one case per line, one result line per case on stdout.",
        "Case: {\"id\", \"identityPolicies\", \"resourcePolicy\", \"permissionBoundaries\", \"scps\", \"rcps\",",
        "       \"sessionPolicy\", \"request\": {\"principal\", \"action\", \"resource\", \"resourceAccount\", \"context\"}}",
        "Result: {\"id\", \"decision\": ALLOWED|EXPLICIT_DENY|IMPLICIT_DENY, \"matched\", \"blockedBy\"",
        "         (, \"warnings\": [{\"code\", \"message\", \"suggestions\"}] when the action or resource looks wrong)}",
        "Error:  {\"id\" (when it could be read), \"line\" (1-based input line), \"decision\": ERROR, \"error\": \"<path> <line>:<column>: ...\"}"})
final class EvaluateCommand implements Callable<Integer> {
  private static final PolicyEvaluator EVAL = PolicyEvaluator.create();

  @Option(names = "--bench", paramLabel = "N",
      description = "Evaluate the whole input N times after parsing and compiling it (a policy several cases hold is "
          + "compiled once) and print decisions per second on one thread (as JSON) instead of results.")
  Integer bench;

  @Option(names = "--explain", description = "Also write each result's explanation to stderr.")
  boolean explain;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads evaluating cases (default: the number of processors); results stay in input order.")
  Integer threads;

  private static final PolicyEvaluator EVALUATOR = PolicyEvaluator.create();

  @Override
  public Integer call() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new CliException(2, "--threads needs a positive number, got " + n);
    }
    if (bench != null) {
      return bench(readLines(), System.out);
    }
    CaseCodec codec = new CaseCodec(PolicyCache.forHeap());
    Utf8Lines in = new Utf8Lines(System.in, "stdin");
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    Writer err = explain ? new OutputStreamWriter(System.err, StandardCharsets.UTF_8) : null;
    OrderedBatch.run(in, out, err, n, (line, number, o, e) -> evaluate(codec, line, number, o, explain ? e : null));
    return 0;
  }

  /**
   * The command for {@code evaluate} with plain options ({@code --explain}, {@code --threads N},
   * {@code --bench N}), made without building picocli's model of every command, which is most of a
   * one-case run's start-up (picocli's classes predate class-data sharing); null for any other
   * command line, which picocli then handles (help, errors).
   */
  static EvaluateCommand withoutPicocli(String... args) {
    if (args.length == 0 || !args[0].equals("evaluate")) {
      return null;
    }
    EvaluateCommand c = new EvaluateCommand();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--explain")) {
        c.explain = true;
      } else if ((a.equals("--threads") || a.equals("--bench")) && i + 1 < args.length && isCount(args[i + 1])) {
        int v = Integer.parseInt(args[++i]);
        if (a.equals("--threads")) {
          c.threads = v;
        } else {
          c.bench = v;
        }
      } else {
        return null;
      }
    }
    return c;
  }

  private static boolean isCount(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  /**
   * One line's result line (and explanation). Nothing one case does costs the others their
   * results: a failure irsa did not anticipate becomes this case's ERROR line.
   */
  static void evaluate(CaseCodec codec, String line, int number, StringBuilder out, StringBuilder explanation) {
    if (line.isBlank()) {
      return;
    }
    String id = null;
    int outMark = out.length();
    int explanationMark = explanation == null ? 0 : explanation.length();
    try {
      CaseCodec.Case c = codec.parse(line, number);
      id = c.id();
      EvaluationResult r = EVALUATOR.evaluate(c.policies(), c.request());
      CaseCodec.write(out, c.id(), r);
      out.append('\n');
      if (explanation != null) {
        explanation.append(c.id() == null ? "" : Quote.cut(c.id()) + ": ").append(r.explain());
      }
    } catch (CaseCodec.CaseException e) {
      out.append(CaseCodec.writeError(e.id(), e.line(), e.getMessage())).append('\n');
    } catch (RuntimeException | StackOverflowError e) {
      out.setLength(outMark); // nothing half-written: the case gets one ERROR line
      if (explanation != null) {
        explanation.setLength(explanationMark);
      }
      out.append(CaseCodec.writeError(id != null ? id : CaseCodec.scanId(line), number, internalError(number, e)))
          .append('\n');
    }
  }

  /** The ERROR text for a failure irsa did not anticipate on one case (a bug in irsa). */
  static String internalError(int number, Throwable e) {
    if (System.getenv("IRSA_DEBUG") != null) {
      e.printStackTrace();
    }
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    if (message.length() > 200) {
      message = message.substring(0, 200) + "... (" + e.getMessage().length() + " characters)";
    }
    return "$ " + number + ":1: internal error evaluating this case: " + e.getClass().getSimpleName() + message
        + " (a bug in irsa; set IRSA_DEBUG=1 to print the stack trace)";
  }

  private int bench(List<String> lines, PrintStream out) {
    if (bench < 1) {
      throw new CliException(2, "--bench needs a positive number of passes, got " + bench);
    }
    List<CaseCodec.Case> cases = new ArrayList<>();
    int errors = 0;
    CaseCodec codec = new CaseCodec(PolicyCache.forHeapKeepingAll());
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        cases.add(codec.parse(lines.get(i), i + 1));
      } catch (RuntimeException e) {
        errors++;
      }
    }
    if (cases.isEmpty()) {
      throw new CliException(2, "no valid case on stdin to benchmark");
    }
    int[] counts = new int[Decision.values().length];
    int warmup = Math.max(1, Math.min(bench, 3));
    for (int w = 0; w < warmup; w++) {
      for (CaseCodec.Case c : cases) {
        EVALUATOR.decide(c.policies(), c.request());
      }
    }
    // Collect what compiling left behind and move the compiled cases out of the young generation
    // first, as a benchmark harness does between phases: otherwise the first young collection in
    // the timed passes copies them all (a pause of 100 ms or more, billed to the decisions).
    System.gc();
    long t0 = System.nanoTime();
    for (int p = 0; p < bench; p++) {
      for (CaseCodec.Case c : cases) {
        counts[EVALUATOR.decide(c.policies(), c.request()).ordinal()]++;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long decisions = (long) cases.size() * bench;
    out.println(String.format(Locale.ROOT,
        "{\"cases\":%d,\"invalid\":%d,\"passes\":%d,\"decisions\":%d,\"seconds\":%.3f,\"decisionsPerSecond\":%.0f,"
            + "\"allowed\":%d,\"explicitDeny\":%d,\"implicitDeny\":%d}",
        cases.size(), errors, bench, decisions, seconds, decisions / seconds,
        counts[Decision.ALLOWED.ordinal()] / bench, counts[Decision.EXPLICIT_DENY.ordinal()] / bench,
        counts[Decision.IMPLICIT_DENY.ordinal()] / bench));
    return 0;
  }

  private static List<String> readLines() {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
