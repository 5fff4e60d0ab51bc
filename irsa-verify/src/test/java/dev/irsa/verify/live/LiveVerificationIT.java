package dev.irsa.verify.live;

import static dev.irsa.verify.live.MotoWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.aws.MotoServer;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.embedded.EmbeddedCluster;
import dev.irsa.verify.expect.Expectation;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.CheckResult;
import dev.irsa.verify.report.Verdict;
import dev.irsa.verify.report.VerificationReport;
import dev.irsa.verify.source.Verification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * The account and token sources against moto (IAM, STS, S3, DynamoDB on loopback) and the embedded
 * cluster (TokenRequest). moto's STS accepts any token and checks no trust policy; its IAM
 * enforcement is switched on only where a test says so (and only for S3 object actions, which moto
 * enforces faithfully).
 */
class LiveVerificationIT {
  static final PolicyDocument SEED = Permissions.builder().s3Read(BUCKET).dynamoDbDescribe(TABLE_ARN).build();
  static final PolicyDocument LIST_ONLY = PolicyDocument.fromJson("""
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::irsa-demo-bucket"}]}
      """);
  static final Expectations SEED_CHECKS = Expectations.builder().callerIdentity().s3Read(BUCKET, KEY)
      .dynamoDbDescribe(TABLE_ARN).build();

