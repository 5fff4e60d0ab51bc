package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.MotoServer;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.ServiceAccountBinding;
import dev.irsa.k8s.TestPod;
import dev.irsa.k8s.embedded.EmbeddedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code verify --sources offline,account,token,pod} against moto and an embedded cluster reached
 * through a kubeconfig. moto does not enforce IAM here, so it allows what the policy denies.
 */
class VerifyCommandIT {
  static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/VERIFYCLI";
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");
  static final RoleArn ROLE = RoleArn.of("123456789012", "irsa-demo-aws-cli");
  static final PolicyDocument LIST_ONLY = PolicyDocument.fromJson("""
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::irsa-demo-bucket"}]}
      """);

  static MotoServer moto;
  static EmbeddedCluster cluster;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    cluster = EmbeddedCluster.builder().issuer(ISSUER).start();
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    cluster.close();
    moto.close();
  }

  @Test
  void driftWhenMotoWithoutIamEnforcementAllowsWhatThePolicyDenies(@TempDir Path dir) throws IOException {
    // Given the role provisioned with list-only access, the bucket with an object, an annotated SA and its pod
    OidcProvider provider = OidcProvider.fromIssuer(ISSUER, "123456789012");
    try (var iam = moto.iam()) {
      IamProvisioner.using(iam).apply(ServiceAccountRole.builder().roleName(ROLE.name()).serviceAccount(provider, SA)
          .managedPolicy(ROLE.name(), LIST_ONLY).build());
    }
    try (S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      s3.createBucket(b -> b.bucket("irsa-demo-bucket"));
      s3.putObject(b -> b.bucket("irsa-demo-bucket").key("hello.txt"), RequestBody.fromString("hello"));
    }
    IrsaKubernetes k8s = IrsaKubernetes.using(cluster.client());
    k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(SA).role(ROLE).createNamespace(true).build());
    k8s.testPods().create(TestPod.awsCli(SA));
    k8s.testPods().awaitReady(SA.namespace(), "aws-cli", Duration.ofSeconds(30));
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: embedded, cluster: {server: "%s"}}]
        contexts: [{name: embedded, context: {cluster: embedded, user: tester}}]
        current-context: embedded
        users: [{name: tester, user: {token: not-a-secret}}]
        """.formatted(cluster.url()));
    Path trust = Files.writeString(dir.resolve("trust.json"), IrsaTrust.of(provider, SA).toJson());
    Path policy = Files.writeString(dir.resolve("policy.json"), LIST_ONLY.toJson());

    // When verifying that reading the object is denied, from every source, with the role read from the annotation
    Cli r = Cli.run("verify", "--service-account", "irsa-demo:aws-cli", "--sources", "offline,account,token,pod",
        "--kubeconfig", kubeconfig.toString(), "--endpoint", moto.endpoint().toString(), "--endpoint-checks-no-trust",
        "--region", "us-east-1", "--trust-file", trust.toString(), "--policy-file", policy.toString(),
        "--expect-identity", "--expect-deny", "s3:GetObject=arn:aws:s3:::irsa-demo-bucket/hello.txt", "--json");

    // Then the offline and account sources say denied, moto's live HeadObject was allowed: DRIFT, exit 1
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("\"summary\": \"2 checks: 1 PASS, 0 FAIL, 1 DRIFT\"")
        .contains("\"arn\": \"arn:aws:sts::123456789012:assumed-role/irsa-demo-aws-cli/irsa-verify\"")
        .contains("\"evidence\": \"HeadObject succeeded\"")
        .contains("\"evidence\": \"the image has no AWS CLI (aws: exit 127)\"")
        .doesNotContain("eyJ");
  }
}
