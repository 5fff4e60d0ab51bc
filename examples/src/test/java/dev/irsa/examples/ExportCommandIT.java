package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.aws.MotoServer;
import dev.irsa.core.aws.internal.PolicyText;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code export} with {@code provision}'s flags: the documents in every format are, byte for byte, the
 * ones {@code provision} wrote to IAM (moto stores what it is sent).
 */
class ExportCommandIT {
  static MotoServer moto;
  static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/EXPORTEXAMPLE";

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    moto.close();
  }

  static String[] args(String command, String... more) {
    return Stream.concat(Stream.of(command, "--endpoint", moto.endpoint().toString(), "--region", "us-east-1",
        "--issuer", ISSUER, "--account", "123456789012", "--service-account", "irsa-demo:aws-cli",
        "--s3-read-bucket", "irsa-demo-bucket", "--dynamodb-read-table", "irsa-demo-table"), Stream.of(more))
        .toArray(String[]::new);
  }

  @Test
  void everyFormatCarriesTheDocumentsProvisionWrote() throws Exception {
    // Given the role provisioned in IAM (moto)
    moto.reset();
    Cli applied = Cli.run(args("provision"));
    assertThat(applied.exitCode()).as(applied.err()).isZero();
    String trust;
    String policy;
    try (IamClient iam = moto.iam()) {
      trust = PolicyText.decode(iam.getRole(r -> r.roleName("irsa-irsa-demo-aws-cli")).role().assumeRolePolicyDocument());
      String arn = "arn:aws:iam::123456789012:policy/irsa-irsa-demo-aws-cli";
      String version = iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId();
      policy = PolicyText.decode(iam.getPolicyVersion(r -> r.policyArn(arn).versionId(version)).policyVersion().document());
    }

    // When the same flags are exported in each format
    Cli cfn = Cli.run(args("export", "--format", "cloudformation"));
    Cli tf = Cli.run(args("export", "--format", "terraform", "--out", dir.toString()));
    Cli k8s = Cli.run(args("export", "--format", "kubernetes"));

    // Then the CloudFormation template embeds the exact bytes IAM received
    assertThat(cfn.exitCode()).as(cfn.err()).isZero();
    assertThat(cfn.out()).contains("\"AssumeRolePolicyDocument\": " + trust + ",")
        .contains("\"PolicyDocument\": " + policy + "\n");
    // and Terraform's string values are those bytes (no policy variables here, so no template escapes)
    assertThat(tf.exitCode()).as(tf.err()).isZero();
    assertThat(tf.out()).isEmpty();
    assertThat(tf.err()).isEqualTo("wrote " + dir.resolve("main.tf.json") + System.lineSeparator());
    String tfText = Files.readString(dir.resolve("main.tf.json"));
    assertThat(tfText).contains("\"assume_role_policy\": " + JsonWriter.quote(trust))
        .contains("\"policy\": " + JsonWriter.quote(policy));
    JsonNode.Obj parsed = (JsonNode.Obj) JsonParser.parse(tfText);
    assertThat(parsed.members()).containsKeys("resource", "output");
    // and the ServiceAccount names the role provision made
    assertThat(k8s.exitCode()).as(k8s.err()).isZero();
    assertThat(k8s.out()).contains("\"eks.amazonaws.com/role-arn\": \"arn:aws:iam::123456789012:role/irsa-irsa-demo-aws-cli\"")
        .contains("  name: \"aws-cli\"\n  namespace: \"irsa-demo\"\n");
    assertThat(dir.toFile().list()).containsExactly("main.tf.json");
  }

  @Test
  void provisionOnlyFlagsAndUnknownFormatsAreUsageErrors() {
    Cli plan = Cli.run(args("export", "--format", "terraform", "--plan"));
    Cli bad = Cli.run(args("export", "--format", "pulumi"));

    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.err()).isEqualTo("error: export takes neither --plan, --adopt nor --json (it only writes the "
        + "format asked for)" + System.lineSeparator());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: Invalid value for option '--format': expected one of "
        + "[cloudformation, terraform, kubernetes] (case-insensitive) but was 'pulumi'");
  }
}
