package dev.irsa.examples;

import dev.irsa.core.internal.Quote;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.eval.internal.CaseCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate [--bench N] [--explain]}: JSON Lines of cases on stdin, one JSON result line per
 * case on stdout, in order. A bad line yields an ERROR line and the batch goes on.
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
      description = "Evaluate the whole input N times after parsing and print decisions per second (as JSON) instead of results.")
  Integer bench;

  @Option(names = "--explain", description = "Also write each result's explanation to stderr.")
  boolean explain;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    List<String> lines = readLines();
    if (bench != null) {
      return bench(lines, out);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      CaseCodec.Case c;
      try {
        c = CaseCodec.parse(line, i + 1);
      } catch (CaseCodec.CaseException e) {
        sb.append(CaseCodec.writeError(e.id(), e.line(), e.getMessage())).append('\n');
        continue;
      }
      EvaluationResult r = EVAL.evaluate(c.policies(), c.request());
      sb.append(CaseCodec.write(c.id(), r)).append('\n');
      if (explain) {
        System.err.print((c.id() == null ? "" : Quote.cut(c.id()) + ": ") + r.explain());
      }
      if (sb.length() > 1 << 16) {
        out.print(sb);
        sb.setLength(0);
      }
    }
    out.print(sb);
    out.flush();
    return 0;
  }

  private int bench(List<String> lines, PrintStream out) {
    if (bench < 1) {
      throw new CliException(2, "--bench needs a positive number of passes, got " + bench);
    }
    List<CaseCodec.Case> cases = new ArrayList<>();
    int errors = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        cases.add(CaseCodec.parse(line));
      } catch (CaseCodec.CaseException e) {
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
        EVAL.decide(c.policies(), c.request());
      }
    }
    long t0 = System.nanoTime();
    for (int p = 0; p < bench; p++) {
      for (CaseCodec.Case c : cases) {
        counts[EVAL.decide(c.policies(), c.request()).ordinal()]++;
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
