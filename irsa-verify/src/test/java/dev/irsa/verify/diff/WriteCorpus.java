package dev.irsa.verify.diff;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the differential test's mixed corpus as JSON Lines, for benchmarks run from the shell
 * ({@code irsa-verify/scripts/bench.sh}): {@code WriteCorpus <seed> <cases> <out.jsonl> [<managed-policies.json.gz>]}.
 * Case {@code i} is the same as in {@link DifferentialIT} for the same seed.
 */
public final class WriteCorpus {
  private WriteCorpus() {}

  public static void main(String[] args) throws IOException {
    long seed = Long.parseLong(args[0]);
    int count = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    Path managed = Path.of(args.length > 3 ? args[3]
        : "irsa-core/src/test/resources/corpus/aws-managed-policies.json.gz");
    List<String> policies = CaseGenerator.loadManagedPolicies(managed);
    CaseGenerator gen = new CaseGenerator(seed, policies);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        w.write(gen.next(i));
        w.write('\n');
      }
    }
  }
}
