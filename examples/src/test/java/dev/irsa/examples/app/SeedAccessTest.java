package dev.irsa.examples.app;

import static dev.irsa.verify.junit.IrsaAssertions.assertThat;

import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.junit.IrsaVerificationExtension;
import dev.irsa.verify.source.OfflineSource;
import dev.irsa.verify.source.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an app repo's test suite looks like with irsa: the pod's access, stated as the seed states
 * it, checked offline on every build and live (account and token sources) where the environment
 * has a kubeconfig and AWS credentials. In CI without them the live test is reported skipped.
 */
class SeedAccessTest {
  static final OidcProvider CLUSTER = OidcProvider.fromIssuer(
      "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "111122223333");
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");
  static final String TABLE = DynamoDbArns.table("us-west-2", "111122223333", "irsa-demo-table");
  static final PolicyDocument POLICY = Permissions.builder().s3Read("irsa-demo-bucket").dynamoDbDescribe(TABLE).build();

  @RegisterExtension
  static final IrsaVerificationExtension IRSA = IrsaVerificationExtension.builder()
      .target(Target.builder().serviceAccount(SA).role(RoleArn.of("111122223333", "irsa-demo-aws-cli"))
          .provider(CLUSTER).region("us-west-2").build())
      .expectations(Expectations.builder().callerIdentity().s3Read("irsa-demo-bucket", "hello.txt")
          .dynamoDbDescribe(TABLE).build())
      .addSource(OfflineSource.builder().trust(IrsaTrust.of(CLUSTER, SA)).addIdentityPolicy("irsa-demo-aws-cli", POLICY)
          .build())
      .build();

  @Test
  void podCanReadTheBucketAndDescribeTheTableButNotChangeThem() {
    assertThat(IRSA.report())
        .allows("sts:GetCallerIdentity", "*")
        .allows("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket")
        .allows("s3:GetObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt")
        .denies("s3:DeleteObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt")
        .allows("dynamodb:DescribeTable", TABLE)
        .denies("dynamodb:DeleteTable", TABLE);
  }

  @Test
  void liveSourcesAgree() {
    // skipped (never passed) unless the environment names a cluster and an account
    assertThat(IRSA.liveReport()).passes();
  }
}