  static MotoServer moto;
  static EmbeddedCluster cluster;
  StsClient sts;
  final List<String> secrets = new ArrayList<>();

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    cluster = EmbeddedCluster.builder().issuer(ISSUER).start();
  }

  @AfterAll
  static void stop() {
    cluster.close();
    moto.close();
  }

  @BeforeEach
  void fresh() {
    enforcement(moto.endpoint(), false);
    moto.reset();
    cluster.client().namespaces().withName(SA.namespace()).delete();
    sts = MotoWorld.sts(moto, new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
        if (c.request() instanceof AssumeRoleWithWebIdentityRequest r) {
          secrets.add(r.webIdentityToken());
        }
      }

      @Override
      public void afterExecution(Context.AfterExecution c, ExecutionAttributes a) {
        if (c.response() instanceof AssumeRoleWithWebIdentityResponse r) {
          secrets.add(r.credentials().secretAccessKey());
          secrets.add(r.credentials().sessionToken());
          secrets.add(r.credentials().accessKeyId());
        }
      }
    });
  }

  @AfterEach
  void off() {
    enforcement(moto.endpoint(), false);
    sts.close();
  }

  private TokenSource.Builder token() {
    return TokenSource.builder().kubernetes(IrsaKubernetes.using(cluster.client())).sts(sts)
        .probeClients(ProbeClients.of(REGION, moto.endpoint())).stsChecksTrust(false);
  }

  private VerificationReport verify(PolicyDocument policy, Expectations checks, TokenSource token) {
    try (var iam = moto.iam()) {
      return Verification.of(target(), checks).addSource(offline(policy)).addSource(AccountSource.using(iam))
          .addSource(token).run();
    }
  }

  @Test
  void seedPassesFromOfflineAccountAndTokenAndNothingIsChanged() {
    // Given the seed provisioned on moto
    seed(moto, cluster, SEED);

    // When verifying the seed's checks from every source but the pod
    VerificationReport report = verify(SEED, SEED_CHECKS, token().build());

    // Then every check passes, with the assumed-role ARN from STS and the token's claims (never the token)
    assertThat(report.checks()).extracting(CheckResult::verdict).containsOnly(Verdict.PASS);
    assertThat(report.passed()).isTrue();
    assertThat(report.identity().assumedRoleArn()).hasValue("arn:aws:sts::123456789012:assumed-role/irsa-demo-aws-cli/irsa-verify");
    assertThat(report.identity().tokenSubject()).hasValue("system:serviceaccount:irsa-demo:aws-cli");
    assertThat(report.identity().tokenIssuer()).hasValue(ISSUER);
    assertThat(report.identity().trustDecision()).hasValue("ALLOWED");
    assertThat(report.identity().providerFound()).hasValue(true);
    assertThat(report.identity().notes()).anySatisfy(n -> assertThat(n).startsWith("the STS endpoint does not check the trust policy"));
    CheckResult rm = report.check(Expectation.deny("s3:DeleteObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt")).orElseThrow();
    assertThat(rm.answer("token").orElseThrow().answer()).isEqualTo(Answer.NOT_PROBED);
    assertThat(rm.answer("token").orElseThrow().evidence()).isEqualTo("s3:DeleteObject (access level Write) would change data: never sent live");
    assertThat(rm.answer("offline").orElseThrow().answer()).isEqualTo(Answer.DENIED);
    assertThat(rm.answer("account").orElseThrow().answer()).isEqualTo(Answer.DENIED);
    assertThat(rm.answer(AccountSource.SIMULATOR).orElseThrow().answer()).isEqualTo(Answer.NOT_AVAILABLE);
    CheckResult ls = report.check("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket").orElseThrow();
    assertThat(ls.answer("token").orElseThrow().evidence()).isEqualTo("ListObjectsV2 (max-keys 1) succeeded: 1 key(s) listed");
    CheckResult describe = report.check("dynamodb:DescribeTable", TABLE_ARN).orElseThrow();
    assertThat(describe.answer("token").orElseThrow().evidence()).isEqualTo("DescribeTable succeeded: table ACTIVE");
    // and the probes changed nothing
    try (S3Client s3 = s3(moto); DynamoDbClient ddb = dynamoDb(moto)) {
      assertThat(s3.headObject(r -> r.bucket(BUCKET).key(KEY)).contentLength()).isEqualTo(5L);
      assertThat(ddb.describeTable(r -> r.tableName(TABLE)).table().tableName()).isEqualTo(TABLE);
    }
    assertNoSecrets(report);
  }

  @Test
  void driftWhenMotoWithoutIamEnforcementAllowsWhatThePolicyDenies() {
    // Given a role that may only list the bucket, and moto not enforcing IAM (it allows everything)
    seed(moto, cluster, LIST_ONLY);
    Expectations checks = Expectations.builder().deny("s3:GetObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt")
        .add(Expectation.deny("dynamodb:GetItem", TABLE_ARN).withProbeKey(java.util.Map.of("id", "1"))).build();

    // When verifying that reading the object and an item is denied
    VerificationReport report = verify(LIST_ONLY, checks, token().build());

    // Then irsa's evaluation says denied, the live HeadObject and GetItem were allowed: DRIFT, exit 1
    CheckResult item = report.checks().get(1);
    assertThat(item.verdict()).isEqualTo(Verdict.DRIFT);
    assertThat(item.answer("token").orElseThrow().evidence()).isEqualTo("GetItem succeeded: no such item");
    CheckResult c = report.checks().get(0);
    assertThat(c.verdict()).isEqualTo(Verdict.DRIFT);
    assertThat(c.answer("offline").orElseThrow().answer()).isEqualTo(Answer.DENIED);
    assertThat(c.answer("token").orElseThrow().answer()).isEqualTo(Answer.ALLOWED);
    assertThat(c.answer("token").orElseThrow().evidence()).isEqualTo("HeadObject succeeded");
    assertThat(report.exitCode()).isEqualTo(1);
    assertNoSecrets(report);
  }

  @Test
  void failWhenThePolicyIsTooNarrowWithMotoEnforcingS3ObjectActions() {
    // Given a role that may only list the bucket
    seed(moto, cluster, LIST_ONLY);
    Expectations checks = Expectations.builder().allow("s3:GetObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt")
        .allow("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket").build();

    // When verifying with moto's enforcement switched on after the session is obtained
    VerificationReport report = verify(LIST_ONLY, checks,
        token().beforeProbes(() -> enforcement(moto.endpoint(), true)).build());

    // Then GetObject FAILs from every source: offline, account and the live probe (403 from S3)
    CheckResult get = report.checks().get(0);
    assertThat(get.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(get.answer("token").orElseThrow().answer()).isEqualTo(Answer.DENIED);
    assertThat(get.answer("token").orElseThrow().errorCode()).hasValue("403");
    assertThat(get.answer("token").orElseThrow().evidence()).startsWith("HeadObject answered HTTP 403");
    assertThat(get.answer("account").orElseThrow().answer()).isEqualTo(Answer.DENIED);
    assertThat(report.checks().get(1).verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.exitCode()).isEqualTo(1);
    assertNoSecrets(report);
  }

  @Test
  void accountSourceSaysTheOidcProviderIsMissing() {
    // Given the seed, then the cluster's OIDC provider deleted from the account
    seed(moto, cluster, SEED);
    try (var iam = moto.iam()) {
      iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(PROVIDER.arn()));
    }

    // When verifying the identity check
    VerificationReport report = verify(SEED, Expectations.builder().callerIdentity().build(), token().build());

    // Then the account source denies it (STS would answer InvalidIdentityToken), offline allows it, moto's STS is not counted
    CheckResult id = report.checks().get(0);
    assertThat(report.identity().providerFound()).hasValue(false);
    assertThat(id.answer("account").orElseThrow().answer()).isEqualTo(Answer.DENIED);
    assertThat(id.answer("offline").orElseThrow().answer()).isEqualTo(Answer.ALLOWED);
    assertThat(id.answer("token").orElseThrow().counts()).isFalse();
    assertThat(id.verdict()).isEqualTo(Verdict.DRIFT);
  }

  @Test
  void motoUnderEnforcementRefusesTheUnsignedAssumeRoleWithWebIdentityWithAnErrorNotADeny() {
    // Given the seed, and moto's IAM enforcement switched on before the session is obtained
    seed(moto, cluster, SEED);
    enforcement(moto.endpoint(), true);

    // When verifying the identity check and a read
    VerificationReport report = Verification.of(target(), Expectations.builder().callerIdentity()
        .allow("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket").build()).addSource(offline(SEED)).addSource(token().build()).run();

    // Then the token source has no session: an ERROR with moto's HTTP 500, never a deny, and offline decides
    CheckResult id = report.checks().get(0);
    assertThat(id.answer("token").orElseThrow().answer()).isEqualTo(Answer.ERROR);
    assertThat(id.answer("token").orElseThrow().evidence()).startsWith("AssumeRoleWithWebIdentity answered HTTP 500");
    assertThat(report.checks().get(1).answer("token").orElseThrow().evidence())
        .startsWith("no session: AssumeRoleWithWebIdentity was refused (");
    assertThat(report.checks()).extracting(CheckResult::verdict).containsOnly(Verdict.PASS);
  }

  private void assertNoSecrets(VerificationReport report) {
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(4);
    for (String out : List.of(report.toJson(), report.toTable(), report.toJunitXml(), report.toString())) {
      for (String s : secrets) {
        assertThat(out).doesNotContain(s);
      }
    }
  }
}
