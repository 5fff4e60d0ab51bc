package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provision --policy-file} lints the policy before any AWS call. The endpoint points at a
 * closed loopback port: reaching AWS would fail with exit 1 ("no answer"), so exit 2 with the lint
 * findings proves nothing was sent.
 */
class ProvisionLintTest {
  static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/DEMO";

  @Test
  void refusesAPolicyWithLintErrorsBeforeCallingAws(@TempDir Path dir) throws Exception {
    Path policy = dir.resolve("typo.json");
    Files.writeString(policy, """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBuckets","Resource":"arn:aws:s3:::b"}]}""");

    Cli r = Cli.run("provision", "--endpoint", "http://127.0.0.1:9", "--region", "us-east-1", "--issuer", ISSUER,
        "--account", "123456789012", "--service-account", "irsa-demo:aws-cli",
        "--policy-file", policy.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    // One line (issue 14, item 12): the count and the first finding
    assertThat(r.err()).isEqualTo("error: " + policy + ": lint found 1 ERROR (run 'lint " + policy + "' for all; fix them "
        + "or pass --skip-lint); first: UNKNOWN_ACTION $.Statement[0].Action: s3:ListBuckets is not an action of "
        + "Amazon S3; did you mean s3:ListBucket or s3:ListAllMyBuckets?\n");
  }

  @Test
  void severalErrorsAreCountedOnOneLine(@TempDir Path dir) throws Exception {
    Path policy = dir.resolve("typos.json");
    Files.writeString(policy, """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBuckets","s3:GetObjekt"],
        "Resource":"arn:aws:s3:::b/*"}]}""");

    Cli r = Cli.run("provision", "--endpoint", "http://127.0.0.1:9", "--region", "us-east-1", "--issuer", ISSUER,
        "--account", "123456789012", "--service-account", "irsa-demo:aws-cli",
        "--policy-file", policy.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("error: " + policy + ": lint found 2 ERRORs (run 'lint " + policy + "' for all; ")
        .contains("; first: UNKNOWN_ACTION $.Statement[0].Action[0]: s3:ListBuckets is not an action of Amazon S3");
  }

  @Test
  void skipLintGoesOnToAws(@TempDir Path dir) throws Exception {
    Path policy = dir.resolve("typo.json");
    Files.writeString(policy, """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBuckets","Resource":"arn:aws:s3:::b"}]}""");

    Cli r = Cli.run("provision", "--endpoint", "http://127.0.0.1:9", "--region", "us-east-1", "--issuer", ISSUER,
        "--account", "123456789012", "--service-account", "irsa-demo:aws-cli",
        "--policy-file", policy.toString(), "--skip-lint", "--plan");

    // Then the call reaches the (closed) endpoint and fails there, as IAM's failure
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").doesNotContain("UNKNOWN_ACTION");
  }
}
