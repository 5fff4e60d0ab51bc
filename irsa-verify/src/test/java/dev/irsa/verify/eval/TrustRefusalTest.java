package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.verify.PolicyEvaluator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a trust refusal reads for the shapes of condition a trust policy can hold. */
class TrustRefusalTest {
  private static final PolicyEvaluator EVAL = PolicyEvaluator.create();
  private static final String ISSUER = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  private static final String PROVIDER = "arn:aws:iam::111122223333:oidc-provider/" + ISSUER;

  private static List<String> refusals(String condition, RequestContext.Builder request) {
    PolicySet trust = PolicySet.builder().resourcePolicy("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Federated": "%s"},
         "Action": "sts:AssumeRoleWithWebIdentity", "Condition": %s}}""".formatted(PROVIDER, condition)).build();
    EvaluationResult r = EVAL.evaluate(trust, request.principal(PROVIDER).action("sts:AssumeRoleWithWebIdentity")
        .resource("arn:aws:iam::111122223333:role/app").build());
    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    return r.trustRefusals().stream().map(TrustRefusal::message).toList();
  }

  @Test
  void aMissingKeySaysTheRequestHadNone() {
    assertThat(refusals("""
        {"StringEquals": {"%s:sub": "system:serviceaccount:payments:api"}}""".formatted(ISSUER), RequestContext.builder()))
        .containsExactly("statement 0, StringEquals: " + ISSUER + ":sub wanted system:serviceaccount:payments:api,"
            + " got nothing (the request has no such key)");
  }

  @Test
  void severalWantedValuesAreAlternatives() {
    assertThat(refusals("""
        {"StringLike": {"%s:sub": ["system:serviceaccount:payments:*", "system:serviceaccount:ops:api"]}}"""
        .formatted(ISSUER), RequestContext.builder().context(ISSUER + ":sub", "system:serviceaccount:dev:api")))
        .containsExactly("statement 0, StringLike: " + ISSUER + ":sub wanted system:serviceaccount:payments:* or"
            + " system:serviceaccount:ops:api, got system:serviceaccount:dev:api");
  }

  @Test
  void aNegatedOperatorSaysWhatWasNotWanted() {
    assertThat(refusals("""
        {"StringNotEquals": {"%s:sub": "system:serviceaccount:kube-system:default"}}""".formatted(ISSUER),
        RequestContext.builder().context(ISSUER + ":sub", "system:serviceaccount:kube-system:default")))
        .containsExactly("statement 0, StringNotEquals: " + ISSUER + ":sub wanted not"
            + " system:serviceaccount:kube-system:default, got system:serviceaccount:kube-system:default");
  }

  @Test
  void everyFailingConditionIsListedAndThePassingOnesAreNot() {
    assertThat(refusals("""
        {"StringEquals": {"%1$s:sub": "system:serviceaccount:payments:api", "%1$s:aud": "sts.amazonaws.com"},
         "Bool": {"aws:SecureTransport": "true"}}""".formatted(ISSUER), RequestContext.builder()
        .context(ISSUER + ":sub", "system:serviceaccount:payments:api").context(ISSUER + ":aud", "other")
        .context("aws:SecureTransport", "false")))
        .containsExactly("statement 0, StringEquals: " + ISSUER + ":aud wanted sts.amazonaws.com, got other",
            "statement 0, Bool: aws:SecureTransport wanted true, got false");
  }

  @Test
  void aTrustPolicyWithoutAnAllowStatementSaysSo() {
    PolicySet trust = PolicySet.builder().resourcePolicy("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "sts:TagSession"}}""")
        .build();

    EvaluationResult r = EVAL.evaluate(trust, RequestContext.of(PROVIDER, "sts:AssumeRoleWithWebIdentity",
        "arn:aws:iam::111122223333:role/app"));

    assertThat(r.trustRefusals()).extracting(TrustRefusal::reason).containsExactly(TrustRefusal.Reason.NO_ALLOW_STATEMENT);
  }

  @Test
  void aResourcePolicyRefusalThatIsNotRoleTrustHasNoTrustRefusals() {
    PolicySet bucket = PolicySet.builder().resourcePolicy("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/bob"},
         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}""").build();

    EvaluationResult r = EVAL.evaluate(bucket, RequestContext.of("arn:aws:iam::111122223333:user/alice", "s3:GetObject",
        "arn:aws:s3:::b/k"));

    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.trustRefusals()).isEmpty();
    assertThat(r.explain()).doesNotContain("trust");
  }
}
