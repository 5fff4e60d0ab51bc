package dev.irsa.examples;

import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.Plan;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.ServiceAccountBinding;
import dev.irsa.k8s.ServiceAccountToken;
import dev.irsa.k8s.TestPod;
import dev.irsa.k8s.embedded.EmbeddedCluster;
import dev.irsa.k8s.embedded.ExecHandler;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.live.AccountSource;
import dev.irsa.verify.live.PodSource;
import dev.irsa.verify.live.ProbeClients;
import dev.irsa.verify.live.TokenSource;
import dev.irsa.verify.report.VerificationReport;
import dev.irsa.verify.source.OfflineSource;
import dev.irsa.verify.source.Target;
import dev.irsa.verify.source.Verification;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The walkthrough's verification step: the seed's checks from every source that is at hand. With
 * moto (started on loopback, or {@code --aws-endpoint}): the OIDC provider, policy and role
 * provisioned with {@link IamProvisioner}, the bucket with an object and the table created, then
 * the account and token sources; on the embedded cluster, the aws-cli pod whose {@code aws}
 * commands run the real AWS CLI ({@link LocalAwsCli}) when it is on the PATH.
 */
final class LiveStep {
  static final String KEY = "hello.txt";
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final StaticCredentialsProvider ADMIN =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  /** The report, the lines saying what was skipped, and the state check afterwards. */
  record Outcome(VerificationReport report, List<String> skipped, String afterwards, boolean intact) {}

  private final PrintStream log;

  /** {@code log}: progress lines for people, or null (JSON output). */
  LiveStep(PrintStream log) {
    this.log = log;
  }

  /** The seed's permission policy for the table in {@code account}. */
  static PolicyDocument policy(String bucket, String table, String account) {
    return Permissions.builder().s3Read(bucket).dynamoDbDescribe(DynamoDbArns.table(Seed.REGION, account, table)).build();
  }

  /** The seed's checks, derived from the permission presets, for the table in {@code account}. */
  static Expectations checks(String bucket, String table, String account) {
    return Expectations.builder().callerIdentity().s3Read(bucket, KEY)
        .dynamoDbDescribe(DynamoDbArns.table(Seed.REGION, account, table)).build();
  }

  Outcome run(String bucket, String table, boolean offlineOnly, URI awsEndpoint) {
    ServiceAccountRef sa = ServiceAccountRef.of(Seed.NAMESPACE, Seed.SERVICE_ACCOUNT);
    PolicyDocument policy = policy(bucket, table, Seed.ACCOUNT);
    Expectations checks = checks(bucket, table, Seed.ACCOUNT);
    List<String> skipped = new ArrayList<>();
    MotoProcess started = null;
    URI endpoint = awsEndpoint;
    if (offlineOnly) {
      skipped.add("skipped the account, token and pod sources (--offline): run without --offline on a machine with "
          + "python3 and moto (pip install 'moto[server]==5.2.1') and the aws CLI");
    } else if (endpoint == null) {
      try {
        started = MotoProcess.start(Seed.ACCOUNT);
        endpoint = started.endpoint();
        say("moto started on " + endpoint + " (python3 -m moto.server, account " + Seed.ACCOUNT + ")");
      } catch (IllegalStateException e) {
        skipped.add("skipped the account, token and pod sources: " + e.getMessage()
            + "; install moto (pip install 'moto[server]==5.2.1') or pass --aws-endpoint URL");
      }
    }
    try {
      if (endpoint == null) {
        OidcProvider cluster = OidcProvider.fromIssuer(Seed.ISSUER, Seed.ACCOUNT);
        Verification v = Verification.of(target(sa, RoleArn.of(Seed.ACCOUNT, Seed.ROLE), cluster), checks)
            .addSource(offline(policy, cluster, sa));
        for (String s : List.of("account", "token", "pod")) {
          v.addSkipped(s, offlineOnly ? "--offline" : "no AWS endpoint (moto not available)");
        }
        return new Outcome(v.run(), skipped, "", true);
      }
      return live(endpoint, bucket, table, sa, skipped);
    } finally {
      if (started != null) {
        started.close();
      }
    }
  }

