package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestContextTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "nocolon", "s3:", ":GetObject", "s3:Get*", "s3:GetObjec?", "s3:Get Object", "s3:a:b"})
  void rejectsAnActionThatIsNotServiceColonName(String action) {
    assertThatThrownBy(() -> RequestContext.builder().action(action))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action must be service:Action without wildcards (e.g. s3:GetObject), got: '" + action + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "notarn", "arn:aws:s3", "arn::s3:::b", "arn:aws:s3:::", "**"})
  void rejectsAResourceThatIsNeitherAnArnNorStar(String resource) {
    assertThatThrownBy(() -> RequestContext.builder().resource(resource))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resource must be an ARN (arn:partition:service:region:account:resource) or * for actions "
            + "without a resource type, got: '" + resource + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "notanarn", "111122223333", "arn:aws:iam::111122223333"})
  void rejectsAPrincipalThatIsNeitherAnArnNorAServicePrincipal(String principal) {
    assertThatThrownBy(() -> RequestContext.builder().principal(principal))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("principal must be an ARN (arn:partition:service:region:account:resource) or a service "
            + "principal (e.g. lambda.amazonaws.com), got: '" + principal + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "11112222333", "1111222233334", "11112222333x"})
  void rejectsAResourceAccountThatIsNot12Digits(String account) {
    assertThatThrownBy(() -> RequestContext.builder().resourceAccount(account))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resourceAccount must be a 12-digit account ID, got: '" + account + "'");
  }

  @ParameterizedTest
  @CsvSource({
      "arn:aws:sts::111122223333:assumed-role/app/s1, s3:GetObject, arn:aws:s3:::b/k",
      "lambda.amazonaws.com, sqs:SendMessage, arn:aws:sqs:us-east-1:111122223333:q",
      "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/X, sts:AssumeRoleWithWebIdentity, arn:aws:iam::111122223333:role/app",
      "arn:aws:iam::111122223333:user/bob, SNS:PUBLISH, *",
      "arn:aws:iam::111122223333:user/bob, execute-api:Invoke, arn:aws:execute-api:us-east-1:111122223333:api/stage/GET/x"})
  void acceptsWhatAwsSends(String principal, String action, String resource) {
    RequestContext r = RequestContext.builder().principal(principal).action(action).resource(resource)
        .resourceAccount("111122223333").build();

    assertThat(r.action()).isEqualTo(action);
    assertThat(r.resource()).isEqualTo(resource);
  }

  @org.junit.jupiter.api.Test
  void aLaterKeyReplacesAnEarlierOneWhateverItsCaseAndKeepsTheLaterSpelling() {
    RequestContext r = RequestContext.builder().principal("arn:aws:iam::111122223333:user/bob")
        .action("s3:GetObject").resource("*")
        .context("aws:SourceIp", "10.0.0.1").context("aws:PrincipalTag/team", "a")
        .context("AWS:SOURCEIP", "10.0.0.2").removeContext("aws:principaltag/TEAM").context("k", java.util.List.of())
        .build();

    assertThat(r.context()).containsExactly(java.util.Map.entry("AWS:SOURCEIP", java.util.List.of("10.0.0.2")),
        java.util.Map.entry("k", java.util.List.of()));
    assertThat(r.values("aws:sourceip")).containsExactly("10.0.0.2");
    assertThat(r.values("aws:PrincipalTag/team")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aHundredThousandKeysWithCaseVariantsAreDeduplicated() {
    // Given the adversarial campaign's line (issue 14, item 4): 100,000 keys, which took 51-93 s
    // when every key was compared with every earlier one; here each is also given again in upper case
    RequestContext.Builder b = RequestContext.builder().principal("arn:aws:iam::111122223333:user/bob")
        .action("s3:GetObject").resource("*");
    for (int i = 0; i < 100_000; i++) {
      b.context("k" + i, "v" + i);
    }
    for (int i = 0; i < 100_000; i += 2) {
      b.context("K" + i, "w" + i);
    }
    RequestContext r = b.build();

    // Then each key is there once, the later value and spelling winning
    assertThat(r.context()).hasSize(100_000);
    assertThat(r.values("k2")).containsExactly("w2");
    assertThat(r.values("K3")).containsExactly("v3");
    assertThat(r.context()).containsKey("K99998").doesNotContainKey("k99998");
  }
}
