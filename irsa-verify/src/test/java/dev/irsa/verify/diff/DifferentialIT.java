package dev.irsa.verify.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.eval.internal.CaseCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Differential test against an independent evaluator, {@code @cloud-copilot/iam-simulate}
 * (AGPL: installed with npm at test time and run only as a separate node process through irsa's
 * own driver). Both evaluate the same generated corpus; decisions must be identical except where
 * a {@link KnownDivergences known divergence}, tied to the AWS documentation, explains the
 * difference. Every classified case is counted in the report.
 *
 * <p>{@code -Dirsa.diff.seed=42 -Dirsa.diff.cases=20000}. Writes
 * {@code target/differential/report.txt} with the counts and the throughput of both evaluators
 * measured in this run. Fails (never skips) when npm or node cannot be run.
 */
class DifferentialIT {
  private static final PolicyEvaluator EVAL = PolicyEvaluator.create();

  static final String PEER = "@cloud-copilot/iam-simulate@0.1.173";

  @Test
  void agreesWithIamSimulateExceptForDocumentedDivergences() throws Exception {
    long seed = Long.getLong("irsa.diff.seed", 42L);
    int count = Integer.getInteger("irsa.diff.cases", 20_000);
    Path dir = Path.of("target", "differential").toAbsolutePath();
    Files.createDirectories(dir);

    // Given a generated corpus
    List<String> managed = CaseGenerator.loadManagedPolicies(
        Path.of("..", "irsa-core", "src", "test", "resources", "corpus", "aws-managed-policies.json.gz"));
    CaseGenerator gen = new CaseGenerator(seed, managed);
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(gen.next(i));
    }
    Path casesFile = dir.resolve("cases-" + seed + ".jsonl");
    Files.write(casesFile, lines, StandardCharsets.UTF_8);

    // When irsa evaluates it
    List<CaseCodec.Case> cases = new ArrayList<>(count);
    Map<String, Decision> ours = new LinkedHashMap<>();
    for (String line : lines) {
      CaseCodec.Case c = CaseCodec.parse(line); // the generator only writes valid cases
      cases.add(c);
      ours.put(c.id(), EVAL.evaluate(c.policies(), c.request()).decision());
    }

    // And the peer evaluates it in its own process
    Path peerDir = installPeer(dir);
    Map<String, String> theirs = new LinkedHashMap<>();
    Map<String, String> peerErrors = new LinkedHashMap<>();
    Map<String, List<String>> peerIgnored = new LinkedHashMap<>();
    for (String out : run(peerDir, List.of("node", "driver.mjs", casesFile.toString()), 900)) {
      if (out.isBlank()) {
        continue;
      }
      JsonNode.Obj o = (JsonNode.Obj) JsonParser.parse(out);
      String id = ((JsonNode.Str) o.get("id")).value();
      String decision = ((JsonNode.Str) o.get("decision")).value();
      theirs.put(id, decision);
      List<String> ignored = new ArrayList<>();
      if (o.get("ignoredContextKeys") instanceof JsonNode.Arr arr) {
        arr.elements().forEach(e -> ignored.add(((JsonNode.Str) e).value()));
      }
      peerIgnored.put(id, ignored);
      if (decision.equals("ERROR")) {
        peerErrors.put(id, o.get("error") instanceof JsonNode.Str s ? s.value() : "?");
      }
    }
    assertThat(theirs).as("the peer answered every case").hasSize(count);

