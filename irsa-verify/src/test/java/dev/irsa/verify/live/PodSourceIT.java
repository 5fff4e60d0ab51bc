package dev.irsa.verify.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.ExecResult;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.ServiceAccountBinding;
import dev.irsa.k8s.TestPod;
import dev.irsa.k8s.embedded.EmbeddedCluster;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.CheckResult;
import dev.irsa.verify.report.VerificationReport;
import dev.irsa.verify.source.Target;
import dev.irsa.verify.source.Verification;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The pod source on the embedded cluster, with an exec handler standing in for the AWS CLI that
 * prints credentials and echoes the pod's token in its errors: none of it reaches the report.
 */
class PodSourceIT {
  static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/PODSOURCE";
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");
  static final RoleArn ROLE = RoleArn.of("123456789012", "app");
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKENVALUE1234567890";

  @Test
  void answersFromTheCliAreClassifiedAndNoSecretReachesTheReport() {
    AtomicReference<String> podToken = new AtomicReference<>();
    try (EmbeddedCluster cluster = EmbeddedCluster.builder().issuer(ISSUER).execHandler(r -> {
      List<String> c = r.command();
      if (c.equals(List.of("aws", "sts", "get-caller-identity"))) {
        return ExecResult.ok("{\"UserId\": \"AROA:x\", \"Account\": \"123456789012\", \"Arn\": "
            + "\"arn:aws:sts::123456789012:assumed-role/app/botocore-session-1\", \"SecretAccessKey\": \"" + SECRET_KEY + "\"}");
      }
      if (c.size() > 2 && c.get(2).equals("list-objects-v2")) {
        return new ExecResult(254, "", "\nAn error occurred (AccessDenied) when calling the ListObjectsV2 operation: "
            + "Access Denied for session token " + SESSION_TOKEN + "\n");
      }
      if (c.size() > 2 && c.get(2).equals("head-object")) {
        return new ExecResult(255, "", "\nAn error occurred (404) when calling the HeadObject operation: Not Found\n");
      }
      if (c.size() > 2 && c.get(2).equals("describe-table")) {
        return new ExecResult(255, "", "Error loading token " + podToken.get() + "\n");
      }
      return null;
    }).start()) {
      IrsaKubernetes k8s = IrsaKubernetes.using(cluster.client());
      k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(SA).role(ROLE).createNamespace(true).build());
      k8s.testPods().create(TestPod.awsCli(SA));
      k8s.testPods().awaitReady(SA.namespace(), "aws-cli", Duration.ofSeconds(30));
      podToken.set(k8s.requestToken(SA, "sts.amazonaws.com", Duration.ofMinutes(10)).reveal());

      VerificationReport report = Verification.of(
          Target.builder().serviceAccount(SA).role(ROLE).provider(OidcProvider.fromIssuer(ISSUER, "123456789012")).build(),
          Expectations.builder().callerIdentity().s3Read("bkt", "k")
              .dynamoDbDescribe("arn:aws:dynamodb:us-east-1:123456789012:table/t").build())
          .addSource(PodSource.of(k8s, null, null, Duration.ofSeconds(30))).run();

      assertThat(report.identity().assumedRoleArn()).hasValue("arn:aws:sts::123456789012:assumed-role/app/botocore-session-1");
      assertThat(report.identity().tokenSubject()).hasValue("system:serviceaccount:irsa-demo:aws-cli");
      CheckResult ls = report.check("s3:ListBucket", "arn:aws:s3:::bkt").orElseThrow();
      assertThat(ls.answer("pod").orElseThrow().answer()).isEqualTo(Answer.DENIED);
      assertThat(ls.answer("pod").orElseThrow().evidence())
          .isEqualTo("aws s3api list-objects-v2 --bucket bkt --max-keys 1: exit 254, AccessDenied on ListObjectsV2");
      CheckResult get = report.check("s3:GetObject", "arn:aws:s3:::bkt/k").orElseThrow();
      assertThat(get.answer("pod").orElseThrow().answer()).isEqualTo(Answer.ALLOWED);
      assertThat(get.answer("pod").orElseThrow().evidence()).endsWith("(not found: the caller was allowed to ask)");
      CheckResult describe = report.check("dynamodb:DescribeTable", "arn:aws:dynamodb:us-east-1:123456789012:table/t").orElseThrow();
      assertThat(describe.answer("pod").orElseThrow().evidence())
          .isEqualTo("aws dynamodb describe-table --table-name t: exit 255, Error loading token <redacted>");
      for (String out : List.of(report.toJson(), report.toTable(), report.toJunitXml())) {
        assertThat(out).doesNotContain(SECRET_KEY).doesNotContain(SESSION_TOKEN).doesNotContain(podToken.get())
            .doesNotContain("eyJ");
      }
    }
  }
}
