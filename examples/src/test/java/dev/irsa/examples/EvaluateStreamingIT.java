package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 15: {@code evaluate} used to read all its input before answering, so 200,000
 * cases under a 48 MB heap ended in OutOfMemoryError with no result line. Results are now written
 * as they are decided, and memory does not grow with the input.
 */
class EvaluateStreamingIT {
  private static final String SHARED = """
      {"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],\
      "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]},{"Effect":"Deny","Action":"s3:*","Resource":"*",\
      "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";

  @Test
  void twoHundredThousandCasesUnderA48MegabyteHeapAllGetTheirLine(@TempDir Path dir) throws Exception {
    // Given 200,000 cases: a policy all share, and one of their own (so the policy cache churns)
    int count = 200_000;
    Path in = dir.resolve("cases.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        String own = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\","
            + "\"Resource\":\"arn:aws:s3:::b/" + i + "/*\"}}";
        w.write("{\"id\":\"" + i + "\",\"identityPolicies\":[" + SHARED + "," + own + "],\"request\":{\"principal\":"
            + "\"arn:aws:iam::111122223333:user/bob\",\"action\":\"s3:" + (i % 2 == 0 ? "GetObject" : "PutObject")
            + "\",\"resource\":\"arn:aws:s3:::b/" + (i % 3) + "/k\",\"context\":{\"aws:SecureTransport\":\"true\"}}}\n");
      }
    }
    Path out = dir.resolve("results.jsonl");
    Path err = dir.resolve("err.txt");

    // When the jar evaluates them in a JVM with a 48 MB heap
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx48m", "-jar", Path.of("target/irsa-examples.jar").toString(), "evaluate"))
        .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("finished within 10 minutes").isTrue();

    // Then it exits 0 with one line per case, in order, each decided
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    long lines = 0;
    try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        // GetObject (even ids) is allowed by the shared policy; PutObject (odd ids) on b/<i % 3>/k
        // only by the case's own policy for b/<i>/*, so only for case 1
        String expected = lines % 2 == 0 || lines == 1 ? "ALLOWED" : "IMPLICIT_DENY";
        assertThat(line).as("line %d", lines + 1).startsWith("{\"id\":\"" + lines + "\",\"decision\":\"" + expected + "\"");
        lines++;
      }
    }
    assertThat(lines).isEqualTo(count);
  }
}
