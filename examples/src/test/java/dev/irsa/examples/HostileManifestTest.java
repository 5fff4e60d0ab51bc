package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile manifests (issue 14, items 2, 3, 7, 8, 11 and 12): each is refused by {@code pod inspect} and
 * {@code pod mutate} alike with exit 2 and one located {@code error:} line, never exit 3 and never a
 * silently changed value.
 */
class HostileManifestTest {
  static final String SA = PodCommandTest.file("aws-cli.sa.yaml");
  static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: aws-cli, namespace: irsa-demo}
      spec:
        serviceAccountName: aws-cli
        containers:
        - name: c
      """;

  @TempDir
  Path dir;

  /** Runs {@code pod inspect} and {@code pod mutate} on one manifest: both must fail with exactly {@code error}. */
  void rejectedByBoth(String pod, String error) throws Exception {
    Path file = Files.writeString(dir.resolve("pod.yaml"), pod);
    Cli inspect = Cli.run("pod", "inspect", "--pod", file.toString(), "--service-account-file", SA);
    Cli mutate = Cli.run("pod", "mutate", "--pod", file.toString(), "--service-account-file", SA);

    assertThat(inspect.exitCode()).as(inspect.err()).isEqualTo(2);
    assertThat(mutate.exitCode()).as(mutate.err()).isEqualTo(2);
    assertThat(inspect.err()).isEqualTo("error: " + file + error + "\n");
    assertThat(mutate.err()).isEqualTo(inspect.err());
    assertThat(mutate.out()).isEmpty();
  }

  // Item 2: a recursive alias overflowed the stack (exit 3).

  @Test
  void aSequenceThatContainsItselfIsRefused() throws Exception {
    rejectedByBoth(POD + "x-rec: &r [*r]\n", ":8:12: alias *r refers to a collection that contains it (a cycle); not a manifest");
  }

  @Test
  void aMappingThatContainsItselfIsRefused() throws Exception {
    rejectedByBoth(POD + "x-rec: &r {k: *r}\n", ":8:15: alias *r refers to a collection that contains it (a cycle); not a manifest");
  }

  // Item 3: 24 levels of two aliases each stayed under the alias-count limit and ran out of memory.

  @Test
  void anAliasBombWithinTheAliasCountIsRefusedByItsExpandedSize() throws Exception {
    StringBuilder bomb = new StringBuilder(POD).append("x-a0: &a0 [x, x]\n");
    for (int i = 1; i <= 24; i++) {
      bomb.append("x-a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    rejectedByBoth(bomb.toString(),
        ":22:20: aliases expand the manifest to more than 100000 nodes; not a manifest");
  }

  @Test
  void moreThanFiftyAliasesAreRefusedWithAPosition() throws Exception {
    rejectedByBoth(POD + "x-a: &a [x]\nx-b: [" + "*a, ".repeat(51) + "]\n",
        ":9:207: more than 50 aliases to collections; not a manifest");
  }

  // Item 7: numbers that are not integers were coerced into integer fields (.nan became runAsUser: 0).

  @Test
  void notANumberIsNotAUserId() throws Exception {
    rejectedByBoth(POD + "    securityContext: {runAsUser: .nan}\n",
        ":8:34: spec.containers[0].securityContext.runAsUser: expected an integer, got number .nan");
  }

  @Test
  void aFractionIsNotAUserIdGroupOrPort() throws Exception {
    rejectedByBoth(POD + "    securityContext: {runAsUser: 1000.9}\n",
        ":8:34: spec.containers[0].securityContext.runAsUser: expected an integer, got number 1000.9");
    rejectedByBoth(POD + "  securityContext: {fsGroup: 2000.5}\n",
        ":8:30: spec.securityContext.fsGroup: expected an integer, got number 2000.5");
    rejectedByBoth(POD + "    ports: [{containerPort: 80.5}]\n",
        ":8:29: spec.containers[0].ports[0].containerPort: expected an integer, got number 80.5");
    rejectedByBoth(POD + "  volumes: [{name: t, projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 3600.5}}]}}]\n",
        ":8:96: spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: expected an integer, "
            + "got number 3600.5");
  }

  @Test
  void aFractionInJsonIsRefusedToo() throws Exception {
    rejectedByBoth("""
        {"kind":"Pod","metadata":{"name":"aws-cli","namespace":"irsa-demo"},"spec":{"containers":[{"name":"c",
        "securityContext":{"runAsGroup":1e400}}]}}""",
        ":2:33: spec.containers[0].securityContext.runAsGroup: expected an integer, got number 1e400");
  }

  @Test
  void anIntegerStillReads() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.yaml"), POD + "    securityContext: {runAsUser: 1000}\n");

    Cli r = Cli.run("pod", "mutate", "--pod", file.toString(), "--service-account-file", SA);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("runAsUser: 1000\n");
  }

  // Item 8: an unpaired surrogate would be printed as '?', a wildcard in IAM.

  @Test
  void anUnpairedSurrogateIsRefused() throws Exception {
    rejectedByBoth(POD + "    image: \"b/\\ud800x\"\n",
        ":8:12: spec.containers[0].image: unpaired surrogate \\ud800 at character 3; not valid Unicode");
  }

  // Item 12: YAML errors without a position.

  @Test
  void anUnknownTagHasAPosition() throws Exception {
    rejectedByBoth(POD + "x: !foo bar\n", ":8:4: not valid YAML or JSON: could not determine a constructor for the tag !foo");
  }

  @Test
  void aDuplicateKeyHasAPosition() throws Exception {
    rejectedByBoth(POD + "kind: Pod\n", ":8:1: not valid YAML or JSON: while constructing a mapping: found duplicate key kind");
  }

  // Item 10: a YAML error quotes a huge key short.

  @Test
  void aHugeDuplicateKeyIsQuotedShort() throws Exception {
    String key = "k".repeat(1_000_000);
    rejectedByBoth(POD + "x:\n  ? " + key + "\n  : 1\n  ? " + key + "\n  : 2\n",
        ":11:5: not valid YAML or JSON: while constructing a mapping: found duplicate key " + "k".repeat(200)
            + "... (1000000 characters)");
  }

  // Item 11: a newline in an annotation forged a line on stderr.

  @Test
  void aNewlineInTheRoleAnnotationCannotForgeALine() throws Exception {
    Path sa = Files.writeString(dir.resolve("sa.yaml"), """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: aws-cli
          namespace: irsa-demo
          annotations:
            eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/x\\nAWS_SECRET_ACCESS_KEY=forged"
        """);
    Path pod = Files.writeString(dir.resolve("pod.yaml"), POD);

    Cli r = Cli.run("pod", "mutate", "--pod", pod.toString(), "--service-account-file", sa.toString());

    assertThat(r.err().lines()).noneMatch(l -> l.startsWith("AWS_SECRET_ACCESS_KEY"));
    assertThat(r.err()).isEqualTo("# mutated for role arn:aws:iam::111122223333:role/x\\nAWS_SECRET_ACCESS_KEY=forged\n");
  }
}
