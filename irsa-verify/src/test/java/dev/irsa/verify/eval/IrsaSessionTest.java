package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.arn.RoleArn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrsaSessionTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

  @Test
  void derivesTheKeysAwsSuppliesForARoleSession() {
    // Given a role with a path and tags
    IrsaSession s = IrsaSession.builder()
        .role(RoleArn.parse("arn:aws:iam::111122223333:role/team/app"))
        .sessionName("botocore-session-1")
        .roleId("AROAEXAMPLEID")
        .roleTag("team", "payments")
        .region("us-west-2")
        .clock(CLOCK)
        .context("aws:SourceIp", "203.0.113.7")
        .build();

    // When a request is built
    RequestContext r = s.request("s3:GetObject", "arn:aws:s3:::b/k");

    // Then the principal is the session ARN without the role path, and the keys are derived
    assertThat(s.sessionArn()).hasToString("arn:aws:sts::111122223333:assumed-role/app/botocore-session-1");
    assertThat(r.principal()).contains("arn:aws:sts::111122223333:assumed-role/app/botocore-session-1");
    assertThat(r.context()).containsEntry("aws:PrincipalArn", List.of("arn:aws:iam::111122223333:role/team/app"))
        .containsEntry("aws:PrincipalAccount", List.of("111122223333"))
        .containsEntry("aws:PrincipalType", List.of("AssumedRole"))
        .containsEntry("aws:userid", List.of("AROAEXAMPLEID:botocore-session-1"))
        .containsEntry("aws:PrincipalTag/team", List.of("payments"))
        .containsEntry("aws:CurrentTime", List.of("2026-01-02T03:04:05Z"))
        .containsEntry("aws:EpochTime", List.of("1767323045"))
        .containsEntry("aws:SecureTransport", List.of("true"))
        .containsEntry("aws:RequestedRegion", List.of("us-west-2"))
        .containsEntry("aws:SourceIp", List.of("203.0.113.7"))
        .doesNotContainKey("aws:username");
  }

  @Test
  void derivedKeysDriveConditions() {
    IrsaSession s = IrsaSession.builder().role(RoleArn.of("111122223333", "app")).roleTag("team", "payments").build();
    PolicySet set = PolicySet.builder().addIdentityPolicy("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/team}/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}}""")
        .build();

    assertThat(Evaluator.evaluate(set, s.request("s3:GetObject", "arn:aws:s3:::b/payments/x")).decision())
        .isEqualTo(Decision.ALLOWED);
    assertThat(Evaluator.evaluate(set, s.request("s3:GetObject", "arn:aws:s3:::b/ops/x")).decision())
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void anEmptyActionOrResourceIsRejectedNotEvaluated() {
    // Given a session
    IrsaSession s = IrsaSession.builder()
        .role(RoleArn.parse("arn:aws:iam::111122223333:role/app"))
        .sessionName("s1")
        .clock(CLOCK)
        .build();

    // When a request has an empty action or resource, Then it is refused (it would be ALLOWED by Action/Resource "*")
    assertThatThrownBy(() -> s.request("", "*"))
        .hasMessage("action must be service:Action without wildcards (e.g. s3:GetObject), got: ''");
    assertThatThrownBy(() -> s.request("s3:GetObject", ""))
        .hasMessage("resource must be an ARN (arn:partition:service:region:account:resource) or * for actions "
            + "without a resource type, got: ''");
  }
}
