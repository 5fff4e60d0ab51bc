package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.verify.PolicyEvaluator;
import org.junit.jupiter.api.Test;

/** Results point at the mistakes the bundled service catalog can see; the decision stays AWS's. */
class EvaluationWarningTest {
  private static final PolicyEvaluator EVAL = PolicyEvaluator.create();
  private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/s1";
  private static final PolicySet READ = PolicySet.builder().addIdentityPolicy("""
      {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}""").build();

  @Test
  void aTypoInTheActionIsAnUnknownActionWithTheNearestRealOnes() {
    // When a test asserts that a typo is allowed (s3:Get* matches it as text)
    EvaluationResult r = EVAL.evaluate(READ, RequestContext.of(SESSION, "s3:GetObjekt", "arn:aws:s3:::b/k"));

    // Then the decision is what the policy says, and a warning names the mistake and what was meant
    assertThat(r.decision()).isEqualTo(Decision.ALLOWED);
    assertThat(r.warnings()).singleElement().satisfies(w -> {
      assertThat(w.code()).isEqualTo(EvaluationWarning.Code.UNKNOWN_ACTION);
      assertThat(w.suggestions()).first().isEqualTo("s3:GetObject");
      assertThat(w.message()).startsWith("s3:GetObjekt is not an action of Amazon S3; did you mean s3:GetObject");
    });
  }

  @Test
  void anUnknownServiceIsNamed() {
    EvaluationResult r = EVAL.evaluate(READ, RequestContext.of(SESSION, "s4:GetObject", "arn:aws:s3:::b/k"));

    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.warnings()).extracting(EvaluationWarning::code).containsExactly(EvaluationWarning.Code.UNKNOWN_SERVICE);
    assertThat(r.warnings().get(0).message()).startsWith("\"s4\" is not a service prefix; did you mean ");
    assertThat(r.warnings().get(0).suggestions()).contains("s3:GetObject");
  }

  @Test
  void aResourceOfAnotherTypeThanTheActionTakesIsAMismatch() {
    // s3:GetObject takes objects; the bucket ARN is what "aws s3 ls" sends, for s3:ListBucket
    EvaluationResult r = EVAL.evaluate(READ, RequestContext.of(SESSION, "s3:GetObject", "arn:aws:s3:::my-bucket"));

    assertThat(r.decision()).isEqualTo(Decision.ALLOWED);
    String message = "s3:GetObject takes accesspointobject (arn:${Partition}:s3:${Region}:${Account}:accesspoint/"
        + "${AccessPointName}/object/${ObjectName}), object (arn:${Partition}:s3:::${BucketName}/${ObjectName});"
        + " arn:aws:s3:::my-bucket is none of them";
    assertThat(r.warnings()).containsExactly(
        new EvaluationWarning(EvaluationWarning.Code.RESOURCE_TYPE_MISMATCH, message, java.util.List.of()));
    assertThat(r.explain()).endsWith("  warning: " + message + "\n");
  }

  @Test
  void anArnForAnActionWithoutResourceTypesIsNamed() {
    EvaluationResult r = EVAL.evaluate(READ, RequestContext.of(SESSION, "s3:ListAllMyBuckets", "arn:aws:s3:::b"));

    assertThat(r.warnings()).extracting(EvaluationWarning::code)
        .containsExactly(EvaluationWarning.Code.ACTION_REQUIRES_WILDCARD_RESOURCE);
  }

  @Test
  void aWellFormedRequestHasNoWarningsAndAskingTwiceGivesTheSameAnswer() {
    EvaluationResult r = EVAL.evaluate(READ, RequestContext.of(SESSION, "s3:GetObject", "arn:aws:s3:::b/k"));

    assertThat(r.warnings()).isEmpty();
    assertThat(EVAL.evaluate(READ, RequestContext.of(SESSION, "S3:GETOBJECT", "arn:aws:s3:::b/k")).warnings()).isEmpty();
    assertThat(EVAL.evaluate(READ, RequestContext.of(SESSION, "s3:ListBucket", "*")).warnings()).isEmpty();
    assertThat(EVAL.evaluate(READ, RequestContext.of(SESSION, "s3:GetObject", "arn:aws:s3:::my-bucket")).warnings())
        .hasSize(1);
  }
}
