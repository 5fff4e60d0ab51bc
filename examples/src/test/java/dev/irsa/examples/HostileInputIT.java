package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged jar under a 256 MB heap ({@code java -Xmx256m -jar target/irsa-examples.jar ...}) on
 * the hostile inputs of issue 14, each at most 1 MB, one subprocess per run. Every run must end with
 * exit 0, 1 or 2 (never 3, an internal error: a stack overflow, an out-of-memory, an unexpected
 * exception), with at most one short {@code error:} line and no forged line.
 *
 * <p>The wall time of each run (JVM start included) is written to
 * {@code target/hostile-input-times.txt}. There is no timed assertion except a hang detector: a run
 * that takes more than {@link #HANG_SECONDS} seconds fails (the issue's goal is 5 s; figures on this
 * shared machine move by 2x with the load, so the test does not assert it).
 */
class HostileInputIT {
  static final int HANG_SECONDS = 30;
  static final int MB = 1024 * 1024;
  static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: aws-cli, namespace: irsa-demo}
      spec:
        serviceAccountName: aws-cli
        containers:
        - name: c
      """;
  static final String SA = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: aws-cli
        namespace: irsa-demo
        annotations:
          eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/irsa-demo-aws-cli
      """;
  static final String POLICY_HEAD = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",";
  static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/DEMO";
  static final List<String> TIMES = new ArrayList<>();
  static Path dir;

  @BeforeAll
  static void files() throws IOException {
    dir = Files.createTempDirectory("hostile");
    Files.writeString(dir.resolve("sa.yaml"), SA);
  }

  @AfterAll
  static void report() throws IOException {
    Files.write(Path.of("target/hostile-input-times.txt"), TIMES);
  }

  static String bomb(int levels) {
    StringBuilder b = new StringBuilder(POD).append("x-a0: &a0 [x, x]\n");
    for (int i = 1; i <= levels; i++) {
      b.append("x-a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    return b.toString();
  }

  static String evaluateCase(String resource) {
    return "{\"id\":\"x\",\"identityPolicies\":[" + POLICY_HEAD + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}],"
        + "\"request\":{\"principal\":\"arn:aws:iam::111122223333:role/r\",\"action\":\"s3:GetObject\",\"resource\":"
        + resource + "}}\n";
  }

  /** Name, stdin, and the command line ({@code @pod} and {@code @sa} name files written from the stdin / SA). */
  static Stream<Arguments> runs() {
    String sa = "--service-account-file=@sa";
    byte[] invalidUtf8 = (POLICY_HEAD + "\"Sid\":\"\u00ff\u00fe\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")
        .getBytes(StandardCharsets.ISO_8859_1);
    return Stream.of(
        Arguments.of("pod inspect: recursive sequence alias", POD + "x-rec: &r [*r]\n", List.of("pod", "inspect", "--pod=@pod", sa)),
        Arguments.of("pod mutate: recursive mapping alias", POD + "x-rec: &r {k: *r}\n", List.of("pod", "mutate", "--pod=@pod", sa)),
        Arguments.of("pod inspect: alias bomb, 24 levels", bomb(24), List.of("pod", "inspect", "--pod=@pod", sa)),
        Arguments.of("pod mutate: alias bomb, 20 levels", bomb(20), List.of("pod", "mutate", "--pod=@pod", sa)),
        Arguments.of("pod mutate: runAsUser .nan", POD + "    securityContext: {runAsUser: .nan}\n",
            List.of("pod", "mutate", "--pod=@pod", sa)),
        Arguments.of("pod inspect: 1 MB of '['", "a: " + "[".repeat(MB - 3), List.of("pod", "inspect", "--pod=@pod")),
        Arguments.of("pod inspect: 1 MB flat list", POD + "    args: [" + "1,".repeat(MB / 2 - 100) + "1]\n",
            List.of("pod", "inspect", "--pod=@pod", sa)),
        Arguments.of("pod mutate: 1 MB image name", POD + "    image: " + "x".repeat(MB - 200) + "\n",
            List.of("pod", "mutate", "--pod=@pod", sa)),
        Arguments.of("pod inspect: 1 MB of anchors", POD + "x: [" + "&a x, *a, ".repeat(MB / 11) + "]\n",
            List.of("pod", "inspect", "--pod=@pod")),
        Arguments.of("policy format: 1 MB member name", POLICY_HEAD + "\"" + "X".repeat(MB - 100) + "\":1}]}",
            List.of("policy", "format", "-")),
        Arguments.of("policy format: unpaired surrogate", POLICY_HEAD + "\"Action\":\"s3:Get\\ud800Object\",\"Resource\":\"*\"}]}",
            List.of("policy", "format", "-")),
        Arguments.of("policy format: invalid UTF-8 on stdin", new String(invalidUtf8, StandardCharsets.ISO_8859_1),
            List.of("policy", "format", "--latin1-stdin", "-")),
        Arguments.of("policy format: 1 MB of '['", "[".repeat(MB), List.of("policy", "format", "-")),
        Arguments.of("lint --table: newline in a Sid", POLICY_HEAD + "\"Sid\":\"a\\nFORGED\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"*\"}]}", List.of("lint", "--table", "-")),
        Arguments.of("lint: 1 MB action name", POLICY_HEAD + "\"Action\":\"s3:" + "G".repeat(MB - 100) + "\",\"Resource\":\"*\"}]}",
            List.of("lint", "-")),
        Arguments.of("provision: 1 MB member name in --policy-file", POLICY_HEAD + "\"" + "X".repeat(MB - 100) + "\":1}]}",
            List.of("provision", "--endpoint", "http://127.0.0.1:9", "--region", "us-east-1", "--issuer", ISSUER, "--account",
                "123456789012", "--service-account", "irsa-demo:aws-cli", "--policy-file", "-")),
        Arguments.of("teardown: newline in --service-account", "", List.of("teardown", "--endpoint", "http://127.0.0.1:9", "--region",
            "us-east-1", "--issuer", ISSUER, "--account", "123456789012", "--service-account", "a\nFORGED:x",
            "--plan")),
        Arguments.of("trust irsa: 1 MB service account", "", List.of("trust", "irsa", "--issuer", ISSUER, "--account",
            "123456789012", "--service-account", "ns:" + "y".repeat(100_000) + "\nFORGED")),
        Arguments.of("evaluate --explain: newline in a resource", evaluateCase("\"arn:aws:s3:::b/x\\nFORGED\""),
            List.of("evaluate", "--explain")),
        Arguments.of("walkthrough --json", "", List.of("walkthrough", "--json")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void neverAnInternalErrorNorAForgedLine(String name, String stdin, List<String> args) throws Exception {
    byte[] in = stdin.getBytes(StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>();
    byte[] stdinBytes = in;
    for (String a : args) {
      if (a.equals("--latin1-stdin")) {
        in = stdin.getBytes(StandardCharsets.ISO_8859_1);
        stdinBytes = in;
      } else if (a.endsWith("=@pod")) {
        cmd.add(a.replace("@pod", Files.write(dir.resolve("pod-" + Math.abs(name.hashCode()) + ".yaml"), in).toString()));
        stdinBytes = new byte[0];
      } else {
        cmd.add(a.replace("@sa", dir.resolve("sa.yaml").toString()));
      }
    }
    assertThat(in.length).as("input size").isLessThanOrEqualTo(MB + 1024);

    Run r = run(cmd, stdinBytes, Map.of());

    TIMES.add(String.format("%6d ms  exit %d  %s", r.millis, r.exit, name));
    String what = name + ": exit " + r.exit + ", stderr: " + r.err.substring(0, Math.min(2_000, r.err.length()));
    assertThat(r.finished).as(name + ": finished within " + HANG_SECONDS + " s").isTrue();
    assertThat(r.exit).as(what).isIn(0, 1, 2);
    assertThat(r.err.length()).as(what).isLessThan(10_000);
    assertThat(r.err.lines().filter(l -> l.startsWith("error:"))).as(what).hasSizeLessThanOrEqualTo(1);
    assertThat((r.out + r.err).lines()).as(what).noneMatch(l -> l.startsWith("FORGED"));
  }

  /** Item 8 of issue 14: under LANG=C the default encoder printed 'é' as '?', a wildcard. */
  @Test
  void outputIsUtf8WhateverTheLocale() throws Exception {
    String policy = POLICY_HEAD + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/\u00e9\"}]}";

    Run r = run(List.of("policy", "format", "-"), policy.getBytes(StandardCharsets.UTF_8),
        Map.of("LANG", "C", "LC_ALL", "C"));

    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out).isEqualTo(policy + "\n");
  }

  /** Item 10 of issue 14 in the batch: a bad 1 MB action gives a short ERROR line, and the batch goes on. */
  @Test
  void anEvaluateErrorQuotesAHugeValueShort() throws Exception {
    String huge = "{\"id\":\"big\",\"request\":{\"principal\":\"arn:aws:iam::111122223333:role/r\",\"action\":\"s3 "
        + "G".repeat(MB - 200) + "\",\"resource\":\"*\"}}\n";

    Run r = run(List.of("evaluate"), (huge + evaluateCase("\"*\"")).getBytes(StandardCharsets.UTF_8), Map.of());

    TIMES.add(String.format("%6d ms  exit %d  %s", r.millis, r.exit, "evaluate: 1 MB action"));
    assertThat(r.exit).as(r.err).isZero();
    List<String> lines = r.out.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).hasSizeLessThan(1_000).contains("\"decision\":\"ERROR\"")
        .contains("got: 's3 GGG").contains("...' (1048379 characters)");
    assertThat(lines.get(1)).contains("\"decision\":\"ALLOWED\"");
  }

  record Run(boolean finished, int exit, long millis, String out, String err) {}

  static Run run(List<String> args, byte[] stdin, Map<String, String> env) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", "target/irsa-examples.jar"));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    Thread feeder = new Thread(() -> {
      try (var stdinStream = p.getOutputStream()) {
        stdinStream.write(stdin);
      } catch (IOException closedEarly) {
        // the command may refuse its input before reading all of it
      }
    });
    feeder.start();
    boolean finished = p.waitFor(HANG_SECONDS, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (!finished) {
      p.destroyForcibly().waitFor();
    }
    return new Run(finished, finished ? p.exitValue() : -1, millis, read(out), read(err));
  }

  private static String read(Path p) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(Files.readAllBytes(p));
    return b.toString(StandardCharsets.UTF_8);
  }
}
