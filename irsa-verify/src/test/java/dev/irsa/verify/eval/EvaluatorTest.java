package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.irsa.verify.eval.internal.CaseCodec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision rules of IAM's policy evaluation logic, one row each, written in the batch format
 * of {@code irsa evaluate}. Expected output is the batch result line.
 */
class EvaluatorTest {
  private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/s1";
  private static final String ALLOW_GET = """
      {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}""";
  private static final String DENY_GET = """
      {"Version":"2012-10-17","Statement":{"Sid":"NoGet","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}}""";
  private static final String ALLOW_EC2 = """
      {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}""";
  private static final String ALLOW_ALL = """
      {"Version":"2012-10-17","Statement":{"Sid":"FullAWSAccess","Effect":"Allow","Action":"*","Resource":"*"}}""";

  private static String resourcePolicy(String effect, String principal) {
    return """
        {"Version":"2012-10-17","Statement":{"Effect":"%s","Principal":%s,"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"""
        .formatted(effect, principal);
  }

  private static String request(String principal, String action, String resource, String extra) {
    return """
        {"principal":"%s","action":"%s","resource":"%s"%s}""".formatted(principal, action, resource, extra);
  }

  private static String get() {
    return request(SESSION, "s3:GetObject", "arn:aws:s3:::b/k", "");
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        arguments("default is an implicit deny",
            "{\"id\":\"1\",\"request\":" + get() + "}",
            "{\"id\":\"1\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"identity\"]}"),
        arguments("an identity Allow allows",
            "{\"id\":\"2\",\"identityPolicies\":[" + ALLOW_GET + "],\"request\":" + get() + "}",
            "{\"id\":\"2\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("an explicit Deny wins, only Deny statements are listed",
            "{\"id\":\"3\",\"identityPolicies\":[" + ALLOW_GET + "," + DENY_GET + "],\"request\":" + get() + "}",
            "{\"id\":\"3\",\"decision\":\"EXPLICIT_DENY\",\"matched\":[{\"policy\":\"identity[1]\",\"statement\":0,\"sid\":\"NoGet\"}],\"blockedBy\":[]}"),
        arguments("actions match case-insensitively",
            "{\"id\":\"4\",\"identityPolicies\":[" + ALLOW_GET + "],\"request\":"
                + request(SESSION, "S3:getobject", "arn:aws:s3:::b/k", "") + "}",
            "{\"id\":\"4\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("NotAction with Allow is still scoped by Resource",
            "{\"id\":\"5\",\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"arn:aws:s3:::other/*\"}}],\"request\":" + get() + "}",
            "{\"id\":\"5\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"identity\"]}"),
        arguments("NotResource allows everything but the named resources",
            "{\"id\":\"6\",\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::secret/*\"}}],\"request\":" + get() + "}",
            "{\"id\":\"6\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("every SCP level must allow",
            "{\"id\":\"7\",\"identityPolicies\":[" + ALLOW_GET + "],\"scps\":[[" + ALLOW_ALL + "],[" + ALLOW_EC2 + "]],\"request\":" + get() + "}",
            "{\"id\":\"7\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"scp\"]}"),
        arguments("SCP levels that all allow let the identity policy decide",
            "{\"id\":\"8\",\"identityPolicies\":[" + ALLOW_GET + "],\"scps\":[[" + ALLOW_ALL + "],[" + ALLOW_ALL + "]],\"request\":" + get() + "}",
            "{\"id\":\"8\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("an SCP Deny is an explicit deny",
            "{\"id\":\"9\",\"identityPolicies\":[" + ALLOW_GET + "],\"scps\":[" + ALLOW_ALL + "," + DENY_GET + "],\"request\":" + get() + "}",
            "{\"id\":\"9\",\"decision\":\"EXPLICIT_DENY\",\"matched\":[{\"policy\":\"scp[0][1]\",\"statement\":0,\"sid\":\"NoGet\"}],\"blockedBy\":[]}"),
        arguments("RCPs need no Allow (RCPFullAWSAccess is implied)",
            "{\"id\":\"10\",\"identityPolicies\":[" + ALLOW_GET + "],\"rcps\":[" + resourcePolicy("Deny", "\"*\"").replace("s3:GetObject", "s3:PutObject") + "],\"request\":" + get() + "}",
            "{\"id\":\"10\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("an RCP Deny denies",
            "{\"id\":\"11\",\"identityPolicies\":[" + ALLOW_GET + "],\"rcps\":[" + resourcePolicy("Deny", "\"*\"") + "],\"request\":" + get() + "}",
            "{\"id\":\"11\",\"decision\":\"EXPLICIT_DENY\",\"matched\":[{\"policy\":\"rcp[0][0]\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("same account: a resource policy naming the session allows without identity policies",
            "{\"id\":\"12\",\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"" + SESSION + "\"}") + ",\"request\":" + get() + "}",
            "{\"id\":\"12\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"resource\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("same account: a resource policy naming the role is limited by the boundary",
            "{\"id\":\"13\",\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"arn:aws:iam::111122223333:role/app\"}")
                + ",\"permissionBoundaries\":[" + ALLOW_EC2 + "],\"request\":" + get() + "}",
            "{\"id\":\"13\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"boundary\"]}"),
        arguments("same account: a resource policy naming the session is not limited by the boundary",
            "{\"id\":\"14\",\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"" + SESSION + "\"}")
                + ",\"permissionBoundaries\":[" + ALLOW_EC2 + "],\"request\":" + get() + "}",
            "{\"id\":\"14\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"resource\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("same account: a resource policy naming the session is not limited by the session policy (as documented; iam-simulate disagrees)",
            "{\"id\":\"15\",\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"" + SESSION + "\"}")
                + ",\"sessionPolicy\":" + ALLOW_EC2 + ",\"request\":" + get() + "}",
            "{\"id\":\"15\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"resource\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("a role ARN with a path names the role's sessions (whose ARNs drop the path)",
            "{\"id\":\"16\",\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"arn:aws:iam::111122223333:role/team/app\"}") + ",\"request\":" + get() + "}",
            "{\"id\":\"16\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"resource\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("a caller that is the role itself is named only by its exact ARN (path included)",
            "{\"id\":\"16b\",\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"arn:aws:iam::111122223333:role/team/app\"}") + ",\"request\":"
                + request("arn:aws:iam::111122223333:role/app", "s3:GetObject", "arn:aws:s3:::b/k", "") + "}",
            "{\"id\":\"16b\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"identity\"]}"),
        arguments("an account principal delegates: the identity side must allow",
            "{\"id\":\"17\",\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"111122223333\"}") + ",\"request\":" + get() + "}",
            "{\"id\":\"17\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"identity\"]}"),
        arguments("an account principal plus an identity Allow allows",
            "{\"id\":\"18\",\"identityPolicies\":[" + ALLOW_GET + "],\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"arn:aws:iam::111122223333:root\"}") + ",\"request\":" + get() + "}",
            "{\"id\":\"18\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"resource\",\"statement\":0},{\"policy\":\"identity[0]\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("Principal * allows everyone",
            "{\"id\":\"19\",\"resourcePolicy\":" + resourcePolicy("Allow", "\"*\"") + ",\"request\":" + get() + "}",
            "{\"id\":\"19\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"resource\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("a permissions boundary that does not allow blocks",
            "{\"id\":\"20\",\"identityPolicies\":[" + ALLOW_GET + "],\"permissionBoundaries\":[" + ALLOW_EC2 + "],\"request\":" + get() + "}",
            "{\"id\":\"20\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"boundary\"]}"),
        arguments("a session policy that does not allow blocks",
            "{\"id\":\"21\",\"identityPolicies\":[" + ALLOW_GET + "],\"sessionPolicy\":" + ALLOW_EC2 + ",\"request\":" + get() + "}",
            "{\"id\":\"21\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"session\"]}"),
        arguments("identity, boundary and session policy all allowing allows",
            "{\"id\":\"22\",\"identityPolicies\":[" + ALLOW_GET + "],\"permissionBoundaries\":[" + ALLOW_ALL + "],\"sessionPolicy\":" + ALLOW_GET + ",\"request\":" + get() + "}",
            "{\"id\":\"22\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"statement\":0},{\"policy\":\"boundary[0]\",\"statement\":0,\"sid\":\"FullAWSAccess\"},{\"policy\":\"session\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("cross account: the identity Allow alone is not enough",
            "{\"id\":\"23\",\"identityPolicies\":[" + ALLOW_GET + "],\"request\":"
                + request(SESSION, "s3:GetObject", "arn:aws:s3:::b/k", ",\"resourceAccount\":\"444455556666\"") + "}",
            "{\"id\":\"23\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"resource\"]}"),
        arguments("cross account: the resource policy alone is not enough",
            "{\"id\":\"24\",\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"" + SESSION + "\"}") + ",\"request\":"
                + request(SESSION, "s3:GetObject", "arn:aws:s3:::b/k", ",\"resourceAccount\":\"444455556666\"") + "}",
            "{\"id\":\"24\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"identity\"]}"),
        arguments("cross account: both accounts allowing allows",
            "{\"id\":\"25\",\"identityPolicies\":[" + ALLOW_GET + "],\"resourcePolicy\":" + resourcePolicy("Allow", "{\"AWS\":\"111122223333\"}") + ",\"request\":"
                + request(SESSION, "s3:GetObject", "arn:aws:s3:::b/k", ",\"resourceAccount\":\"444455556666\"") + "}",
            "{\"id\":\"25\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"resource\",\"statement\":0},{\"policy\":\"identity[0]\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("a resource-policy Deny with NotPrincipal denies a principal with a boundary even when named",
            "{\"id\":\"26\",\"identityPolicies\":[" + ALLOW_GET + "],\"permissionBoundaries\":[" + ALLOW_ALL + "],\"resourcePolicy\":"
                + resourcePolicy("Deny", "{\"AWS\":\"" + SESSION + "\"}").replace("\"Principal\"", "\"NotPrincipal\"") + ",\"request\":" + get() + "}",
            "{\"id\":\"26\",\"decision\":\"EXPLICIT_DENY\",\"matched\":[{\"policy\":\"resource\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("a resource-policy Deny with NotPrincipal spares the named principal without a boundary",
            "{\"id\":\"27\",\"identityPolicies\":[" + ALLOW_GET + "],\"resourcePolicy\":"
                + resourcePolicy("Deny", "{\"AWS\":\"" + SESSION + "\"}").replace("\"Principal\"", "\"NotPrincipal\"") + ",\"request\":" + get() + "}",
            "{\"id\":\"27\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"statement\":0}],\"blockedBy\":[]}"),
        arguments("role trust: an identity Allow is not enough, the trust policy must allow",
            "{\"id\":\"28\",\"identityPolicies\":[" + ALLOW_ALL + "],\"resourcePolicy\":{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}},\"request\":"
                + request(SESSION, "sts:AssumeRole", "arn:aws:iam::111122223333:role/target", "") + "}",
            "{\"id\":\"28\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"resource\"]}"),
        arguments("a service principal is allowed by the resource policy alone",
            "{\"id\":\"29\",\"resourcePolicy\":{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"pods.eks.amazonaws.com\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}},\"request\":"
                + request("pods.eks.amazonaws.com", "sts:TagSession", "arn:aws:iam::111122223333:role/target", "") + "}",
            "{\"id\":\"29\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"resource\",\"statement\":0}],\"blockedBy\":[]}")
    );
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void decidesAsIamDocuments(String rule, String caseLine, String expected) {
    // Given a batch case
    CaseCodec.Case c = CaseCodec.parse(caseLine);

    // When it is evaluated
    EvaluationResult r = Evaluator.evaluate(c.policies(), c.request());

    // Then the result line is exactly the expected one, and the fast path agrees
    assertThat(CaseCodec.write(c.id(), r)).isEqualTo(expected);
    assertThat(Evaluator.decide(c.policies(), c.request())).isEqualTo(r.decision());
  }
}
