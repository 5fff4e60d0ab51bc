package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.verify.PolicyEvaluator;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Rules the IAM User Guide and the STS API reference state outright, each quoted where it is
 * tested. Where the documents are silent the test name says what irsa chose.
 */
class DocumentedRulesTest {
  private static final PolicyEvaluator EVAL = PolicyEvaluator.create();
  private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/s1";
  private static final String ALLOW_EVERYTHING = """
      {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""";

  /**
   * STS API reference, GetCallerIdentity: "No permissions are required to perform this operation.
   * If an administrator attaches a policy to your identity that explicitly denies access to the
   * sts:GetCallerIdentity action, you can still perform this operation."
   */
  @Nested
  class GetCallerIdentityNeedsNoPermission {
    @Test
    void isAllowedWithoutAnyPolicy() {
      EvaluationResult r = EVAL.evaluate(PolicySet.builder().build(),
          RequestContext.of(SESSION, "sts:GetCallerIdentity", "*"));

      assertThat(r.decision()).isEqualTo(Decision.ALLOWED);
      assertThat(r.matched()).isEmpty();
      assertThat(r.explain()).isEqualTo("""
          ALLOWED: sts:GetCallerIdentity on * by arn:aws:sts::111122223333:assumed-role/app/s1
            no permission is required: STS answers GetCallerIdentity for every caller with credentials, even under an explicit Deny
          """);
    }

    @Test
    void anExplicitDenyDoesNotStopIt() {
      PolicySet set = PolicySet.builder().addIdentityPolicy("""
          {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "sts:GetCallerIdentity", "Resource": "*"}}""")
          .build();

      assertThat(EVAL.decide(set, RequestContext.of(SESSION, "sts:GetCallerIdentity", "*"))).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void irsasChoiceNoPolicyLayerAppliesNotEvenAnScpDenyOrAMissingScpAllow() {
      // The reference says no permission is checked at all, so SCPs, boundaries and session policies do not apply either
      PolicySet set = PolicySet.builder()
          .addScpLevel(List.of(CompiledPolicy.compile("""
              {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "sts:*", "Resource": "*"}}""")))
          .addPermissionsBoundary("""
              {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""")
          .build();

      assertThat(EVAL.decide(set, RequestContext.of(SESSION, "sts:GetCallerIdentity", "*"))).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void irsasChoiceAnAnonymousRequestIsEvaluatedAsUsual() {
      // GetCallerIdentity answers about the credentials that signed the request: without any it has nothing to answer
      assertThat(EVAL.decide(PolicySet.builder().build(), RequestContext.builder().action("sts:GetCallerIdentity")
          .resource("*").build())).isEqualTo(Decision.IMPLICIT_DENY);
    }
  }

  /**
   * IAM User Guide, NotPrincipal: the example lists {@code arn:aws:iam::444455556666:user/Bob} and
   * {@code arn:aws:iam::444455556666:root} so that all principals except the user named Bob are
   * denied; "When you use NotPrincipal, you must also specify the account ARN of the not-denied
   * principal. Otherwise, the policy might deny access to the entire account containing the
   * principal. Depending on the service that you include in your policy, AWS might validate the
   * account first and then the user." So the account entry keeps the account from being denied, and
   * only Bob among its principals.
   */
  @Nested
  class NotPrincipalWithAnAccount {
    private final String bobOnly = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny",
         "NotPrincipal": {"AWS": ["arn:aws:iam::444455556666:user/Bob", "arn:aws:iam::444455556666:root"]},
         "Action": "s3:*", "Resource": ["arn:aws:s3:::BUCKETNAME", "arn:aws:s3:::BUCKETNAME/*"]}}""";

    private Decision decide(String principal) {
      PolicySet set = PolicySet.builder().addIdentityPolicy(ALLOW_EVERYTHING).resourcePolicy(bobOnly).build();
      return EVAL.decide(set, RequestContext.builder().principal(principal).action("s3:GetObject")
          .resource("arn:aws:s3:::BUCKETNAME/key").resourceAccount("444455556666").build());
    }

    @Test
    void bobIsNotDenied() {
      assertThat(decide("arn:aws:iam::444455556666:user/Bob")).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void everyOtherPrincipalOfTheSameAccountIsDenied() {
      assertThat(decide("arn:aws:iam::444455556666:user/Alice")).isEqualTo(Decision.EXPLICIT_DENY);
      assertThat(decide("arn:aws:iam::444455556666:role/app")).isEqualTo(Decision.EXPLICIT_DENY);
      assertThat(decide("arn:aws:sts::444455556666:assumed-role/app/s1")).isEqualTo(Decision.EXPLICIT_DENY);
      assertThat(decide("arn:aws:sts::444455556666:federated-user/Alice")).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void irsasChoiceTheAccountEntryExemptsTheAccountPrincipalItself() {
      assertThat(decide("arn:aws:iam::444455556666:root")).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void aBareAccountIdMeansTheSameAsTheRootArn() {
      PolicySet set = PolicySet.builder().addIdentityPolicy(ALLOW_EVERYTHING).resourcePolicy(bobOnly
          .replace("\"arn:aws:iam::444455556666:root\"", "\"444455556666\"")).build();

      assertThat(EVAL.decide(set, RequestContext.builder().principal("arn:aws:iam::444455556666:user/Alice")
          .action("s3:GetObject").resource("arn:aws:s3:::BUCKETNAME/key").resourceAccount("444455556666").build()))
          .isEqualTo(Decision.EXPLICIT_DENY);
    }
  }

  /**
   * IAM User Guide, Permissions for GetFederationToken: "In most cases if you do not pass a policy
   * with the GetFederationToken API call, the resulting temporary security credentials have no
   * permissions. However, a resource-based policy can provide additional permissions for the
   * session." With session policies, "the resulting session's permissions are the intersection of
   * the user's identity-based policy and the session policies."
   */
  @Nested
  class FederatedUserSessions {
    private static final String FEDERATED = "arn:aws:sts::111122223333:federated-user/bob";
    private final RequestContext get = RequestContext.of(FEDERATED, "s3:GetObject", "arn:aws:s3:::b/k");

    @Test
    void withoutASessionPolicyTheUsersIdentityPoliciesGiveNothing() {
      EvaluationResult r = EVAL.evaluate(PolicySet.builder().addIdentityPolicy(ALLOW_EVERYTHING).build(), get);

      assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
      assertThat(r.blockedBy()).containsExactly(PolicyType.SESSION);
      assertThat(r.explain()).contains("  the session policy does not allow it (a federated user session from"
          + " GetFederationToken has no permissions without a session policy)\n");
    }

    @Test
    void withASessionPolicyTheIntersectionIsAllowed() {
      PolicySet set = PolicySet.builder().addIdentityPolicy(ALLOW_EVERYTHING).sessionPolicy("""
          {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}""").build();

      assertThat(EVAL.decide(set, get)).isEqualTo(Decision.ALLOWED);
      assertThat(EVAL.decide(set, RequestContext.of(FEDERATED, "s3:PutObject", "arn:aws:s3:::b/k")))
          .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void aResourcePolicyNamingTheSessionStillGrants() {
      PolicySet set = PolicySet.builder().resourcePolicy("""
          {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "%s"},
           "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}""".formatted(FEDERATED)).build();