  private Outcome live(URI endpoint, String bucket, String table, ServiceAccountRef sa, List<String> skipped) {
    Path work = tempDir();
    try (IamClient iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL).credentialsProvider(ADMIN)
            .httpClient(UrlConnectionHttpClient.create()).build();
        StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.of(Seed.REGION)).credentialsProvider(ADMIN)
            .httpClient(UrlConnectionHttpClient.create()).build();
        S3Client s3 = ProbeClients.of(Seed.REGION, endpoint).s3(ADMIN);
        DynamoDbClient ddb = ProbeClients.of(Seed.REGION, endpoint).dynamoDb(ADMIN)) {
      String account = sts.getCallerIdentity().account();
      if (!account.equals(Seed.ACCOUNT)) {
        say("the endpoint's account is " + account + ": the table ARN in the policy and the checks uses it");
      }
      PolicyDocument policy = policy(bucket, table, account);
      Expectations checks = checks(bucket, table, account);
      OidcProvider cluster = OidcProvider.fromIssuer(Seed.ISSUER, account);
      RoleArn role = RoleArn.of(account, Seed.ROLE);
      Plan plan = IamProvisioner.using(iam).apply(ServiceAccountRole.builder().roleName(Seed.ROLE)
          .serviceAccount(cluster, sa).managedPolicy(Seed.ROLE, policy).build());
      say("provisioned in IAM at " + endpoint + ": " + plan.changes().size() + " change(s) to " + plan.role());
      createResources(s3, ddb, bucket, table);
      say("created s3://" + bucket + "/" + KEY + " and table " + table);
      Optional<Path> cli = LocalAwsCli.onPath();
      if (cli.isEmpty()) {
        skipped.add("skipped the AWS CLI in the pod: no aws on the PATH (pip install awscli); the pod source says so");
      }
      Path token = work.resolve("token");
      ExecHandler exec = cli.isPresent() ? new LocalAwsCli(token, work.resolve("home"), endpoint) : r -> null;
      try (EmbeddedCluster k = EmbeddedCluster.builder().issuer(Seed.ISSUER)
          .webhook(PodIdentityWebhook.builder().region(Seed.REGION).build()).execHandler(exec).start()) {
        IrsaKubernetes k8s = IrsaKubernetes.using(k.client());
        k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(role).createNamespace(true).build());
        k8s.testPods().create(TestPod.awsCli(sa));
        Pod pod = k8s.testPods().awaitReady(sa.namespace(), "aws-cli", TIMEOUT);
        kubeletStandIn(k8s, sa, pod, token);
        say("pod " + sa.namespace() + "/aws-cli on the embedded cluster " + k.url() + (cli.isPresent()
            ? "; its aws commands run " + cli.get() + " locally with the pod's env, the token at " + token
            + " and AWS_ENDPOINT_URL=" + endpoint : ""));
        VerificationReport report = Verification.of(target(sa, role, cluster), checks)
            .addSource(offline(policy, cluster, sa))
            .addSource(AccountSource.using(iam))
            .addSource(TokenSource.builder().kubernetes(k8s).sts(sts).probeClients(ProbeClients.of(Seed.REGION, endpoint))
                .stsChecksTrust(false).build())
            .addSource(PodSource.of(k8s, "aws-cli", null, TIMEOUT))
            .run();
        return afterwards(report, skipped, s3, ddb, bucket, table);
      }
    } finally {
      delete(work);
    }
  }

  private static Outcome afterwards(VerificationReport report, List<String> skipped, S3Client s3, DynamoDbClient ddb,
      String bucket, String table) {
    String object;
    String tableState;
    boolean intact = true;
    try {
      object = "s3://" + bucket + "/" + KEY + " still exists (" + s3.headObject(r -> r.bucket(bucket).key(KEY)).contentLength()
          + " bytes)";
    } catch (NoSuchKeyException e) {
      object = "s3://" + bucket + "/" + KEY + " is GONE";
      intact = false;
    }
    try {
      tableState = "table " + table + " still exists (" + ddb.describeTable(r -> r.tableName(table)).table().tableStatusAsString()
          + ")";
    } catch (ResourceNotFoundException e) {
      tableState = "table " + table + " is GONE";
      intact = false;
    }
    return new Outcome(report, skipped, "afterwards: " + object + ", " + tableState, intact);
  }

  /** What the kubelet does for the projected volume: a TokenRequest with its audience and lifetime, written 0600. */
  private static void kubeletStandIn(IrsaKubernetes k8s, ServiceAccountRef sa, Pod pod, Path file) {
    ServiceAccountTokenProjection p = null;
    for (Volume v : pod.getSpec().getVolumes()) {
      if (v.getName().equals(PodIdentityWebhook.TOKEN_VOLUME)) {
        p = v.getProjected().getSources().get(0).getServiceAccountToken();
      }
    }
    if (p == null) {
      return;
    }
    long seconds = p.getExpirationSeconds() == null ? 86400 : Math.max(600, p.getExpirationSeconds());
    ServiceAccountToken t = k8s.requestToken(sa, p.getAudience(), Duration.ofSeconds(seconds));
    try {
      Files.writeString(file, t.reveal());
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createResources(S3Client s3, DynamoDbClient ddb, String bucket, String table) {
    try {
      s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(Seed.REGION)));
    } catch (BucketAlreadyOwnedByYouException e) {
      // a second run against the same endpoint
    }
    s3.putObject(r -> r.bucket(bucket).key(KEY), RequestBody.fromString("hello"));
    try {
      ddb.createTable(r -> r.tableName(table).keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
          .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)));
    } catch (ResourceInUseException e) {
      // a second run against the same endpoint
    }
  }

  private static Target target(ServiceAccountRef sa, RoleArn role, OidcProvider cluster) {
    return Target.builder().serviceAccount(sa).role(role).provider(cluster).region(Seed.REGION).build();
  }

  private static OfflineSource offline(PolicyDocument policy, OidcProvider cluster, ServiceAccountRef sa) {
    return OfflineSource.builder().trust(IrsaTrust.of(cluster, sa)).addIdentityPolicy(Seed.ROLE, policy)
        .sessionName(Seed.SESSION_NAME).build();
  }

  private void say(String line) {
    if (log != null) {
      log.println(line);
    }
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("irsa-walkthrough-");
      Files.createDirectories(dir.resolve("home"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
