package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} and {@code audit} from files in the standard formats (test resources {@code doctor/}). */
class DoctorCommandTest {
  @TempDir
  Path dir;

  @BeforeEach
  void copyFixtures() throws IOException {
    for (String n : List.of("k8s", "webhooks", "iam", "oidc-providers", "cluster")) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("doctor/" + n + ".json")) {
        Files.write(dir.resolve(n + ".json"), in.readAllBytes());
      }
    }
  }

  private List<String> files() {
    return new ArrayList<>(List.of("--k8s", f("k8s"), "--k8s", f("webhooks"), "--iam", f("iam"),
        "--oidc-providers", f("oidc-providers"), "--cluster", f("cluster")));
  }

  private String f(String name) {
    return dir.resolve(name + ".json").toString();
  }

  private Cli run(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(more));
    args.addAll(files());
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void healthyServiceAccount() {
    Cli r = run("doctor", "--service-account", "irsa-demo:aws-cli");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("doctor irsa-demo:aws-cli: no broken link found\n0 errors, 0 warnings, 0 info\n");
  }

  @Test
  void missingProviderExitsOneWithTheFindingAsJson() throws IOException {
    Files.writeString(dir.resolve("oidc-providers.json"), "[]");
    Cli r = run("doctor", "--service-account", "irsa-demo:aws-cli", "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode.Obj root = (JsonNode.Obj) JsonParser.parse(r.out());
    JsonNode.Obj finding = (JsonNode.Obj) ((JsonNode.Arr) root.get("findings")).elements().get(0);
    assertThat(((JsonNode.Str) finding.get("code")).value()).isEqualTo("OIDC_PROVIDER_MISSING");
    assertThat(((JsonNode.Str) finding.get("severity")).value()).isEqualTo("ERROR");
  }

  @Test
  void expectations() {
    Cli r = run("doctor", "--service-account", "irsa-demo:aws-cli",
        "--expect-allowed", "s3:ListBucket,arn:aws:s3:::irsa-demo-bucket",
        "--expect-denied", "s3:DeleteObject,arn:aws:s3:::irsa-demo-bucket/k");
    assertThat(r.exitCode()).isZero();
    Cli bad = run("doctor", "--service-account", "irsa-demo:aws-cli", "--expect-allowed", "s3:ListBucket");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("error: --expect-allowed must be ACTION,RESOURCE (e.g. s3:ListBucket,"
        + "arn:aws:s3:::bucket), got: 's3:ListBucket'\n");
  }

  @Test
  void aFileThatIsNotWhatItClaimsIsOneErrorLineAndExitTwo() throws IOException {
    Files.writeString(dir.resolve("iam.json"), "{\"Roles\": []}");
    Cli r = run("doctor", "--service-account", "irsa-demo:aws-cli");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().filter(l -> l.startsWith("error:")).toList()).containsExactly("error: " + f("iam")
        + ": $ 1:1: not the output of aws iam get-account-authorization-details: no RoleDetailList");
  }

  @Test
  void iamWithoutTheIssuerIsBadInput() {
    Cli r = Cli.run("doctor", "--service-account", "irsa-demo:aws-cli", "--k8s", f("k8s"), "--iam", f("iam"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: --iam needs the cluster's issuer: give --cluster FILE (aws eks "
        + "describe-cluster) or --issuer URL\n");
  }

  @Test
  void auditPrintsCleanJsonOnStdoutAndProgressOnStderr() {
    Cli r = run("audit");
    assertThat(r.exitCode()).isZero();
    assertThat(JsonParser.parse(r.out())).isInstanceOf(JsonNode.Obj.class);
    assertThat(r.err()).contains("audit: index 1/1\n", "audit: service accounts 1/1\n", "audit: roles 1/1\n",
        "audit: 0 errors, 0 warnings, 0 info; 0 findings in ");
  }

  @Test
  void auditTable() throws IOException {
    String iam = Files.readString(dir.resolve("iam.json"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("iam.json"), iam.replace("\"RoleName\": \"irsa-demo-aws-cli\"", "\"RoleName\": \"old\"")
        .replace("\"Arn\": \"arn:aws:iam::111122223333:role/irsa-demo-aws-cli\"", "\"Arn\": \"arn:aws:iam::111122223333:role/old\""));
    Cli r = run("audit", "--table", "--namespace", "irsa-demo");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("ERROR   ORPHAN_ANNOTATION            serviceaccount irsa-demo/aws-cli\n"
        + "        the annotated role arn:aws:iam::111122223333:role/irsa-demo-aws-cli does not exist\n");
  }
}