      assertThat(EVAL.decide(set, get)).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void irsasChoiceTheIamUsersArnDoesNotNameItsFederatedSessions() {
      // the page speaks of a policy that "explicitly names the AWS STS federated user session"
      PolicySet set = PolicySet.builder().resourcePolicy("""
          {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/bob"},
           "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}""").build();

      assertThat(EVAL.decide(set, get)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void aResourcePolicyNamingTheAccountDelegatesToTheSessionWhichHasNothing() {
      PolicySet set = PolicySet.builder().addIdentityPolicy(ALLOW_EVERYTHING).resourcePolicy("""
          {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333"},
           "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}""").build();

      assertThat(EVAL.decide(set, get)).isEqualTo(Decision.IMPLICIT_DENY);
    }
  }

  /**
   * Amazon EKS User Guide, Authenticate to another account with IRSA: "Account A provides Account B
   * with the OpenID Connect (OIDC) issuer URL from their cluster. Account B follows the instructions
   * in Create an IAM OIDC provider for your cluster [...] using the OIDC issuer URL from Account A's
   * cluster." AssumeRoleWithWebIdentity looks the provider up in the role's account ("No OpenIDConnect
   * provider found in your account" otherwise): a trust policy naming another account's provider
   * never admits a token.
   */
  @Nested
  class OidcProviderInTheRolesAccount {
    private static final String ISSUER = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    private EvaluationResult assume(String providerAccount) {
      String provider = "arn:aws:iam::" + providerAccount + ":oidc-provider/" + ISSUER;
      PolicySet set = PolicySet.builder().resourcePolicy("""
          {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Federated": "%s"},
           "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringEquals": {"%s:aud": "sts.amazonaws.com"}}}}""".formatted(provider, ISSUER)).build();
      return EVAL.evaluate(set, RequestContext.builder().principal(provider).action("sts:AssumeRoleWithWebIdentity")
          .resource("arn:aws:iam::111122223333:role/app").context(ISSUER + ":aud", "sts.amazonaws.com").build());
    }

    @Test
    void aProviderInTheRolesAccountIsAccepted() {
      assertThat(assume("111122223333").decision()).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void aProviderInAnotherAccountNeverAdmitsATokenEvenWhenTheTrustPolicyNamesIt() {
      EvaluationResult r = assume("444455556666");

      assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
      assertThat(r.blockedBy()).containsExactly(PolicyType.RESOURCE);
      assertThat(r.trustRefusals()).singleElement().satisfies(t -> {
        assertThat(t.reason()).isEqualTo(TrustRefusal.Reason.PROVIDER_ACCOUNT);
        assertThat(t.wanted()).containsExactly("111122223333");
      });
      assertThat(r.explain()).isEqualTo("""
          IMPLICIT_DENY: sts:AssumeRoleWithWebIdentity on arn:aws:iam::111122223333:role/app by \
          arn:aws:iam::444455556666:oidc-provider/%1$s
            the role's trust policy does not allow it
            the OIDC provider arn:aws:iam::444455556666:oidc-provider/%1$s is not in the role's account \
          111122223333: AssumeRoleWithWebIdentity only accepts a provider registered in the account that owns the role
          """.formatted(ISSUER));
    }
  }
}
