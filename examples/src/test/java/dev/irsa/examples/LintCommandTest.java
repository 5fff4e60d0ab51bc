package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir
  Path dir;

  private String file(String json) throws IOException {
    Path p = dir.resolve("policy.json");
    Files.writeString(p, json);
    return p.toString();
  }

  @Test
  void anErrorPrintsJsonAndExitsOne() throws IOException {
    // Given the seed's wording of the S3 permission
    String f = file("""
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "s3:ListBuckets", "Resource": "arn:aws:s3:::irsa-demo-bucket"}]}
        """);
    // When linted
    Cli r = Cli.run("lint", f);
    // Then exit 1 and the finding as JSON
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("""
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
  void warningsAloneExitZeroAndPrintATable() {
    String trust = """
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC"},
                        "Action": "sts:AssumeRoleWithWebIdentity",
                        "Condition": {"StringEquals": {"oidc.eks.us-west-2.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"}}}]}
        """;
    Cli r = Cli.runWithStdin(trust, "lint", "--kind", "trust", "--table", "-");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("SEVERITY          CODE                   PATH            MESSAGE\n"
        + "SECURITY_WARNING  MISSING_SUB_CONDITION  $.Statement[0]  no oidc.eks.us-west-2.amazonaws.com/id/ABC:sub"
        + " condition: every service account in the cluster can assume the role;");
  }

  @Test
  void aCleanPolicyPrintsAnEmptyArray() throws IOException {
    String f = file("""
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::irsa-demo-bucket"}]}
        """);
    Cli r = Cli.run("lint", f);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("[]\n");
  }

  @Test
  void unreadableJsonExitsTwoWithOneErrorLine() throws IOException {
    String f = file("{\"Version\": ");
    Cli r = Cli.run("lint", f);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: " + f + ": not JSON: $.Version 1:13: unexpected end of input: expected a value"
        + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownKindExitsTwo() throws IOException {
    Cli r = Cli.run("lint", "--kind", "role", file("{}"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: Invalid value for option '--kind': expected one of [IDENTITY, RESOURCE, TRUST,"
        + " BOUNDARY, SCP, SESSION] (case-insensitive) but was 'role' (see 'irsa lint --help')" + System.lineSeparator());
  }
}
