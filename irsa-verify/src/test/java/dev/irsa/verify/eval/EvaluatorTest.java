package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision rules of IAM's policy evaluation logic, one row each: the policies, the request, and
 * the result as {@code DECISION [policy#statement ...] blockedBy=[...]}.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a>
 */
class EvaluatorTest {
  private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/s1";
  private static final String ROLE = "arn:aws:iam::111122223333:role/app";
  private static final String OTHER_ACCOUNT = "444455556666";
  private static final String ALLOW_GET = """
      {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}""";
  private static final String DENY_GET = """
      {"Version": "2012-10-17", "Statement": {"Sid": "NoGet", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}}""";
  private static final String ALLOW_EC2 = """
      {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}}""";
  private static final String ALLOW_ALL = """
      {"Version": "2012-10-17", "Statement": {"Sid": "FullAWSAccess", "Effect": "Allow", "Action": "*", "Resource": "*"}}""";

  /** A bucket policy statement on s3:GetObject for {@code principal} (a JSON value). */
  private static String bucketPolicy(String effect, String principalElement, String principal) {
    return """
        {"Version": "2012-10-17", "Statement": {"Effect": "%s", "%s": %s, "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::b/*"}}""".formatted(effect, principalElement, principal);
  }

  private static String allow(String principal) {
    return bucketPolicy("Allow", "Principal", principal);
  }

  private static PolicySet.Builder policies() {
    return PolicySet.builder();
  }

  private static CompiledPolicy compile(String json) {
    return CompiledPolicy.compile(json);
  }

  private static RequestContext get() {
    return RequestContext.of(SESSION, "s3:GetObject", "arn:aws:s3:::b/k");
  }

  private static RequestContext getFromOtherAccount() {
    return get().toBuilder().resourceAccount(OTHER_ACCOUNT).build();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        arguments("default is an implicit deny", policies(), get(), "IMPLICIT_DENY blockedBy=[identity]"),
        arguments("an identity Allow allows", policies().addIdentityPolicy(ALLOW_GET), get(),
            "ALLOWED [identity[0]#0]"),
        arguments("an explicit Deny wins, only Deny statements are listed",
            policies().addIdentityPolicy(ALLOW_GET).addIdentityPolicy(DENY_GET), get(), "EXPLICIT_DENY [identity[1]#0]"),
        arguments("actions match case-insensitively", policies().addIdentityPolicy(ALLOW_GET),
            RequestContext.of(SESSION, "S3:getobject", "arn:aws:s3:::b/k"), "ALLOWED [identity[0]#0]"),
        arguments("NotAction with Allow is still scoped by Resource", policies().addIdentityPolicy("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "arn:aws:s3:::other/*"}}"""),
            get(), "IMPLICIT_DENY blockedBy=[identity]"),
        arguments("NotResource allows everything but the named resources", policies().addIdentityPolicy("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}}"""),
            get(), "ALLOWED [identity[0]#0]"),
        arguments("every SCP level must allow", policies().addIdentityPolicy(ALLOW_GET)
                .addScpLevel(List.of(compile(ALLOW_ALL))).addScpLevel(List.of(compile(ALLOW_EC2))),
            get(), "IMPLICIT_DENY blockedBy=[scp]"),
        arguments("SCP levels that all allow let the identity policy decide", policies().addIdentityPolicy(ALLOW_GET)
                .addScpLevel(List.of(compile(ALLOW_ALL))).addScpLevel(List.of(compile(ALLOW_ALL))),
            get(), "ALLOWED [identity[0]#0]"),
        arguments("an SCP Deny is an explicit deny", policies().addIdentityPolicy(ALLOW_GET)
                .addScpLevel(List.of(compile(ALLOW_ALL), compile(DENY_GET))),
            get(), "EXPLICIT_DENY [scp[0][1]#0]"),
        arguments("RCPs need no Allow (RCPFullAWSAccess is implied)", policies().addIdentityPolicy(ALLOW_GET)
                .addRcpLevel(List.of(compile(bucketPolicy("Deny", "Principal", "\"*\"").replace("s3:GetObject", "s3:PutObject")))),
            get(), "ALLOWED [identity[0]#0]"),
        arguments("an RCP Deny denies", policies().addIdentityPolicy(ALLOW_GET)
                .addRcpLevel(List.of(compile(bucketPolicy("Deny", "Principal", "\"*\"")))),
            get(), "EXPLICIT_DENY [rcp[0][0]#0]"),
        arguments("same account: a resource policy naming the session allows without identity policies",
            policies().resourcePolicy(allow("{\"AWS\": \"" + SESSION + "\"}")), get(), "ALLOWED [resource#0]"),
        arguments("same account: a resource policy naming the role is limited by the boundary",
            policies().resourcePolicy(allow("{\"AWS\": \"" + ROLE + "\"}")).addPermissionsBoundary(ALLOW_EC2), get(),
            "IMPLICIT_DENY blockedBy=[boundary]"),
        arguments("same account: a resource policy naming the session is not limited by the boundary",
            policies().resourcePolicy(allow("{\"AWS\": \"" + SESSION + "\"}")).addPermissionsBoundary(ALLOW_EC2), get(),
            "ALLOWED [resource#0]"),
        arguments("same account: a resource policy naming the session is not limited by the session policy (as documented; iam-simulate disagrees)",
            policies().resourcePolicy(allow("{\"AWS\": \"" + SESSION + "\"}")).sessionPolicy(ALLOW_EC2), get(),
            "ALLOWED [resource#0]"),
        arguments("a role ARN with a path names the role's sessions (whose ARNs drop the path)",
            policies().resourcePolicy(allow("{\"AWS\": \"arn:aws:iam::111122223333:role/team/app\"}")), get(),
            "ALLOWED [resource#0]"),
        arguments("a caller that is the role itself is named only by its exact ARN (path included)",
            policies().resourcePolicy(allow("{\"AWS\": \"arn:aws:iam::111122223333:role/team/app\"}")),
            RequestContext.of(ROLE, "s3:GetObject", "arn:aws:s3:::b/k"), "IMPLICIT_DENY blockedBy=[identity]"),
        arguments("an account principal delegates: the identity side must allow",
            policies().resourcePolicy(allow("{\"AWS\": \"111122223333\"}")), get(), "IMPLICIT_DENY blockedBy=[identity]"),
        arguments("an account principal plus an identity Allow allows",
            policies().addIdentityPolicy(ALLOW_GET).resourcePolicy(allow("{\"AWS\": \"arn:aws:iam::111122223333:root\"}")),
            get(), "ALLOWED [resource#0, identity[0]#0]"),
        arguments("Principal * allows everyone", policies().resourcePolicy(allow("\"*\"")), get(), "ALLOWED [resource#0]"),
        arguments("a permissions boundary that does not allow blocks",
            policies().addIdentityPolicy(ALLOW_GET).addPermissionsBoundary(ALLOW_EC2), get(),
            "IMPLICIT_DENY blockedBy=[boundary]"),
        arguments("a session policy that does not allow blocks",
            policies().addIdentityPolicy(ALLOW_GET).sessionPolicy(ALLOW_EC2), get(), "IMPLICIT_DENY blockedBy=[session]"),
        arguments("identity, boundary and session policy all allowing allows",
            policies().addIdentityPolicy(ALLOW_GET).addPermissionsBoundary(ALLOW_ALL).sessionPolicy(ALLOW_GET), get(),
            "ALLOWED [identity[0]#0, boundary[0]#0, session#0]"),
        arguments("cross account: the identity Allow alone is not enough", policies().addIdentityPolicy(ALLOW_GET),
            getFromOtherAccount(), "IMPLICIT_DENY blockedBy=[resource]"),
        arguments("cross account: the resource policy alone is not enough",
            policies().resourcePolicy(allow("{\"AWS\": \"" + SESSION + "\"}")), getFromOtherAccount(),
            "IMPLICIT_DENY blockedBy=[identity]"),
        arguments("cross account: both accounts allowing allows",
            policies().addIdentityPolicy(ALLOW_GET).resourcePolicy(allow("{\"AWS\": \"111122223333\"}")),
            getFromOtherAccount(), "ALLOWED [resource#0, identity[0]#0]"),
        arguments("a resource-policy Deny with NotPrincipal denies a principal with a boundary even when named",
            policies().addIdentityPolicy(ALLOW_GET).addPermissionsBoundary(ALLOW_ALL)
                .resourcePolicy(bucketPolicy("Deny", "NotPrincipal", "{\"AWS\": \"" + SESSION + "\"}")),
            get(), "EXPLICIT_DENY [resource#0]"),
        arguments("a resource-policy Deny with NotPrincipal spares the named principal without a boundary",
            policies().addIdentityPolicy(ALLOW_GET)
                .resourcePolicy(bucketPolicy("Deny", "NotPrincipal", "{\"AWS\": \"" + SESSION + "\"}")),
            get(), "ALLOWED [identity[0]#0]"),
        arguments("role trust: an identity Allow is not enough, the trust policy must allow",
            policies().addIdentityPolicy(ALLOW_ALL).resourcePolicy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                 "Action": "sts:AssumeRole"}}"""),
            RequestContext.of(SESSION, "sts:AssumeRole", "arn:aws:iam::111122223333:role/target"),
            "IMPLICIT_DENY blockedBy=[resource]"),
        arguments("a service principal is allowed by the resource policy alone", policies().resourcePolicy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "pods.eks.amazonaws.com"},
                 "Action": ["sts:AssumeRole", "sts:TagSession"]}}"""),
            RequestContext.of("pods.eks.amazonaws.com", "sts:TagSession", "arn:aws:iam::111122223333:role/target"),
            "ALLOWED [resource#0]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void decidesAsIamDocuments(String rule, PolicySet.Builder policies, RequestContext request, String expected) {
    // Given the policies
    PolicySet set = policies.build();

    // When the request is evaluated
    EvaluationResult r = Evaluator.evaluate(set, request);

    // Then the decision, the deciding statements and the blocking layers are as documented, and the fast path agrees
    assertThat(summary(r)).isEqualTo(expected);
    assertThat(Evaluator.decide(set, request)).isEqualTo(r.decision());
  }

  static String summary(EvaluationResult r) {
    StringBuilder sb = new StringBuilder(r.decision().name());
    if (!r.matched().isEmpty()) {
      sb.append(' ').append(r.matched().stream().map(m -> m.policy() + "#" + m.statement()).toList());
    }
    if (!r.blockedBy().isEmpty()) {
      sb.append(" blockedBy=").append(r.blockedBy());
    }
    return sb.toString();
  }
}
