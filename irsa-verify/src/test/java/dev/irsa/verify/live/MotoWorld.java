package dev.irsa.verify.live;

import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.MotoServer;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.ServiceAccountBinding;
import dev.irsa.k8s.embedded.EmbeddedCluster;
import dev.irsa.verify.source.OfflineSource;
import dev.irsa.verify.source.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The seed on moto and an embedded cluster: provider, policy, role, bucket with an object, table, annotated SA. */
final class MotoWorld {
  static final String ACCOUNT = "123456789012"; // moto's account
  static final String REGION = "us-east-1";
  static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/VERIFYLIVE";
  static final OidcProvider PROVIDER = OidcProvider.fromIssuer(ISSUER, ACCOUNT);
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");
  static final String ROLE_NAME = "irsa-demo-aws-cli";
  static final RoleArn ROLE = RoleArn.of(ACCOUNT, ROLE_NAME);
  static final String BUCKET = "irsa-demo-bucket";
  static final String KEY = "hello.txt";
  static final String TABLE = "irsa-demo-table";
  static final String TABLE_ARN = DynamoDbArns.table(REGION, ACCOUNT, TABLE);
  static final StaticCredentialsProvider ADMIN =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  private MotoWorld() {}

  static Target target() {
    return Target.builder().serviceAccount(SA).role(ROLE).provider(PROVIDER).region(REGION).build();
  }

  /** Provisions the role with {@code policy}, creates the bucket, object and table, annotates the SA. */
  static void seed(MotoServer moto, EmbeddedCluster cluster, PolicyDocument policy) {
    try (var iam = moto.iam()) {
      IamProvisioner.using(iam).apply(ServiceAccountRole.builder().roleName(ROLE_NAME).serviceAccount(PROVIDER, SA)
          .managedPolicy(ROLE_NAME, policy).build());
    }
    try (S3Client s3 = s3(moto); DynamoDbClient ddb = dynamoDb(moto)) {
      s3.createBucket(r -> r.bucket(BUCKET));
      s3.putObject(r -> r.bucket(BUCKET).key(KEY), RequestBody.fromString("hello"));
      ddb.createTable(r -> r.tableName(TABLE)
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
          .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
    }
    IrsaKubernetes.using(cluster.client()).serviceAccounts().ensure(ServiceAccountBinding.builder()
        .serviceAccount(SA).role(ROLE).createNamespace(true).build());
  }

  static OfflineSource offline(PolicyDocument policy) {
    return OfflineSource.builder().trust(IrsaTrust.of(PROVIDER, SA)).addIdentityPolicy(ROLE_NAME, policy).build();
  }

  static S3Client s3(MotoServer moto) {
    return S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.of(REGION))
        .credentialsProvider(ADMIN).httpClient(UrlConnectionHttpClient.create()).build();
  }

  static DynamoDbClient dynamoDb(MotoServer moto) {
    return DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION))
        .credentialsProvider(ADMIN).httpClient(UrlConnectionHttpClient.create()).build();
  }

  static StsClient sts(MotoServer moto, ExecutionInterceptor... interceptors) {
    return StsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(ADMIN)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor)).build();
  }

  /** moto's IAM enforcement: {@code 0} on at once, {@code inf} off. */
  static void enforcement(URI endpoint, boolean on) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset-auth"))
          .POST(HttpRequest.BodyPublishers.ofString(on ? "0" : "inf")).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("moto reset-auth answered " + r.statusCode() + ": " + r.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
