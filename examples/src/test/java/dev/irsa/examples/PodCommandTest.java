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
    int code = Main.run("pod", "mutate", "--pod", file("aws-cli.pod.yaml"), "--service-account-file", file("aws-cli.sa.yaml"),
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
    int code = Main.run("pod", "mutate", "--pod", file("running-stale.pod.json"), "--service-account-file", file("aws-cli.sa.yaml"));

    assertThat(code).isZero();
    assertThat(stdout()).startsWith("{\n").contains("\"name\" : \"AWS_ROLE_ARN\"");
  }

  @Test
  void inspectAManifestAsTheWebhookWouldCreateIt() {
    int code = Main.run("pod", "inspect", "--pod", file("aws-cli.pod.yaml"), "--service-account-file", file("aws-cli.sa.yaml"));

    assertThat(code).isZero();
    assertThat(stdout()).contains("\"getsRole\": true", "\"findings\": []");
    assertThat(stderr()).isEqualTo("# no creationTimestamp: inspected as the webhook would create the pod now\n");
  }

  @Test
  void inspectARunningPodCreatedBeforeTheAnnotationExitsOne() {
    int code = Main.run("pod", "inspect", "--pod", file("running-stale.pod.json"), "--service-account-file", file("aws-cli.sa.yaml"));

    assertThat(code).isEqualTo(1);
    assertThat(stdout()).contains("\"getsRole\": false", "\"stale\": true", "\"code\": \"STALE_NOT_WIRED\"");
  }

  @Test
  void inspectAMalformedRoleAnnotationExitsOne(@TempDir Path dir) throws Exception {
    Path sa = Files.writeString(dir.resolve("sa.yaml"), """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: aws-cli
          namespace: irsa-demo
          annotations: {eks.amazonaws.com/role-arn: not-an-arn}
        """);

    int code = Main.run("pod", "inspect", "--pod", file("aws-cli.pod.yaml"), "--service-account-file", sa.toString());

    assertThat(code).isEqualTo(1);
    assertThat(stdout()).contains("\"getsRole\": false", "\"code\": \"INVALID_ROLE_ARN\"",
        "\"message\": \"service account irsa-demo/aws-cli annotation eks.amazonaws.com/role-arn: invalid ARN "
            + "'not-an-arn': expected 6 colon-separated parts (arn:partition:service:region:account:resource), got 1; "
            + "STS AssumeRoleWithWebIdentity fails with ValidationError: Request ARN is invalid\"");
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
    assertThat(stderr().lines().toList().get(1)).isEqualTo("error: " + broken + ":3:1: not valid YAML or JSON: "
        + "while parsing a flow sequence: expected ',' or ']', but got <stream end>");
  }

  /** Runs {@code pod inspect} and {@code pod mutate} on one manifest: both must fail with exactly {@code error}. */
  void rejectedByBoth(Path pod, String error) {
    int inspect = Main.run("pod", "inspect", "--pod", pod.toString(), "--service-account-file", file("aws-cli.sa.yaml"));
    int mutate = Main.run("pod", "mutate", "--pod", pod.toString(), "--service-account-file", file("aws-cli.sa.yaml"));

    assertThat(inspect).isEqualTo(2);
    assertThat(mutate).isEqualTo(2);
    assertThat(stderr()).isEqualTo("error: " + pod + error + "\n" + "error: " + pod + error + "\n");
  }

  static final String POD_HEAD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: aws-cli, namespace: irsa-demo}
      spec:
        serviceAccountName: aws-cli
      """;

  @Test
  void jsonIndentedWithTabsReads(@TempDir Path dir) throws Exception {
    Path pod = Files.writeString(dir.resolve("tabs.json"),
        "{\n\t\"kind\": \"Pod\",\n\t\"metadata\": {\"name\": \"aws-cli\", \"namespace\": \"irsa-demo\"},\n"
            + "\t\"spec\": {\"serviceAccountName\": \"aws-cli\", \"containers\": [{\"name\": \"c\"}]}\n}\n");

    int code = Main.run("pod", "inspect", "--pod", pod.toString(), "--service-account-file", file("aws-cli.sa.yaml"));

    assertThat(code).isZero();
    assertThat(stdout()).contains("\"getsRole\": true");
  }

  @Test
  void aNullContainerIsRejectedWithItsPath(@TempDir Path dir) throws Exception {
    rejectedByBoth(Files.writeString(dir.resolve("p.yaml"), POD_HEAD + "  containers: [null]\n"),
        ":6:16: spec.containers[0]: must not be null");
  }

  @Test
  void nullEnvAndEnvFromEntriesAreRejectedWithTheirPaths(@TempDir Path dir) throws Exception {
    rejectedByBoth(Files.writeString(dir.resolve("env.yaml"), POD_HEAD + """
          containers:
          - name: c
            env: [null, {value: v}]
        """), ":8:11: spec.containers[0].env[0]: must not be null");
    err.reset();
    rejectedByBoth(Files.writeString(dir.resolve("envfrom.yaml"), POD_HEAD + """
          containers:
          - name: c
            envFrom: [null, {secretRef: {name: s}}]
        """), ":8:15: spec.containers[0].envFrom[0]: must not be null");
  }

  @Test
  void nullVolumesAndProjectedSourcesAreRejectedWithTheirPaths(@TempDir Path dir) throws Exception {
    rejectedByBoth(Files.writeString(dir.resolve("vol.yaml"), POD_HEAD + """
          containers: [{name: c}]
          volumes: [null, {}]
        """), ":7:13: spec.volumes[0]: must not be null");
    err.reset();
    rejectedByBoth(Files.writeString(dir.resolve("src.yaml"), POD_HEAD + """
          containers: [{name: c}]
          volumes:
          - name: aws-iam-token
            projected: {sources: [null, {}]}
        """), ":9:27: spec.volumes[0].projected.sources[0]: must not be null");
  }

  @Test
  void aContainerWithoutANameIsRejectedWithItsPath(@TempDir Path dir) throws Exception {
    Path pod = Files.writeString(dir.resolve("noname.yaml"), POD_HEAD + "  containers: [{image: x}]\n");

    int inspect = Main.run("pod", "inspect", "--pod", pod.toString(), "--service-account-file", file("aws-cli.sa.yaml"));
    int mutate = Main.run("pod", "mutate", "--pod", pod.toString(), "--service-account-file", file("aws-cli.sa.yaml"));

    assertThat(inspect).isEqualTo(2);
    assertThat(mutate).isEqualTo(2);
    assertThat(stderr()).isEqualTo("error: pod irsa-demo/aws-cli: spec.containers[0].name is required\n".repeat(2));
  }

  @Test
  void deeplyNestedYamlIsRejectedBeforeParsing(@TempDir Path dir) throws Exception {
    rejectedByBoth(Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(100_000)),
        ":1:67: nested deeper than 64 levels; not a manifest");
  }

  @Test
  void aValueOfTheWrongTypeNamesItsPathPositionAndValue(@TempDir Path dir) throws Exception {
    rejectedByBoth(Files.writeString(dir.resolve("c.json"), """
        {"kind":"Pod","metadata":{"name":"aws-cli","namespace":"irsa-demo"},"spec":{"containers":"x"}}"""),
        ":1:90: spec.containers: expected a list, got string \"x\"");
    err.reset();
    rejectedByBoth(Files.writeString(dir.resolve("env5.yaml"), POD_HEAD + """
          containers:
          - name: c
            env: 5
        """), ":8:10: spec.containers[0].env: expected a list, got number 5");
  }

  @Test
  void aServiceAccountThatIsNotThePodsIsRejected(@TempDir Path dir) throws Exception {
    Path other = Files.writeString(dir.resolve("other.yaml"), """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: other, namespace: irsa-demo}
        """);

    int code = Main.run("pod", "mutate", "--pod", file("aws-cli.pod.yaml"), "--service-account-file", other.toString());

    assertThat(code).isEqualTo(2);
    assertThat(stderr()).isEqualTo("error: service account irsa-demo/other is not the pod's: pod irsa-demo/aws-cli runs as "
        + "irsa-demo/aws-cli\n");
  }
}
