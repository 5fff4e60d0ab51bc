package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodCommandTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  PrintStream oldOut;
  PrintStream oldErr;

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

  static String file(String name) {
    try {
      return Path.of(PodCommandTest.class.getResource("/pods/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void mutatePrintsTheYamlPodAsTheWebhookStoresIt() {
    int code = Main.run("pod", "mutate", "--pod", file("aws-cli.pod.yaml"), "--service-account", file("aws-cli.sa.yaml"),
        "--region", "us-west-2");

    assertThat(code).isZero();
    assertThat(stdout()).startsWith("---\napiVersion: \"v1\"\nkind: \"Pod\"\n").contains("""
            env:
            - name: "AWS_STS_REGIONAL_ENDPOINTS"
              value: "regional"
            - name: "AWS_DEFAULT_REGION"
              value: "us-west-2"
            - name: "AWS_REGION"
              value: "us-west-2"
            - name: "AWS_ROLE_ARN"
              value: "arn:aws:iam::111122223333:role/irsa-demo-aws-cli"
            - name: "AWS_WEB_IDENTITY_TOKEN_FILE"
              value: "/var/run/secrets/eks.amazonaws.com/serviceaccount/token"
        """).contains("""
          volumes:
          - name: "aws-iam-token"
            projected:
              sources:
              - serviceAccountToken:
                  audience: "sts.amazonaws.com"
                  expirationSeconds: 86400
                  path: "token"
        """);
    assertThat(stderr()).isEqualTo("# mutated for role arn:aws:iam::111122223333:role/irsa-demo-aws-cli\n");
  }

  @Test
  void mutateAnswersJsonForJson() {
    int code = Main.run("pod", "mutate", "--pod", file("running-stale.pod.json"), "--service-account", file("aws-cli.sa.yaml"));

    assertThat(code).isZero();
    assertThat(stdout()).startsWith("{\n").contains("\"name\" : \"AWS_ROLE_ARN\"");
  }

  @Test
  void inspectAManifestAsTheWebhookWouldCreateIt() {
    int code = Main.run("pod", "inspect", "--pod", file("aws-cli.pod.yaml"), "--service-account", file("aws-cli.sa.yaml"));

    assertThat(code).isZero();
    assertThat(stdout()).contains("\"getsRole\": true", "\"findings\": []");
    assertThat(stderr()).isEqualTo("# no creationTimestamp: inspected as the webhook would create the pod now\n");
  }

  @Test
  void inspectARunningPodCreatedBeforeTheAnnotationExitsOne() {
    int code = Main.run("pod", "inspect", "--pod", file("running-stale.pod.json"), "--service-account", file("aws-cli.sa.yaml"));

    assertThat(code).isEqualTo(1);
    assertThat(stdout()).contains("\"getsRole\": false", "\"stale\": true", "\"code\": \"STALE_NOT_WIRED\"");
  }

  @Test
  void inspectWithoutServiceAccountJudgesThePodAlone() {
    int code = Main.run("pod", "inspect", "--pod", file("running-stale.pod.json"));

    assertThat(code).isEqualTo(1);
    assertThat(stdout()).contains("\"code\": \"NOT_WIRED\"").doesNotContain("expectedRole");
  }

  @Test
  void badInputIsOneErrorLineAndExitTwo(@TempDir Path dir) throws Exception {
    Path notAPod = Files.writeString(dir.resolve("sa-as-pod.yaml"), Files.readString(Path.of(file("aws-cli.sa.yaml"))));
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "kind: Pod\nmetadata: [unclosed\n");

    int wrongKind = Main.run("pod", "inspect", "--pod", notAPod.toString());
    int unparsable = Main.run("pod", "inspect", "--pod", broken.toString());

    assertThat(wrongKind).isEqualTo(2);
    assertThat(unparsable).isEqualTo(2);
    assertThat(stderr().lines()).hasSize(2);
    assertThat(stderr().lines().toList().get(0)).isEqualTo("error: " + notAPod + ": expected kind Pod, got ServiceAccount");
    assertThat(stderr().lines().toList().get(1)).startsWith("error: " + broken + ": not a Pod manifest: ");
  }

  @Test
  void aServiceAccountThatIsNotThePodsIsRejected(@TempDir Path dir) throws Exception {
    Path other = Files.writeString(dir.resolve("other.yaml"), """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: other, namespace: irsa-demo}
        """);

    int code = Main.run("pod", "mutate", "--pod", file("aws-cli.pod.yaml"), "--service-account", other.toString());

    assertThat(code).isEqualTo(2);
    assertThat(stderr()).isEqualTo("error: service account irsa-demo/other is not the pod's: pod irsa-demo/aws-cli runs as "
        + "irsa-demo/aws-cli\n");
  }
}
