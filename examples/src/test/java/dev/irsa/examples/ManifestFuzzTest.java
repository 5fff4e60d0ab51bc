package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated-input tests of the manifest reader behind {@code pod mutate} and {@code pod inspect}, the
 * YAML counterpart of irsa-core's {@code PolicyParserFuzzTest}; bounded so they run in CI in seconds:
 * {@code -Dirsa.fuzz.seed=7 -Dirsa.fuzz.cases=20000}.
 *
 * <p>Real pods are mutated with YAML's hostile parts (anchors and aliases, recursive aliases, alias
 * bombs, tags, merge keys, documents, numbers that are not integers, control characters, unpaired
 * surrogates). Property: every run ends with exit 0, 1 or 2, never 3 (an internal error: a stack
 * overflow, an out-of-memory, an unexpected exception); a failure is exactly one {@code error:} line
 * with no control character in it; an integer field never comes out of a value that was not an
 * integer, and no output holds an unpaired surrogate (printed, it becomes {@code ?}).
 */
class ManifestFuzzTest {
  private static final long SEED = Long.getLong("irsa.fuzz.seed", 20261130L);
  private static final int CASES = Integer.getInteger("irsa.fuzz.cases", 400);
  private static final String SA = PodCommandTest.file("aws-cli.sa.yaml");

  static final List<String> SEEDS = List.of("""
      apiVersion: v1
      kind: Pod
      metadata:
        name: aws-cli
        namespace: irsa-demo
        labels: {app: demo}
      spec:
        serviceAccountName: aws-cli
        securityContext: {fsGroup: 2000, runAsUser: 1000}
        containers:
        - name: aws-cli
          image: amazon/aws-cli
          command: ["sleep", "3600"]
          ports: [{containerPort: 8080}]
          securityContext: {runAsUser: 1000, runAsGroup: 3000}
          env:
          - {name: A, value: "x"}
        volumes:
        - name: t
          projected:
            sources:
            - serviceAccountToken: {path: t, expirationSeconds: 3600}
      """, """
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"aws-cli","namespace":"irsa-demo"},
       "spec":{"serviceAccountName":"aws-cli","containers":[{"name":"c","image":"i",
       "securityContext":{"runAsUser":1000}}]}}
      """);

  static final String[] FRAGMENTS = {
      "&a ", "*a", "&a [*a]", "&b {k: *b}", "[*a, *a]", "&c [x, x]", "[*c, *c, *c, *c]", "<<: *a", "!foo ", "!!binary ",
      "!!int ", "!!str ", ".nan", ".inf", "-.inf", "1e400", "1000.9", "0x10", "0o17", "-1", "99999999999999999999",
      "\"\\ud800\"", "\"\\udc00x\"", "\"a\\nb\"", "\u0000", "\u001b[31m", "\u2028", "\u202e", "\t", "\r", ": ", "- ",
      "\n  ", "\n", "---\n", "...\n", "? ", "|\n  ", ">\n  ", "'", "\"", "#", "%YAML 1.1\n", "{", "}", "[", "]", ",",
      "null", "~", "true", "runAsUser: ", "kind: Pod\n", "\uD83D\uDE00", "é"};

