package dev.irsa.verify.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.expect.Expectation;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.CheckResult;
import dev.irsa.verify.report.Verdict;
import dev.irsa.verify.report.VerificationReport;
import org.junit.jupiter.api.Test;

/** The offline source, the probe table, error classification and redaction. */
class SourcesTest {
  static final OidcProvider CLUSTER = OidcProvider.fromIssuer(
      "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "111122223333");
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");
  static final RoleArn ROLE = RoleArn.of("111122223333", "irsa-demo-aws-cli");
  static final String TABLE = "arn:aws:dynamodb:us-west-2:111122223333:table/irsa-demo-table";
  static final Expectations SEED = Expectations.builder().callerIdentity().s3Read("irsa-demo-bucket", "hello.txt")
      .dynamoDbDescribe(TABLE).build();
  static final Target TARGET = Target.builder().serviceAccount(SA).role(ROLE).provider(CLUSTER).region("us-west-2").build();

  @Test
  void offlineSeedPassesEveryCheck() {
    PolicyDocument policy = Permissions.builder().s3Read("irsa-demo-bucket").dynamoDbDescribe(TABLE).build();
    VerificationReport r = Verification.of(TARGET, SEED)
        .addSource(OfflineSource.builder().trust(IrsaTrust.of(CLUSTER, SA)).addIdentityPolicy("seed", policy).build())
        .addSkipped("token", "no cluster").run();
    assertThat(r.checks()).extracting(CheckResult::verdict).containsOnly(Verdict.PASS);
    assertThat(r.identity().trustDecision()).hasValue("ALLOWED");
    CheckResult rm = r.check("s3:DeleteObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt").orElseThrow();
    assertThat(rm.answer("offline").orElseThrow().evidence()).isEqualTo("IMPLICIT_DENY: no statement allows it (identity)");
    assertThat(rm.answer("token").orElseThrow().answer()).isEqualTo(Answer.SKIPPED);
    assertThat(r.ran("token")).isFalse();
  }

  @Test
  void offlineTooNarrowPolicyFails() {
    PolicyDocument listOnly = PolicyDocument.fromJson("""
        {"Version": "2012-10-17", "Statement": [{"Sid": "List", "Effect": "Allow", "Action": "s3:ListBucket",
          "Resource": "arn:aws:s3:::irsa-demo-bucket"}]}""");
    VerificationReport r = Verification.of(TARGET, SEED)
        .addSource(OfflineSource.builder().trust(IrsaTrust.of(CLUSTER, SA)).addIdentityPolicy("narrow", listOnly).build()).run();
    CheckResult get = r.check("s3:GetObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt").orElseThrow();
    assertThat(get.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.check("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket").orElseThrow().answer("offline").orElseThrow()
        .evidence()).isEqualTo("ALLOWED: allowed by narrow statement 0 (Sid List) Allow");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void trustForAnotherServiceAccountDeniesTheIdentityCheck() {
    VerificationReport r = Verification.of(TARGET, Expectations.builder().callerIdentity().build())
        .addSource(OfflineSource.builder().trust(IrsaTrust.of(CLUSTER, ServiceAccountRef.of("irsa-demo", "other"))).build())
        .run();
    assertThat(r.checks().get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.identity().trustDecision()).hasValue("IMPLICIT_DENY");
  }

  @Test
  void aSourceThatThrowsIsAnErrorAnswerWithTheMessageRedacted() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    VerificationSource broken = new VerificationSource() {
      @Override
      public String name() {
        return "token";
      }

      @Override
      public SourceResult run(Target target, Expectations expectations) {
        throw new IllegalStateException("STS refused token " + jwt + " with SecretAccessKey=abcdEFGH1234567890");
      }
    };
    VerificationReport r = Verification.of(TARGET, Expectations.builder().callerIdentity().build()).addSource(broken).run();
    assertThat(r.checks().get(0).answer("token").orElseThrow().evidence())
        .isEqualTo("the source failed: IllegalStateException: STS refused token <redacted> with SecretAccessKey=<redacted>");
  }

  @Test
  void probeTableSendsOnlyReadOnlyCalls() {
    assertThat(ProbeTable.probe(Expectation.allow("s3:ListBucket", "arn:aws:s3:::b")).orElseThrow().cliCommand())
        .containsExactly("aws", "s3api", "list-objects-v2", "--bucket", "b", "--max-keys", "1");
    assertThat(ProbeTable.probe(Expectation.allow("s3:GetObject", "arn:aws:s3:::b/dir/k")).orElseThrow().cliCommand())
        .containsExactly("aws", "s3api", "head-object", "--bucket", "b", "--key", "dir/k");
    assertThat(ProbeTable.probe(Expectation.allow("dynamodb:DescribeTable", TABLE)).orElseThrow().table())
        .isEqualTo("irsa-demo-table");
    Expectation rm = Expectation.deny("s3:DeleteObject", "arn:aws:s3:::b/k");
    assertThat(ProbeTable.probe(rm)).isEmpty();
    assertThat(ProbeTable.whyNotProbed(rm)).isEqualTo("s3:DeleteObject (access level Write) would change data: never sent live");
    Expectation version = Expectation.allow("s3:GetObjectVersion", "arn:aws:s3:::b/k");
    assertThat(ProbeTable.whyNotProbed(version))
        .isEqualTo("no read-only probe for s3:GetObjectVersion on this resource in irsa's probe table: never sent live");
  }

  @Test
  void getItemIsProbedOnlyWithAGivenKey() {
    Expectation bare = Expectation.allow("dynamodb:GetItem", TABLE);
    assertThat(ProbeTable.probe(bare)).isEmpty();
    assertThat(ProbeTable.whyNotProbed(bare)).isEqualTo("dynamodb:GetItem needs the item's key (Expectation.withProbeKey): not sent live");
    Expectation keyed = bare.withProbeKey(java.util.Map.of("id", "a\"1"));
    assertThat(keyed).isEqualTo(bare);
    assertThat(ProbeTable.probe(keyed).orElseThrow().cliCommand()).containsExactly("aws", "dynamodb", "get-item",
        "--table-name", "irsa-demo-table", "--key", "{\"id\": {\"S\": \"a\\\"1\"}}");
  }

  @Test
  void serviceErrorsAreClassified() {
    assertThat(ServiceErrors.classify(false, 403, "AccessDenied")).isEqualTo(ServiceErrors.Kind.ACCESS_DENIED);
    assertThat(ServiceErrors.classify(false, 400, "AccessDeniedException")).isEqualTo(ServiceErrors.Kind.ACCESS_DENIED);
    assertThat(ServiceErrors.classify(false, 403, null)).isEqualTo(ServiceErrors.Kind.ACCESS_DENIED); // HEAD: no body
    assertThat(ServiceErrors.classify(false, 400, "UnauthorizedOperation")).isEqualTo(ServiceErrors.Kind.ACCESS_DENIED);
    assertThat(ServiceErrors.classify(false, 404, "NoSuchKey")).isEqualTo(ServiceErrors.Kind.NOT_FOUND);
    assertThat(ServiceErrors.classify(false, 400, "ResourceNotFoundException")).isEqualTo(ServiceErrors.Kind.NOT_FOUND);
    assertThat(ServiceErrors.classify(true, 400, "InvalidIdentityToken")).isEqualTo(ServiceErrors.Kind.TOKEN_OR_TRUST);
    assertThat(ServiceErrors.classify(true, 400, "ExpiredTokenException")).isEqualTo(ServiceErrors.Kind.TOKEN_OR_TRUST);
    assertThat(ServiceErrors.classify(true, 403, "IDPRejectedClaim")).isEqualTo(ServiceErrors.Kind.TOKEN_OR_TRUST);
    assertThat(ServiceErrors.classify(true, 403, "AccessDenied")).isEqualTo(ServiceErrors.Kind.TOKEN_OR_TRUST);
    assertThat(ServiceErrors.classify(false, 400, "ThrottlingException")).isEqualTo(ServiceErrors.Kind.OTHER);
  }

  @Test
  void redactorReplacesKnownSecretsAndAnythingShapedLikeOne() {
    Redactor r = new Redactor().secret("ASIAKNOWNKEY1234");
    assertThat(r.apply("key ASIAKNOWNKEY1234 token eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.sig and aws_session_token=FwoGZXIvYXdzE"))
        .isEqualTo("key <redacted> token <redacted> and aws_session_token=<redacted>");
  }
}
