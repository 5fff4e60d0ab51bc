package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.aws.MotoServer;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/** {@code provision} and {@code teardown} against moto, through {@code --endpoint}. */
class ProvisionCommandIT {
  static MotoServer moto;
  static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/CLIEXAMPLE";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    // The CLI uses the SDK's default credential chain; system properties come first in it.
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    moto.close();
  }

  @BeforeEach
  void capture() {
    moto.reset();
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(args);
  }

  private String[] common(String... more) {
    String[] base = {"--endpoint", moto.endpoint().toString(), "--region", "us-east-1", "--issuer", ISSUER,
        "--account", "123456789012", "--service-account", "irsa-demo:aws-cli"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  /** {@code args} with another --service-account. */
  private static String[] serviceAccount(String name, String[] args) {
    String[] copy = args.clone();
    copy[List.of(copy).indexOf("--service-account") + 1] = name;
    return copy;
  }

  private static String[] cmd(String name, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = name;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void planThenProvisionThenNoChangeThenTeardown() {
    // When planning
    assertThat(run(cmd("provision", common("--s3-read-bucket", "irsa-demo-bucket", "--plan")))).isZero();

    // Then the plan lists four changes and nothing was created
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
        plan for arn:aws:iam::123456789012:role/irsa-irsa-demo-aws-cli
        + create-oidc-provider arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/CLIEXAMPLE: \
        create the OIDC provider for https://oidc.eks.us-east-1.amazonaws.com/id/CLIEXAMPLE with client ID sts.amazonaws.com, no thumbprint
        + create-policy arn:aws:iam::123456789012:policy/irsa-irsa-demo-aws-cli: create managed policy irsa-irsa-demo-aws-cli
        + create-role arn:aws:iam::123456789012:role/irsa-irsa-demo-aws-cli: create role irsa-irsa-demo-aws-cli trusting \
        irsa-demo:aws-cli@https://oidc.eks.us-east-1.amazonaws.com/id/CLIEXAMPLE
        + attach-policy arn:aws:iam::123456789012:role/irsa-irsa-demo-aws-cli: attach arn:aws:iam::123456789012:policy/irsa-irsa-demo-aws-cli
        """);
    try (IamClient iam = moto.iam()) {
      assertThat(iam.listRoles().roles()).isEmpty();
    }

    // When provisioning, then again
    assertThat(run(cmd("provision", common("--s3-read-bucket", "irsa-demo-bucket")))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("applied to arn:aws:iam::123456789012:role/irsa-irsa-demo-aws-cli\n+ create-oidc-provider");
    assertThat(run(cmd("provision", common("--s3-read-bucket", "irsa-demo-bucket")))).isZero();

    // Then the second run changed nothing
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("""
        applied to arn:aws:iam::123456789012:role/irsa-irsa-demo-aws-cli
        no changes for arn:aws:iam::123456789012:role/irsa-irsa-demo-aws-cli
        = OIDC provider""");
    try (IamClient iam = moto.iam()) {
      String doc = iam.getPolicyVersion(r -> r.policyArn("arn:aws:iam::123456789012:policy/irsa-irsa-demo-aws-cli")
          .versionId("v1")).policyVersion().document();
      assertThat(PolicyDocument.fromJson(dev.irsa.core.aws.internal.PolicyText.decode(doc)))
          .isEqualTo(Permissions.builder().s3Read("irsa-demo-bucket").build());
    }

    // When tearing down, with the OIDC provider
    assertThat(run(cmd("teardown", common("--oidc-provider", "--json")))).isZero();

    // Then the JSON lists the deletions in order
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"action\": \"detach-policy\"", "\"action\": \"delete-role\"",
        "\"action\": \"delete-policy\"", "\"action\": \"delete-oidc-provider\"");
    try (IamClient iam = moto.iam()) {
      assertThat(iam.listRoles().roles()).isEmpty();
      assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
    }
  }

  @Test
  void provisionReadsTheIssuerFromEksAndAPolicyFile(@TempDir Path dir) throws Exception {
    // Given an EKS cluster in moto and a policy file
    try (EksClient eks = moto.eks()) {
      eks.createCluster(r -> r.name("demo").roleArn("arn:aws:iam::123456789012:role/eks")
          .resourcesVpcConfig(v -> v.subnetIds("subnet-1")));
    }
    Path policy = dir.resolve("policy.json");
    Files.writeString(policy, """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}}
        """);

    // When provisioning with --cluster and --json
    int code = run("provision", "--endpoint", moto.endpoint().toString(), "--region", "us-east-1", "--cluster", "demo",
        "--service-account", "irsa-demo:aws-cli", "--role-name", "demo-role", "--policy-file",
        policy.toString(), "--json");

    // Then the JSON names the role and the four changes
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\n  \"role\": \"arn:aws:iam::123456789012:role/demo-role\",")
        .contains("\"action\": \"create-role\"", "\"action\": \"attach-policy\"");
  }

  @Test
  void aForeignRoleIsRefusedWithExitOne() {
    // Given a role irsa did not create
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName("irsa-irsa-demo-aws-cli").assumeRolePolicyDocument("""
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
    }

    // When provisioning, Then one error line and exit 1
    assertThat(run(cmd("provision", common("--s3-read-bucket", "demo-bucket")))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: role arn:aws:iam::123456789012:role/irsa-irsa-demo-aws-cli "
        + "exists and was not created by irsa (no tag irsa.dev/managed-by=irsa); refusing to change it. Adopt it "
        + "explicitly (ServiceAccountRole.adopt(true), CLI --adopt) or choose another name\n");

    // and with --adopt it is taken over
    assertThat(run(cmd("provision", common("--s3-read-bucket", "demo-bucket", "--adopt")))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("+ adopt-role ");
  }

  @Test
  void badInputExitsTwo() {
    assertThat(run(cmd("provision", common()))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "error: give the permissions: --policy-file F, --s3-read-bucket B or --dynamodb-read-table T\n");
    assertThat(run(cmd("provision", common("--s3-read-bucket", "demo-bucket", "--role-name", "bad/name")))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "error: role name must be 1 to 64 letters, digits or +=,.@_- characters, got: 'bad/name'\n");
  }
  @Test
  void teardownKeepsAnOidcProviderAnotherRoleTrustsUnlessForced() {
    // Given two provisioned service accounts of the cluster, each with its role
    assertThat(run(cmd("provision", common("--s3-read-bucket", "demo-bucket")))).isZero();
    String[] other = serviceAccount("irsa-demo:other", common("--s3-read-bucket", "demo-bucket"));
    assertThat(run(cmd("provision", other))).isZero();
    String provider = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/CLIEXAMPLE";

    // When tearing down the first with --oidc-provider
    assertThat(run(cmd("teardown", common("--oidc-provider")))).isZero();

    // Then the provider stays, and the output says which role keeps it
    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("""
        + delete-policy arn:aws:iam::123456789012:policy/irsa-irsa-demo-aws-cli: delete managed policy
        = OIDC provider %s kept: still trusted by role arn:aws:iam::123456789012:role/irsa-irsa-demo-other \
        (delete it anyway with OidcProviderDeletion.FORCE, CLI --force; those roles stop working)
        """.formatted(provider));
    try (IamClient iam = moto.iam()) {
      assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).hasSize(1);
    }

    // and --force without --oidc-provider is bad input
    assertThat(run(cmd("teardown", common("--force")))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: --force applies only with --oidc-provider\n");

    // When forcing it, Then it is deleted and the output names the role that stops working
    assertThat(run(cmd("teardown", common("--oidc-provider", "--force")))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("+ delete-oidc-provider " + provider
        + ": delete OIDC provider although role arn:aws:iam::123456789012:role/irsa-irsa-demo-other still trust it "
        + "(they stop working)\n");
    try (IamClient iam = moto.iam()) {
      assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
    }
  }

  @Test
  void provisionExitsOneWhenAConcurrentWriterKeepsDroppingItsServiceAccount() throws Exception {
    // Given the role of irsa-demo:aws-cli, and another writer that keeps writing a trust policy of only that one
    assertThat(run(cmd("provision", common("--s3-read-bucket", "demo-bucket")))).isZero();
    String theirs = IrsaTrust.of(OidcProvider.fromIssuer(ISSUER, "123456789012"),
        ServiceAccountRef.of("irsa-demo", "aws-cli")).toJson();
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      try (IamClient iam = moto.iam()) {
        while (!stop.get()) {
          iam.updateAssumeRolePolicy(r -> r.roleName("irsa-irsa-demo-aws-cli").policyDocument(theirs));
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "other-writer");
    writer.start();
    try {
      // When provisioning irsa-demo:other into the same role
      String[] other = serviceAccount("irsa-demo:other", common("--s3-read-bucket", "demo-bucket", "--role-name",
          "irsa-irsa-demo-aws-cli"));
      int code = run(cmd("provision", other));

      // Then it does not claim the change: exit 1, one line that says to run again, nothing on stdout
      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).matches("error: UpdateAssumeRolePolicy "
          + "arn:aws:iam::123456789012:role/irsa-irsa-demo-aws-cli failed: concurrent writers replaced the trust policy "
          + "and the last read does not trust irsa-demo:other@https://oidc\\.eks\\.us-east-1\\.amazonaws\\.com/id/CLIEXAMPLE "
          + "\\(gave up after 5 writes and \\d+ reads; IAM has no conditional write\\): run again\n");
      assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    } finally {
      stop.set(true);
      writer.join();
    }
  }
}
