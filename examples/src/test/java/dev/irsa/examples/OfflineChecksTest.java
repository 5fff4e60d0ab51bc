package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineChecksTest {
  private static final String TABLE = DynamoDbArns.table(Seed.REGION, Seed.ACCOUNT, Seed.TABLE);
  private static final OidcProvider CLUSTER = OidcProvider.fromIssuer(Seed.ISSUER, Seed.ACCOUNT);
  private static final ServiceAccountRef SA = ServiceAccountRef.of(Seed.NAMESPACE, Seed.SERVICE_ACCOUNT);
  private static final RoleArn ROLE = RoleArn.of(Seed.ACCOUNT, Seed.ROLE);

  private static List<OfflineChecks.Check> run(PolicyDocument permissions, PolicyDocument trust) {
    return OfflineChecks.run(permissions, trust, CLUSTER, SA, ROLE, Seed.BUCKET, TABLE);
  }

  @Test
  void theSeedPoliciesPassAllFiveChecks() {
    // Given the seed's permission and trust policies
    PolicyDocument permissions = Permissions.builder().s3Read(Seed.BUCKET).dynamoDbDescribe(TABLE).build();

    // When the five checks are evaluated and printed
    List<OfflineChecks.Check> checks = run(permissions, IrsaTrust.of(CLUSTER, SA));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    OfflineChecks.printTable(checks, new PrintStream(buf, true, StandardCharsets.UTF_8));

    // Then each has the expected decision and the table says why
    assertThat(checks).allMatch(OfflineChecks.Check::ok);
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .containsPattern("aws sts get-caller-identity +sts:AssumeRoleWithWebIdentity +ALLOWED +ALLOWED +by trust statement 0 Allow; "
            + "caller: arn:aws:sts::111122223333:assumed-role/irsa-demo-aws-cli/botocore-session-1764403200 *\n")
        .containsPattern("aws s3 ls s3://irsa-demo-bucket +s3:ListBucket +ALLOWED +ALLOWED +by identity\\[0\\] statement 0 \\(Sid ListBucket\\)")
        .containsPattern("aws s3 rm s3://irsa-demo-bucket/hello.txt +s3:DeleteObject +IMPLICIT_DENY +IMPLICIT_DENY +no statement allows it \\(identity\\)")
        .containsPattern("describe-table --table-name irsa-demo-table +dynamodb:DescribeTable +ALLOWED +ALLOWED")
        .containsPattern("delete-table --table-name irsa-demo-table +dynamodb:DeleteTable +IMPLICIT_DENY +IMPLICIT_DENY")
        .endsWith("all 5 checks as expected\n");
  }

  @Test
  void aTooBroadPolicyFailsTheDenyChecks() {
    PolicyDocument tooBroad = PolicyDocument.fromJson("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:*", "dynamodb:*"], "Resource": "*"}}""");

    List<OfflineChecks.Check> checks = run(tooBroad, IrsaTrust.of(CLUSTER, SA));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    OfflineChecks.printTable(checks, new PrintStream(buf, true, StandardCharsets.UTF_8));

    assertThat(checks).filteredOn(c -> !c.ok()).extracting(OfflineChecks.Check::action)
        .containsExactly("s3:DeleteObject", "dynamodb:DeleteTable");
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("ALLOWED (!)").endsWith("2 check(s) not as expected\n");
  }

  @Test
  void aTrustForAnotherServiceAccountFailsTheCallerIdentityCheck() {
    PolicyDocument permissions = Permissions.builder().s3Read(Seed.BUCKET).dynamoDbDescribe(TABLE).build();

    List<OfflineChecks.Check> checks = run(permissions, IrsaTrust.of(CLUSTER, ServiceAccountRef.of("other", "sa")));

    assertThat(checks.get(0).ok()).isFalse();
    assertThat(checks.get(0).result().blockedBy()).extracting(Object::toString).containsExactly("resource");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    OfflineChecks.printTable(checks, new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("no statement allows it (resource): statement 0, StringEquals: "
        + CLUSTER.subKey() + " wanted system:serviceaccount:other:sa, got system:serviceaccount:irsa-demo:aws-cli");
  }
}
