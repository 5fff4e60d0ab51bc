package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.policy.Permissions;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} from the offline source: PASS exit 0, FAIL exit 1, bad input exit 2. */
class VerifyCommandTest {
  static final OidcProvider CLUSTER = OidcProvider.fromIssuer(Seed.ISSUER, Seed.ACCOUNT);
  static final String ROLE = "arn:aws:iam::111122223333:role/irsa-demo-aws-cli";
  static final String OBJECT = "arn:aws:s3:::irsa-demo-bucket/hello.txt";

  @TempDir
  Path dir;
  String trust;
  String policy;

  @BeforeEach
  void files() throws IOException {
    trust = Files.writeString(dir.resolve("trust.json"),
        IrsaTrust.of(CLUSTER, ServiceAccountRef.of("irsa-demo", "aws-cli")).toJson()).toString();
    policy = Files.writeString(dir.resolve("policy.json"),
        Permissions.builder().s3Read("irsa-demo-bucket").build().toJson()).toString();
  }

  private Cli verify(String... more) {
    String[] base = {"verify", "--service-account", "irsa-demo:aws-cli", "--role-arn", ROLE, "--trust-file", trust,
        "--policy-file", policy};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return Cli.run(all);
  }

  @Test
  void passesWhenEveryExpectationHolds() {
    Cli r = verify("--expect-identity", "--expect-allow", "s3:ListBucket=arn:aws:s3:::irsa-demo-bucket",
        "--expect-deny", "s3:DeleteObject=" + OBJECT);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("  trust    ALLOWED (offline): ALLOWED: allowed by trust statement 0 Allow")
        .endsWith("3 checks: 3 PASS, 0 FAIL, 0 DRIFT" + System.lineSeparator());
  }

  @Test
  void failsWhenThePolicyIsTooNarrow() {
    Cli r = verify("--expect-allow", "s3:PutObject=" + OBJECT, "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("\"verdict\": \"FAIL\"").contains("\"evidence\": \"IMPLICIT_DENY: no statement allows it (identity)\"");
  }

  @Test
  void anUnknownActionIsBadInput() {
    Cli r = verify("--expect-deny", "s3:ListBuckets=arn:aws:s3:::irsa-demo-bucket");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: --expect-deny s3:ListBuckets=arn:aws:s3:::irsa-demo-bucket: unknown action "
        + "s3:ListBuckets (did you mean s3:ListBucket, s3:ListAllMyBuckets?)" + System.lineSeparator());
  }

  @Test
  void expectationsFileErrorsNameTheEntry() throws IOException {
    Path f = Files.writeString(dir.resolve("checks.json"), """
        [{"expect": "allow", "action": "s3:GetObject", "resource": "arn:aws:s3:::irsa-demo-bucket/hello.txt"},
         {"expect": "deny", "action": "s3:DeleteObjects", "resource": "arn:aws:s3:::irsa-demo-bucket/hello.txt"}]
        """);
    Cli r = verify("--expectations", f.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + f + ": [1]: unknown action s3:DeleteObjects (did you mean ");
  }

  @Test
  void badServiceAccountAndMissingDocumentsAreBadInput() {
    assertThat(Cli.run("verify", "--service-account", "aws-cli", "--expect-identity").err())
        .isEqualTo("error: --service-account must be NAMESPACE:NAME, got: 'aws-cli'" + System.lineSeparator());
    Cli r = Cli.run("verify", "--service-account", "irsa-demo:aws-cli", "--role-arn", ROLE, "--expect-identity");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: the offline source needs --policy-file or --trust-file" + System.lineSeparator());
  }

  @Test
  void writesJunitXml() throws IOException {
    Path xml = dir.resolve("report.xml");
    Cli r = verify("--expect-allow", "s3:GetObject=" + OBJECT, "--junit-xml", xml.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("1 checks: 1 PASS, 0 FAIL, 0 DRIFT" + System.lineSeparator());
    assertThat(Files.readString(xml)).contains("<testsuite name=\"irsa verify irsa-demo/aws-cli\" tests=\"1\" failures=\"0\"");
  }
}