    // Then decisions agree, or a known divergence explains the difference
    Map<String, Integer> classified = new LinkedHashMap<>();
    List<String> unexplained = new ArrayList<>();
    List<String> peerChecks = new ArrayList<>(); // normalized cases, id "<case id>#<candidate>"
    Map<String, KnownDivergences.Explanation> pending = new LinkedHashMap<>();
    Map<String, String> pendingDecisions = new LinkedHashMap<>();
    int agree = 0;
    for (int i = 0; i < count; i++) {
      CaseCodec.Case c = cases.get(i);
      String peer = theirs.get(c.id());
      Decision mine = ours.get(c.id());
      if (peer.equals("ERROR")) {
        continue;
      }
      if (peer.equals(mine.name())) {
        agree++;
        continue;
      }
      KnownDivergences.Explanation e = KnownDivergences.explain(lines.get(i), c, mine, Decision.valueOf(peer),
          peerIgnored.get(c.id()));
      if (e == null) {
        unexplained.add("irsa=" + mine + " iam-simulate=" + peer + " " + lines.get(i));
      } else if (e.needsPeer()) {
        pending.put(c.id(), e);
        pendingDecisions.put(c.id(), "irsa=" + mine + " iam-simulate=" + peer);
        for (int k = 0; k < e.candidates().size(); k++) {
          peerChecks.add(withId(e.candidates().get(k).normalized(), c.id() + "#" + k));
        }
      } else {
        classified.merge(e.divergence().name(), 1, Integer::sum);
      }
    }

    // And a peer-checked explanation holds only when the peer decides a normalized case as irsa does
    List<String> peerChecked = new ArrayList<>();
    if (!pending.isEmpty()) {
      Path checkFile = dir.resolve("peer-check-" + seed + ".jsonl");
      Files.write(checkFile, peerChecks, StandardCharsets.UTF_8);
      Map<String, String> onNormalized = new LinkedHashMap<>();
      for (String out : run(peerDir, List.of("node", "driver.mjs", checkFile.toString()), 900)) {
        if (!out.isBlank()) {
          JsonNode.Obj o = (JsonNode.Obj) JsonParser.parse(out);
          onNormalized.put(((JsonNode.Str) o.get("id")).value(), ((JsonNode.Str) o.get("decision")).value());
        }
      }
      pending.forEach((id, e) -> {
        List<String> seen = new ArrayList<>();
        for (int k = 0; k < e.candidates().size(); k++) {
          String decision = onNormalized.getOrDefault(id + "#" + k, "missing");
          String name = e.candidates().get(k).divergence().name();
          Decision expected = e.candidates().get(k).expected();
          if (decision.equals(expected.name())) {
            classified.merge(name, 1, Integer::sum);
            peerChecked.add(String.format(Locale.ROOT, "%s %s: %s; normalized: irsa=%s iam-simulate=%s",
                id, name, pendingDecisions.get(id), expected, decision));
            return;
          }
          seen.add(name + " -> iam-simulate=" + decision);
        }
        unexplained.add(id + " " + pendingDecisions.get(id) + "; the peer confirms no normalization (irsa="
            + e.expected() + "): " + seen);
      });
    }

