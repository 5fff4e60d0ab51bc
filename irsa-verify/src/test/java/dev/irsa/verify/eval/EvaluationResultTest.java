package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvaluationResultTest {
  private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/s1";

  @Test
  void explainsAnAllowWithTheDecidingStatement() {
    PolicySet set = PolicySet.builder().addIdentityPolicy("""
        {"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""")
        .build();

    EvaluationResult r = Evaluator.evaluate(set, RequestContext.of(SESSION, "s3:GetObject", "arn:aws:s3:::b/k"));

    assertThat(r.explain()).isEqualTo("""
        ALLOWED: s3:GetObject on arn:aws:s3:::b/k by arn:aws:sts::111122223333:assumed-role/app/s1
          allowed by identity[0] statement 0 (Sid Read) Allow
        """);
  }

  @Test
  void explainsAnImplicitDenyWithTheBlockingLayersAndMissingKeys() {
    PolicySet set = PolicySet.builder()
        .addIdentityPolicy("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
             "Condition": {"StringEquals": {"aws:PrincipalTag/team": "payments"}}}}""")
        .addPermissionsBoundary("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}}""")
        .build();

    EvaluationResult r = Evaluator.evaluate(set, RequestContext.of(SESSION, "s3:GetObject", "arn:aws:s3:::b/k"));

    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.blockedBy()).containsExactly(PolicyType.IDENTITY, PolicyType.PERMISSIONS_BOUNDARY);
    assertThat(r.missingContextKeys()).containsExactly("aws:PrincipalTag/team");
    assertThat(r.explain()).isEqualTo("""
        IMPLICIT_DENY: s3:GetObject on arn:aws:s3:::b/k by arn:aws:sts::111122223333:assumed-role/app/s1
          no identity policy (and no resource policy naming the caller) allows it
          the permissions boundary does not allow it
          context keys a condition needed but the request lacked: aws:PrincipalTag/team
        """);
  }

  @Test
  void requestToStringDoesNotPrintContextValues() {
    RequestContext r = RequestContext.builder().principal(SESSION).action("s3:GetObject").resource("*")
        .context("aws:SourceIdentity", "secret-value").build();

    assertThat(r.toString()).doesNotContain("secret-value").contains("aws:SourceIdentity");
  }
}