  @Test
  void mutatedPodsNeverEndInAnInternalError() {
    Random r = new Random(SEED);
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      String pod = mutate(r, SEEDS.get(r.nextInt(SEEDS.size())));
      if (check(pod, "seed " + SEED + " case " + i) == 0) {
        accepted++;
      } else {
        rejected++;
      }
    }
    // Both outcomes must be exercised, or the mutator is too weak or too strong.
    assertThat(accepted).isGreaterThan(CASES / 50);
    assertThat(rejected).isGreaterThan(CASES / 4);
  }

  @Test
  void aliasBombsAndCyclesOfEveryShapeAreRefusedOrRead() {
    Random r = new Random(SEED);
    for (int i = 0; i < 60; i++) {
      int levels = 1 + r.nextInt(30);
      int width = 1 + r.nextInt(9);
      StringBuilder pod = new StringBuilder(SEEDS.get(0)).append("x-0: &a0 [x]\n");
      for (int l = 1; l <= levels; l++) {
        pod.append("x-").append(l).append(": &a").append(l).append(r.nextBoolean() ? " [" : " {");
        boolean map = pod.charAt(pod.length() - 1) == '{';
        for (int w = 0; w < width; w++) {
          int target = r.nextInt(10) == 0 ? l : l - 1; // sometimes the collection itself: a cycle
          pod.append(w == 0 ? "" : ", ").append(map ? "k" + w + ": " : "").append("*a").append(target);
        }
        pod.append(map ? "}\n" : "]\n");
      }
      check(pod.toString(), "seed " + SEED + " bomb " + i);
    }
  }

  @Test
  void numbersThatAreNotIntegersNeverReachAnIntegerField() {
    String[] notIntegers = {".nan", ".NaN", ".inf", "-.Inf", "1000.9", "1e400", "1000.0", "1.5e3", "-0.5", "\"1000\"", "\"000\""};
    for (String v : notIntegers) {
      for (String f : List.of("runAsUser", "runAsGroup")) {
        String pod = HostileManifestTest.POD + "    securityContext: {" + f + ": " + v + "}\n";

        Cli mutate = Cli.runWithStdin(pod, "pod", "mutate", "--pod", "-", "--service-account-file", SA);

        assertThat(mutate.exitCode()).as(f + ": " + v + "\n" + mutate.err()).isEqualTo(2);
        assertThat(mutate.err()).as(f + ": " + v).startsWith("error: stdin:8:" + (25 + f.length()) + ": spec.containers[0].securityContext." + f
            + ": expected an integer, got ").contains(v);
      }
    }
  }

  /** Runs {@code pod mutate} and {@code pod inspect} on the pod; returns mutate's exit code. */
  private static int check(String pod, String context) {
    Cli mutate = Cli.runWithStdin(pod, "pod", "mutate", "--pod", "-", "--service-account-file", SA);
    Cli inspect = Cli.runWithStdin(pod, "pod", "inspect", "--pod", "-", "--service-account-file", SA);
    for (Cli c : List.of(mutate, inspect)) {
      String what = context + ": exit " + c.exitCode() + "\n" + c.err() + "\n--- input:\n" + pod;
      assertThat(c.exitCode()).as(what).isIn(0, 1, 2);
      if (c.exitCode() == 2) {
        assertThat(c.err().lines()).as(what).hasSize(1);
        assertThat(c.err()).as(what).startsWith("error: ").endsWith("\n");
        assertThat(c.err().substring(0, c.err().length() - 1)).as(what).doesNotContainPattern("[\\p{Cc}\u2028\u2029]");
      }
      assertThat(hasUnpairedSurrogate(c.out() + c.err())).as(what).isFalse();
    }
    if (mutate.exitCode() == 0) {
      assertThat(mutate.out()).as(context).doesNotContainPattern("(runAsUser|runAsGroup|fsGroup): 0\\n");
    }
    return mutate.exitCode();
  }

  static boolean hasUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static String mutate(Random r, String s) {
    StringBuilder sb = new StringBuilder(s);
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n && sb.length() > 0; k++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(6)) {
        case 0 -> sb.deleteCharAt(at);
        case 1, 2 -> sb.insert(at, FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
        case 3 -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
        case 4 -> {
          int end = Math.min(sb.length(), at + 1 + r.nextInt(40));
          sb.insert(at, sb.substring(at, end));
        }
        default -> {
          // a number in an integer field replaced by something that is not an integer
          int q = sb.indexOf(": ", at);
          if (q > 0 && q + 2 < sb.length() && Character.isDigit(sb.charAt(q + 2))) {
            int e = q + 2;
            while (e < sb.length() && Character.isDigit(sb.charAt(e))) {
              e++;
            }
            sb.replace(q + 2, e, FRAGMENTS[12 + r.nextInt(9)]);
          }
        }
      }
    }
    return sb.toString();
  }
}