    // And the throughput of both on the same cases (the first 5,000), measured now
    int benchCases = Math.min(count, 5_000);
    Path benchFile = dir.resolve("bench-" + seed + ".jsonl");
    Files.write(benchFile, lines.subList(0, benchCases), StandardCharsets.UTF_8);
    double oursPerSecond = javaThroughput(cases.subList(0, benchCases));
    String bench = run(peerDir, List.of("node", "driver.mjs", benchFile.toString(), "--bench", "1"), 900).get(0);
    double theirsPerSecond = Double.parseDouble(
        ((JsonNode.Num) ((JsonNode.Obj) JsonParser.parse(bench)).get("decisionsPerSecond")).text());

    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "seed %d, %,d cases, peer %s%n", seed, count, PEER));
    report.append(String.format(Locale.ROOT, "identical decisions: %,d%n", agree));
    report.append(String.format(Locale.ROOT, "peer rejected the input (ERROR): %,d%n", peerErrors.size()));
    report.append("different, explained by a known divergence:\n");
    for (KnownDivergences.Divergence d : KnownDivergences.ALL) {
      report.append(String.format(Locale.ROOT, "  %-34s %,6d  (%s)%n", d.name(), classified.getOrDefault(d.name(), 0), d.rule()));
    }
    classified.forEach((name, n) -> {
      if (name.startsWith("combined: ")) {
        report.append(String.format(Locale.ROOT, "  %-34s %,6d%n", name, n));
      }
    });
    report.append(String.format(Locale.ROOT, "peer-checked cases (irsa's decision confirmed by the peer on the normalized case): %,d%n",
        peerChecked.size()));
    peerChecked.forEach(p -> report.append("  ").append(p).append('\n'));
    report.append(String.format(Locale.ROOT, "different, unexplained: %,d%n", unexplained.size()));
    report.append(String.format(Locale.ROOT,
        "throughput on the first %,d cases, one thread each: irsa %,.0f decisions/s, iam-simulate %,.0f decisions/s, ratio %.0fx%n",
        benchCases, oursPerSecond, theirsPerSecond, oursPerSecond / theirsPerSecond));
    peerErrors.entrySet().stream().limit(5).forEach(e -> report.append("  peer error ").append(e.getKey()).append(": ")
        .append(e.getValue()).append('\n'));
    unexplained.stream().limit(20).forEach(u -> report.append("  UNEXPLAINED ").append(u).append('\n'));
    Files.writeString(dir.resolve("report-" + seed + ".txt"), report.toString(), StandardCharsets.UTF_8);
    Files.write(dir.resolve("unexplained-" + seed + ".txt"), unexplained, StandardCharsets.UTF_8);
    List<String> errors = new ArrayList<>();
    peerErrors.forEach((id, e) -> errors.add(id + "\t" + e));
    Files.write(dir.resolve("peer-errors-" + seed + ".txt"), errors, StandardCharsets.UTF_8);
    System.out.println(report);

    assertThat(unexplained).as("decisions that differ with no documented reason").isEmpty();
    assertThat(peerErrors.size()).as("cases the peer could not evaluate").isLessThan(count / 100);
    assertThat(agree).as("cases compared").isGreaterThan(count * 9 / 10);
  }

  /** The case with its id replaced. */
  private static String withId(String line, String id) {
    JsonNode.Obj o = (JsonNode.Obj) JsonParser.parse(line);
    LinkedHashMap<String, JsonNode> members = new LinkedHashMap<>(o.members());
    members.put("id", new JsonNode.Str(0, 0, id));
    return dev.irsa.core.internal.json.JsonWriter.write(new JsonNode.Obj(0, 0, members), false);
  }

  /** Decisions per second of irsa's fast path over the parsed cases: 3 s of warm-up, then at least 3 s measured. */
  private static double javaThroughput(List<CaseCodec.Case> cases) {
    int sink = 0;
    long warmEnd = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      for (CaseCodec.Case c : cases) {
        sink += EVAL.decide(c.policies(), c.request()).ordinal();
      }
    }
    long decisions = 0;
    long t0 = System.nanoTime();
    long elapsed;
    do {
      for (CaseCodec.Case c : cases) {
        sink += EVAL.decide(c.policies(), c.request()).ordinal();
      }
      decisions += cases.size();
      elapsed = System.nanoTime() - t0;
    } while (elapsed < 3_000_000_000L);
    if (sink == 42) {
      System.out.print("");
    }
    return decisions / (elapsed / 1e9);
  }

  /** Installs the peer with npm into {@code dir/iam-simulate} and copies irsa's driver there. */
  static Path installPeer(Path dir) throws Exception {
    Path peer = dir.resolve("iam-simulate");
    Files.createDirectories(peer);
    if (!Files.isDirectory(peer.resolve("node_modules/@cloud-copilot/iam-simulate"))) {
      run(peer, List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", peer.toString(), PEER), 600);
    }
    try (InputStream in = DifferentialIT.class.getResourceAsStream("/iam-simulate/driver.mjs")) {
      Files.write(peer.resolve("driver.mjs"), in.readAllBytes());
    }
    return peer;
  }

  /** Runs a command, failing loudly (with its output) when it cannot start, times out, or exits non-zero. */
  static List<String> run(Path cwd, List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Path out = Files.createTempFile("irsa-diff", ".out");
    Path err = Files.createTempFile("irsa-diff", ".err");
    Process p = new ProcessBuilder(command).directory(cwd.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    if (p.exitValue() != 0) {
      throw new AssertionError(command + " exited " + p.exitValue() + ":\n" + stderr
          + "\n(the differential test needs node and npm with access to the npm registry)");
    }
    return lines;
  }
}
