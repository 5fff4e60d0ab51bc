package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String file(String json) throws IOException {
    Path p = dir.resolve("policy.json");
    Files.writeString(p, json);
    return p.toString();
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anErrorPrintsJsonAndExitsOne() throws IOException {
    // Given the seed's wording of the S3 permission
    String f = file("""
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "s3:ListBuckets", "Resource": "arn:aws:s3:::irsa-demo-bucket"}]}
        """);
    // When linted / Then exit 1 and the finding as JSON
    assertThat(Main.run("lint", f)).isEqualTo(1);
    assertThat(out()).isEqualTo("""
        [
          {
            "code": "UNKNOWN_ACTION",
            "severity": "ERROR",
            "message": "s3:ListBuckets is not an action of Amazon S3; did you mean s3:ListBucket or s3:ListAllMyBuckets?",
            "path": "$.Statement[0].Action"
          }
        ]
        """);
  }

  @Test
  void warningsAloneExitZeroAndPrintATable() throws IOException {
    String f = file("""
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC"},
                        "Action": "sts:AssumeRoleWithWebIdentity",
                        "Condition": {"StringEquals": {"oidc.eks.us-west-2.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"}}}]}
        """);
    assertThat(Main.run("lint", "--kind", "trust", "--table", f)).isZero();
    assertThat(out()).startsWith("SEVERITY          CODE                   PATH            MESSAGE\n"
        + "SECURITY_WARNING  MISSING_SUB_CONDITION  $.Statement[0]  no oidc.eks.us-west-2.amazonaws.com/id/ABC:sub"
        + " condition: every service account in the cluster can assume the role;");
  }

  @Test
  void aCleanPolicyPrintsAnEmptyArray() throws IOException {
    String f = file("""
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::irsa-demo-bucket"}]}
        """);
    assertThat(Main.run("lint", f)).isZero();
    assertThat(out()).isEqualTo("[]\n");
  }

  @Test
  void unreadableJsonExitsTwoWithOneErrorLine() throws IOException {
    String f = file("{\"Version\": ");
    assertThat(Main.run("lint", f)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: " + f
        + ": not JSON: $.Version 1:13: unexpected end of input: expected a value" + System.lineSeparator());
    assertThat(out()).isEmpty();
  }

  @Test
  void anUnknownKindExitsTwo() throws IOException {
    String f = file("{}");
    assertThat(Main.run("lint", "--kind", "role", f)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: unknown policy kind 'role' (expected identity,"
        + " resource, trust, boundary, scp or session)" + System.lineSeparator());
  }
}
