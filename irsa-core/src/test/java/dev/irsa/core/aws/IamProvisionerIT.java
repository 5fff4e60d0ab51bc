package dev.irsa.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.aws.Change.Action;
import dev.irsa.core.aws.internal.PolicyText;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicySizeException;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderResponse;

/** Provisioning against moto: create, re-apply, grow, update, refuse, tear down. */
@Moto
class IamProvisionerIT {
  static final String ACCOUNT = "123456789012"; // moto's account
  static final OidcProvider CLUSTER =
      OidcProvider.fromIssuer("https://oidc.eks.us-east-1.amazonaws.com/id/CLUSTERONE", ACCOUNT);
  static final OidcProvider CLUSTER_2 =
      OidcProvider.fromIssuer("https://oidc.eks.us-east-1.amazonaws.com/id/CLUSTERTWO", ACCOUNT);
  static final ServiceAccountRef API = ServiceAccountRef.of("payments", "api");
  static final ServiceAccountRef WORKER = ServiceAccountRef.of("payments", "worker");
  static final PolicyDocument READ = Permissions.builder().s3Read("orders-bucket").build();
  static final PolicyDocument READ_WRITE = Permissions.builder().s3ReadWrite("orders-bucket").build();
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/payments-api";
  static final String POLICY_ARN = "arn:aws:iam::123456789012:policy/payments-api";

  private final MotoServer moto;
  private final CallRecorder calls = new CallRecorder();
  private IamClient iam;
  private IamProvisioner provisioner;

  IamProvisionerIT(MotoServer moto) {
    this.moto = moto;
  }

  @BeforeEach
  void clients() {
    iam = moto.iam(calls);
    provisioner = IamProvisioner.using(iam);
  }

  @AfterEach
  void close() {
    iam.close();
  }

  static ServiceAccountRole.Builder role() {
    return ServiceAccountRole.builder().roleName("payments-api").serviceAccount(CLUSTER, API)
        .managedPolicy("payments-api", READ);
  }

  private List<Action> actions(Plan plan) {
    return plan.changes().stream().map(Change::action).toList();
  }

  private PolicyDocument trust() {
    return PolicyDocument.fromJson(PolicyText.decode(iam.getRole(r -> r.roleName("payments-api")).role()
        .assumeRolePolicyDocument()));
  }

  @Test
  void plansThenCreatesProviderPolicyAndRoleFromNothing() {
    // Given an empty account
    ServiceAccountRole spec = role().description("payments api pod").maxSessionDuration(Duration.ofHours(2))
        .putTag("team", "payments").build();

    // When planning
    Plan plan = provisioner.plan(spec);

    // Then the plan lists every change with documents, and only read calls were made
    assertThat(actions(plan)).containsExactly(Action.CREATE_OIDC_PROVIDER, Action.CREATE_POLICY, Action.CREATE_ROLE,
        Action.ATTACH_POLICY);
    assertThat(plan.changes(Action.CREATE_ROLE).get(0).after()).contains(IrsaTrust.of(CLUSTER, API));
    assertThat(plan.changes(Action.CREATE_POLICY).get(0).after()).contains(READ);
    assertThat(calls.writes()).isEmpty();
    assertThat(calls.calls()).containsExactly("GetOpenIDConnectProvider", "GetPolicy", "GetRole");
    assertThat(plan.toString()).isEqualTo("""
        + create-oidc-provider arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/CLUSTERONE: \
        create the OIDC provider for https://oidc.eks.us-east-1.amazonaws.com/id/CLUSTERONE with client ID sts.amazonaws.com, no thumbprint
        + create-policy arn:aws:iam::123456789012:policy/payments-api: create managed policy payments-api
        + create-role arn:aws:iam::123456789012:role/payments-api: create role payments-api trusting \
        payments:api@https://oidc.eks.us-east-1.amazonaws.com/id/CLUSTERONE
        + attach-policy arn:aws:iam::123456789012:role/payments-api: attach arn:aws:iam::123456789012:policy/payments-api
        """);

    // When applying
    Plan applied = provisioner.apply(spec);

    // Then the same changes are made and IAM holds them
    assertThat(applied.changes()).isEqualTo(plan.changes());
    assertThat(applied.role()).hasToString(ROLE_ARN);
    var role = iam.getRole(r -> r.roleName("payments-api")).role();
    assertThat(trust()).isEqualTo(IrsaTrust.of(CLUSTER, API));
    assertThat(role.description()).isEqualTo("payments api pod");
    assertThat(role.maxSessionDuration()).isEqualTo(7200);
    assertThat(role.tags()).extracting(t -> t.key() + "=" + t.value())
        .containsExactly("irsa.dev/managed-by=irsa", "team=payments");
    assertThat(iam.listAttachedRolePolicies(r -> r.roleName("payments-api")).attachedPolicies())
        .extracting(p -> p.policyArn()).containsExactly(POLICY_ARN);
    var provider = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(CLUSTER.arn()));
    assertThat(provider.clientIDList()).containsExactly("sts.amazonaws.com");
    assertThat(provider.tags()).extracting(t -> t.key()).containsExactly("irsa.dev/managed-by", "team");
  }

  @Test
  void secondApplyWithSameInputChangesNothingAndMakesNoWriteCall() {
    // Given an applied role
    ServiceAccountRole spec = role().putInlinePolicy("extra", READ).permissionsBoundary(
        dev.irsa.core.arn.PolicyArn.awsManaged("PowerUserAccess")).description("d").putTag("a", "b").build();
    provisioner.apply(spec);
    calls.clear();

    // When applying again
    Plan again = provisioner.apply(spec);

    // Then nothing changed and only reads were made
    assertThat(again.changes()).isEmpty();
    assertThat(again.toString()).startsWith("no changes for " + ROLE_ARN + "\n");
    assertThat(calls.writes()).isEmpty();
    assertThat(calls.calls()).containsExactly("GetOpenIDConnectProvider", "GetPolicy", "GetPolicyVersion", "GetRole",
        "ListAttachedRolePolicies", "GetRolePolicy");
  }

  @Test
  void addingAServiceAccountKeepsTheOnesAlreadyTrusted() {
    // Given a role trusting payments:api
    provisioner.apply(role().build());

    // When payments:worker is requested alone
    Plan plan = provisioner.apply(ServiceAccountRole.builder().roleName("payments-api").serviceAccount(CLUSTER, WORKER)
        .managedPolicy("payments-api", READ).build());

    // Then both are trusted, in one statement, and the change shows before and after
    assertThat(actions(plan)).containsExactly(Action.UPDATE_TRUST);
    PolicyDocument expected = IrsaTrust.builder().serviceAccount(CLUSTER, API, WORKER).build();
    assertThat(trust()).isEqualTo(expected);
    assertThat(plan.changes().get(0).before()).contains(IrsaTrust.of(CLUSTER, API));
    assertThat(plan.changes().get(0).after()).contains(expected);
    assertThat(plan.changes().get(0).summary()).isEqualTo(
        "trust payments:worker@https://oidc.eks.us-east-1.amazonaws.com/id/CLUSTERONE (keeping everyone already trusted)");
  }

  @Test
  void aSecondClusterGetsItsOwnProviderAndStatement() {
    // Given a role for cluster one
    provisioner.apply(role().build());

    // When the same service account of cluster two is added
    Plan plan = provisioner.apply(role().serviceAccount(CLUSTER_2, API).build());

    // Then cluster two's provider is created and the trust has one statement per cluster
    assertThat(actions(plan)).containsExactly(Action.CREATE_OIDC_PROVIDER, Action.UPDATE_TRUST);
    assertThat(plan.changes().get(0).resource()).isEqualTo(CLUSTER_2.arn());
    assertThat(trust()).isEqualTo(IrsaTrust.builder().serviceAccount(CLUSTER, API).serviceAccount(CLUSTER_2, API).build());
    assertThat(trust().statements()).hasSize(2);
  }

  @Test
  void aChangedPolicyBecomesANewDefaultVersion() {
    // Given the read policy applied
    provisioner.apply(role().build());

    // When the document changes
    Plan plan = provisioner.apply(ServiceAccountRole.builder().roleName("payments-api").serviceAccount(CLUSTER, API)
        .managedPolicy("payments-api", READ_WRITE).build());

    // Then a second version is the default, and the change shows both documents
    assertThat(actions(plan)).containsExactly(Action.CREATE_POLICY_VERSION);
    assertThat(plan.changes().get(0).before()).contains(READ);
    assertThat(plan.changes().get(0).after()).contains(READ_WRITE);
    var policy = iam.getPolicy(r -> r.policyArn(POLICY_ARN)).policy();
    assertThat(policy.defaultVersionId()).isEqualTo("v2");
    assertThat(PolicyText.decode(iam.getPolicyVersion(r -> r.policyArn(POLICY_ARN).versionId("v2")).policyVersion()
        .document())).isEqualTo(READ_WRITE.toJson());
  }

  @Test
  void sixChangesKeepFiveVersionsDeletingTheOldestNonDefault() {
    // Given a policy applied, then changed six times
    provisioner.apply(role().build());
    List<Plan> plans = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      plans.add(provisioner.apply(ServiceAccountRole.builder().roleName("payments-api").serviceAccount(CLUSTER, API)
          .managedPolicy("payments-api", Permissions.builder().s3Read("bucket-" + i).build()).build()));
    }

    // Then the first four changes only added versions, the fifth and sixth deleted v1 and v2 first
    assertThat(plans).extracting(this::actions).containsExactly(
        List.of(Action.CREATE_POLICY_VERSION), List.of(Action.CREATE_POLICY_VERSION),
        List.of(Action.CREATE_POLICY_VERSION), List.of(Action.CREATE_POLICY_VERSION),
        List.of(Action.DELETE_POLICY_VERSION, Action.CREATE_POLICY_VERSION),
        List.of(Action.DELETE_POLICY_VERSION, Action.CREATE_POLICY_VERSION));
    assertThat(plans.get(4).changes().get(0).summary())
        .isEqualTo("delete the oldest non-default version v1 (a managed policy keeps at most 5 versions)");
    assertThat(plans.get(5).changes().get(0).summary())
        .isEqualTo("delete the oldest non-default version v2 (a managed policy keeps at most 5 versions)");
    var versions = iam.listPolicyVersions(r -> r.policyArn(POLICY_ARN)).versions();
    assertThat(versions).extracting(v -> v.versionId()).containsExactlyInAnyOrder("v3", "v4", "v5", "v6", "v7");
    assertThat(iam.getPolicy(r -> r.policyArn(POLICY_ARN)).policy().defaultVersionId()).isEqualTo("v7");
  }

  @Test
  void aSemanticallyEqualPolicyWrittenDifferentlyIsLeftAlone() {
    // Given an irsa-owned policy whose stored text differs in layout and spelling (string vs array)
    provisioner.apply(role().managedPolicies(List.of()).build());
    iam.createPolicy(r -> r.policyName("payments-api").tags(ownerTag()).policyDocument("""
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "ListBucket", "Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": "arn:aws:s3:::orders-bucket"},
            {"Sid": "ReadObjects", "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"],
             "Resource": ["arn:aws:s3:::orders-bucket/*"]}
          ]
        }
        """));

    // When planning the same permissions
    Plan plan = provisioner.plan(role().build());

    // Then only the attachment is planned, no new version
    assertThat(actions(plan)).containsExactly(Action.ATTACH_POLICY);
    assertThat(plan.notes()).contains("managed policy " + POLICY_ARN + " is up to date (v1)");
  }

  private static software.amazon.awssdk.services.iam.model.Tag ownerTag() {
    return software.amazon.awssdk.services.iam.model.Tag.builder().key(IamProvisioner.OWNER_TAG_KEY)
        .value(IamProvisioner.OWNER_TAG_VALUE).build();
  }

  @Test
  void inlinePoliciesAreAddedThenUpdated() {
    // Given a role with an inline policy
    Plan first = provisioner.apply(role().putInlinePolicy("read", READ).build());
    assertThat(actions(first)).endsWith(Action.PUT_INLINE_POLICY);

    // When the inline document changes
    Plan second = provisioner.apply(role().putInlinePolicy("read", READ_WRITE).build());

    // Then it is updated with before and after
    assertThat(actions(second)).containsExactly(Action.PUT_INLINE_POLICY);
    assertThat(second.changes().get(0).summary()).isEqualTo("update inline policy read");
    assertThat(second.changes().get(0).before()).contains(READ);
    assertThat(PolicyDocument.fromJson(PolicyText.decode(iam.getRolePolicy(r -> r.roleName("payments-api")
        .policyName("read")).policyDocument()))).isEqualTo(READ_WRITE);
  }

  @Test
  void roleSettingsAreUpdatedAndTagsOnlyAdded() {
    // Given a role with a tag
    provisioner.apply(role().putTag("team", "payments").build());
    iam.tagRole(r -> r.roleName("payments-api").tags(t -> t.key("owner").value("someone")));

    // When description, session duration, boundary and tags are requested
    Plan plan = provisioner.apply(role().description("new").maxSessionDuration(Duration.ofHours(4))
        .permissionsBoundary(dev.irsa.core.arn.PolicyArn.awsManaged("PowerUserAccess"))
        .putTag("cost-center", "42").build());

    // Then they are set; the tag set by someone else stays
    assertThat(actions(plan)).containsExactly(Action.UPDATE_ROLE, Action.PUT_PERMISSIONS_BOUNDARY, Action.TAG_ROLE);
    assertThat(plan.changes().get(0).summary()).isEqualTo("set description 'new', max session duration 14400 s (was 3600)");
    var role = iam.getRole(r -> r.roleName("payments-api")).role();
    assertThat(role.description()).isEqualTo("new");
    assertThat(role.maxSessionDuration()).isEqualTo(14400);
    assertThat(role.permissionsBoundary().permissionsBoundaryArn()).isEqualTo("arn:aws:iam::aws:policy/PowerUserAccess");
    assertThat(role.tags()).extracting(t -> t.key()).contains("team", "owner", "cost-center", "irsa.dev/managed-by");
  }

  @Test
  void aRoleIrsaDidNotCreateIsRefusedWithoutAdoption() {
    // Given a role created by someone else
    iam.createRole(r -> r.roleName("payments-api").assumeRolePolicyDocument(EC2_TRUST));
    calls.clear();

    // When planning or applying, Then it is refused before any write
    String message = "role " + ROLE_ARN + " exists and was not created by irsa (no tag irsa.dev/managed-by=irsa); "
        + "refusing to change it. Adopt it explicitly (ServiceAccountRole.adopt(true), CLI --adopt) or choose another name";
    assertThatThrownBy(() -> provisioner.plan(role().build())).isInstanceOf(OwnershipException.class).hasMessage(message);
    assertThatThrownBy(() -> provisioner.apply(role().build())).isInstanceOf(OwnershipException.class).hasMessage(message);
    assertThat(calls.writes()).isEmpty();
  }

  static final String EC2_TRUST = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

  @Test
  void anAdoptedRoleKeepsItsTrustAndIsTagged() {
    // Given a foreign role trusting EC2 with a foreign policy attached
    iam.createRole(r -> r.roleName("payments-api").assumeRolePolicyDocument(EC2_TRUST));
    String foreign = foreignPolicy();
    iam.attachRolePolicy(r -> r.roleName("payments-api").policyArn(foreign));

    // When adopting it
    Plan plan = provisioner.apply(role().adopt(true).build());

    // Then it is tagged, the IRSA statement is appended after EC2's, and nothing is detached
    assertThat(actions(plan)).containsExactly(Action.CREATE_OIDC_PROVIDER, Action.CREATE_POLICY, Action.ADOPT_ROLE,
        Action.UPDATE_TRUST, Action.ATTACH_POLICY);
    assertThat(trust()).isEqualTo(PolicyDocument.builder().addStatement(PolicyDocument.fromJson(EC2_TRUST).statements()
        .get(0)).addAllStatements(IrsaTrust.of(CLUSTER, API).statements()).build());
    assertThat(iam.listAttachedRolePolicies(r -> r.roleName("payments-api")).attachedPolicies())
        .extracting(p -> p.policyArn()).containsExactlyInAnyOrder(foreign, POLICY_ARN);
    assertThat(provisioner.apply(role().build()).changes()).isEmpty();
  }

  @Test
  void aPolicyIrsaDidNotCreateIsRefusedWithoutAdoption() {
    // Given a foreign managed policy of that name
    iam.createPolicy(r -> r.policyName("payments-api").policyDocument(READ_WRITE.toJson()));

    // When planning, Then it is refused
    assertThatThrownBy(() -> provisioner.plan(role().build())).isInstanceOf(OwnershipException.class).hasMessageStartingWith(
        "managed policy " + POLICY_ARN + " exists and was not created by irsa");
  }

  @Test
  void aMergedTrustPolicyOverTheQuotaIsRefusedBeforeWriting() {
    // Given a role trusting 20 service accounts (fits: each request alone is under 2,048 characters)
    ServiceAccountRole.Builder first = ServiceAccountRole.builder().roleName("payments-api");
    ServiceAccountRole.Builder second = ServiceAccountRole.builder().roleName("payments-api");
    for (int i = 0; i < 20; i++) {
      first.serviceAccount(CLUSTER, ServiceAccountRef.of("payments", "first-service-account-" + i));
      second.serviceAccount(CLUSTER, ServiceAccountRef.of("payments", "second-service-account-" + i));
    }
    provisioner.apply(first.build());
    calls.clear();

    // When 20 more are requested, Then the merged size is refused and nothing is written
    assertThatThrownBy(() -> provisioner.apply(second.build())).isInstanceOf(PolicySizeException.class)
        .hasMessage("role trust policy is 2,692 characters (whitespace not counted), over the "
            + "2,048-character limit (IAM quota ACLSizePerRole)");
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void anOversizedTrustPolicyIsRefusedBeforeAnyCall() {
    // Given 60 service accounts in one request
    ServiceAccountRole.Builder b = ServiceAccountRole.builder().roleName("payments-api");
    for (int i = 0; i < 60; i++) {
      b.serviceAccount(CLUSTER, ServiceAccountRef.of("payments", "sa-" + i));
    }

    // When building, Then the quota refuses it; no client was involved
    assertThatThrownBy(b::build).isInstanceOf(PolicySizeException.class)
        .hasMessageEndingWith("over the 2,048-character limit (IAM quota ACLSizePerRole)");
    assertThat(calls.calls()).isEmpty();
  }

  @Test
  void iamErrorsNameTheResourceAndTheCause() {
    // Given a role asking to attach a policy that does not exist
    ServiceAccountRole spec = role().addAttachedPolicy(dev.irsa.core.arn.PolicyArn.of(ACCOUNT, "missing")).build();

    // When applying, Then the error names the call, the role and IAM's code
    assertThatThrownBy(() -> provisioner.apply(spec)).isInstanceOfSatisfying(ProvisioningException.class, e -> {
      assertThat(e.operation()).isEqualTo("AttachRolePolicy");
      assertThat(e.resource()).isEqualTo(ROLE_ARN);
      assertThat(e.errorCode()).contains("NoSuchEntity");
      assertThat(e.getMessage()).isEqualTo("AttachRolePolicy " + ROLE_ARN + " failed: NoSuchEntity: "
          + "Policy arn:aws:iam::123456789012:policy/missing does not exist or is not attachable. "
          + "(it, or an entity it refers to, does not exist (deleted concurrently?); run apply again)");
    });
    // and what was done before the failure stays: the next plan only lists the failed attachment
    assertThat(provisioner.plan(spec).changes()).extracting(Change::toString).containsExactly(
        "attach-policy " + ROLE_ARN + ": attach arn:aws:iam::123456789012:policy/missing");
  }

  @Test
  void aDocumentIamRejectsIsAMalformedPolicyDocumentError() {
    // Given a policy whose action has no service prefix (the model reads it; IAM, here moto, rejects it)
    PolicyDocument bad = PolicyDocument.fromJson("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ListBucket","Resource":"*"}]}""");

    // When applying, Then CreatePolicy's error names the policy and IAM's code
    assertThatThrownBy(() -> provisioner.apply(role().managedPolicies(List.of()).managedPolicy("payments-api", bad).build()))
        .isInstanceOfSatisfying(ProvisioningException.class, e -> {
          assertThat(e.errorCode()).contains("MalformedPolicyDocument");
          assertThat(e.getMessage()).startsWith("CreatePolicy " + POLICY_ARN + " failed: MalformedPolicyDocument: ")
              .endsWith(" (IAM rejected the policy document)");
        });
  }

  @Test
  void aRoleCreatedConcurrentlyByAnotherIrsaRunIsPlannedAgainAndCompleted() {
    // Given another irsa run that creates the role (trusting payments:worker) just before our CreateRole
    try (IamClient other = moto.iam()) {
      software.amazon.awssdk.core.interceptor.ExecutionInterceptor race =
          new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
            @Override
            public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
              if (context.request() instanceof software.amazon.awssdk.services.iam.model.CreateRoleRequest) {
                IamProvisioner.using(other).apply(ServiceAccountRole.builder().roleName("payments-api")
                    .serviceAccount(CLUSTER, WORKER).build());
              }
            }
          };
      try (IamClient racing = moto.iam(race)) {

        // When applying: our CreateRole fails with EntityAlreadyExists
        Plan plan = IamProvisioner.using(racing).apply(role().build());

        // Then the run plans again on top of the other run's role: both service accounts are trusted
        assertThat(actions(plan)).containsExactly(Action.CREATE_OIDC_PROVIDER, Action.CREATE_POLICY,
            Action.UPDATE_TRUST, Action.ATTACH_POLICY);
        assertThat(IrsaTrust.trustedSubjects(trust(), CLUSTER)).containsExactly(WORKER.subject(), API.subject());
      }
    }
  }

  /** Answers the first attempt of every GetRole with IAM's throttling error (moto never throttles). */
  static final class ThrottleFirstGetRole implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {
    final List<String> attempts = new ArrayList<>();
    private boolean throttled;

    @Override
    public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
        software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
      attempts.add(attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME));
    }

    private boolean throttleNow(software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
      return "GetRole".equals(attributes.getAttribute(
          software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME)) && !throttled;
    }

    @Override
    public software.amazon.awssdk.http.SdkHttpResponse modifyHttpResponse(
        software.amazon.awssdk.core.interceptor.Context.ModifyHttpResponse context,
        software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
      return throttleNow(attributes) ? context.httpResponse().toBuilder().statusCode(400).build() : context.httpResponse();
    }

    @Override
    public java.util.Optional<java.io.InputStream> modifyHttpResponseContent(
        software.amazon.awssdk.core.interceptor.Context.ModifyHttpResponse context,
        software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
      if (throttleNow(attributes)) {
        throttled = true;
        return java.util.Optional.of(new java.io.ByteArrayInputStream("""
            <ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>\
            <RequestId>1</RequestId></ErrorResponse>""".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      return context.responseBody();
    }
  }

  @Test
  void throttlingIsRetriedByTheClientsRetryStrategy() {
    // Given a client with the SDK's default retries whose first GetRole is throttled
    ThrottleFirstGetRole throttle = new ThrottleFirstGetRole();
    try (IamClient retrying = moto.iamWithDefaultRetries(throttle)) {

      // When applying
      Plan plan = IamProvisioner.using(retrying).apply(role().build());

      // Then GetRole was sent twice and the run completed
      assertThat(throttle.attempts.stream().filter("GetRole"::equals)).hasSize(2);
      assertThat(actions(plan)).containsExactly(Action.CREATE_OIDC_PROVIDER, Action.CREATE_POLICY, Action.CREATE_ROLE,
          Action.ATTACH_POLICY);
    }
  }

  @Test
  void anExistingProviderLackingTheAudienceGetsIt_motoLimited_fakedAddClientId() {
    // Given a provider that lists another client ID. moto answers AddClientIDToOpenIDConnectProvider
    // with HTTP 500 (not implemented), so that one call is answered by a fake; the rest is moto.
    iam.createOpenIDConnectProvider(r -> r.url(CLUSTER.issuerUrl()).clientIDList("other-audience"));
    List<AddClientIdToOpenIdConnectProviderRequest> added = new ArrayList<>();
    IamClient fake = (IamClient) Proxy.newProxyInstance(IamClient.class.getClassLoader(), new Class<?>[] {IamClient.class},
        (proxy, method, args) -> {
          if (method.getName().equals("addClientIDToOpenIDConnectProvider")) {
            added.add(args[0] instanceof AddClientIdToOpenIdConnectProviderRequest req ? req
                : AddClientIdToOpenIdConnectProviderRequest.builder()
                    .applyMutation(castConsumer(args[0])).build());
            return AddClientIdToOpenIdConnectProviderResponse.builder().build();
          }
          try {
            return method.invoke(iam, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });

    // When applying
    Plan plan = IamProvisioner.using(fake).apply(role().build());

    // Then the audience is added to the existing provider, which is not recreated
    assertThat(actions(plan)).startsWith(Action.ADD_OIDC_AUDIENCE);
    assertThat(plan.changes().get(0).summary())
        .isEqualTo("add client ID sts.amazonaws.com to the existing OIDC provider (has [other-audience])");
    assertThat(added).singleElement().satisfies(r -> {
      assertThat(r.openIDConnectProviderArn()).isEqualTo(CLUSTER.arn());
      assertThat(r.clientID()).isEqualTo("sts.amazonaws.com");
    });
  }

  @SuppressWarnings("unchecked")
  private static java.util.function.Consumer<AddClientIdToOpenIdConnectProviderRequest.Builder> castConsumer(Object o) {
    return (java.util.function.Consumer<AddClientIdToOpenIdConnectProviderRequest.Builder>) o;
  }

  /** A customer managed policy irsa did not create, attached by someone else. */
  private String foreignPolicy() {
    return iam.createPolicy(r -> r.policyName("foreign").policyDocument(READ.toJson())).policy().arn();
  }

  @Test
  void anExistingProviderWithTheAudienceIsReportedUnchanged() {
    // Given a provider someone else created with the audience
    iam.createOpenIDConnectProvider(r -> r.url(CLUSTER.issuerUrl()).clientIDList("sts.amazonaws.com"));

    // When planning
    Plan plan = provisioner.plan(role().build());

    // Then it is noted, not changed
    assertThat(actions(plan)).doesNotContain(Action.CREATE_OIDC_PROVIDER, Action.ADD_OIDC_AUDIENCE);
    assertThat(plan.notes()).contains("OIDC provider " + CLUSTER.arn() + " exists with client ID sts.amazonaws.com; left unchanged");
  }

  @Test
  void suppliedThumbprintIsStored() {
    // When creating with a supplied thumbprint
    provisioner.apply(role().thumbprint(Thumbprint.of("9E99A48A9960B14926BB7F3B02E22DA2B0AB7280")).build());

    // Then the provider carries it
    assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(CLUSTER.arn())).thumbprintList())
        .containsExactly("9e99a48a9960b14926bb7f3b02e22da2b0ab7280");
  }

  @Test
  void anUnreachableIssuerGetsAProviderWithoutThumbprintAndANote() throws Exception {
    // Given an issuer nobody answers on
    int port;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    OidcProvider unreachable = OidcProvider.fromIssuer("https://127.0.0.1:" + port + "/id/UNREACHABLE", ACCOUNT);

    // When creating with the thumbprint from the issuer
    Plan plan = provisioner.apply(ServiceAccountRole.builder().roleName("payments-api").serviceAccount(unreachable, API)
        .thumbprint(Thumbprint.fromIssuer()).build());

    // Then the provider is created without one, and the run says why
    assertThat(actions(plan)).startsWith(Action.CREATE_OIDC_PROVIDER);
    assertThat(plan.notes()).singleElement().asString()
        .startsWith("thumbprint of https://127.0.0.1:" + port + "/id/UNREACHABLE not computed (")
        .endsWith("); provider created without one (IAM trusts well-known root CAs)");
    assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(unreachable.arn())).thumbprintList()).isEmpty();
  }

  @Test
  void clusterOidcProviderComesFromEksDescribeCluster() {
    // Given a cluster in moto's EKS
    try (EksClient eks = moto.eks()) {
      eks.createCluster(r -> r.name("demo").roleArn("arn:aws:iam::123456789012:role/eks")
          .resourcesVpcConfig(v -> v.subnetIds("subnet-1")));
      String issuer = eks.describeCluster(r -> r.name("demo")).cluster().identity().oidc().issuer();

      // When reading its provider
      OidcProvider provider = IamProvisioner.clusterOidcProvider(eks, "demo");

      // Then it is the issuer in the cluster's account
      assertThat(provider).isEqualTo(OidcProvider.fromIssuer(issuer, ACCOUNT));
      assertThatThrownBy(() -> IamProvisioner.clusterOidcProvider(eks, "nope"))
          .isInstanceOf(ProvisioningException.class).hasMessageStartingWith("DescribeCluster cluster/nope failed: ResourceNotFoundException");
    }
  }

  @Test
  void teardownDeletesWhatApplyCreatedInIamOrder() {
    // Given an applied role with an inline policy and a managed policy with two versions
    provisioner.apply(role().putInlinePolicy("extra", READ).build());
    ServiceAccountRole spec = role().managedPolicies(List.of()).managedPolicy("payments-api", READ_WRITE)
        .putInlinePolicy("extra", READ).build();
    provisioner.apply(spec);

    // When planning (reads only) and tearing down
    calls.clear();
    Plan plan = provisioner.planTeardown(spec, false);
    assertThat(calls.writes()).isEmpty();
    Plan done = provisioner.teardown(spec, false);

    // Then detach, inline delete, role delete, non-default version delete and policy delete run in order.
    // (moto lets DeletePolicy succeed while the policy is attached, where AWS answers DeleteConflict, so the
    // order is asserted on the changes rather than left to moto to enforce.)
    assertThat(actions(plan)).containsExactly(Action.DETACH_POLICY, Action.DELETE_INLINE_POLICY, Action.DELETE_ROLE,
        Action.DELETE_POLICY_VERSION, Action.DELETE_POLICY);
    assertThat(done.changes()).isEqualTo(plan.changes());
    IamSnapshot after = IamSnapshot.read(iam, "payments-api");
    assertThat(after.trust()).isEmpty();
    assertThat(after.managedDefaults()).isEmpty();
    assertThat(after.providers()).containsOnlyKeys(CLUSTER.arn());
  }

  @Test
  void teardownDeletesRequestedInlinePoliciesAndOnRequestTheProvider() {
    // Given a role with an inline policy
    ServiceAccountRole spec = role().putInlinePolicy("extra", READ).build();
    provisioner.apply(spec);

    // When tearing down including OIDC providers
    Plan done = provisioner.teardown(spec, true);

    // Then everything is gone, and a second teardown finds nothing
    assertThat(actions(done)).containsExactly(Action.DETACH_POLICY, Action.DELETE_INLINE_POLICY, Action.DELETE_ROLE,
        Action.DELETE_POLICY, Action.DELETE_OIDC_PROVIDER);
    assertThat(IamSnapshot.read(iam, "payments-api").providers()).isEmpty();
    calls.clear();
    Plan again = provisioner.teardown(spec, true);
    assertThat(again.changes()).isEmpty();
    assertThat(again.notes()).containsExactly("role " + ROLE_ARN + " does not exist",
        "managed policy " + POLICY_ARN + " does not exist", "OIDC provider " + CLUSTER.arn() + " does not exist");
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void teardownKeepsARoleWithPoliciesItWasNotAskedToManage() {
    // Given an applied role to which someone attached another policy
    provisioner.apply(role().build());
    String foreign = foreignPolicy();
    iam.attachRolePolicy(r -> r.roleName("payments-api").policyArn(foreign));

    // When tearing down
    Plan done = provisioner.teardown(role().build(), false);

    // Then irsa's policy is detached and deleted, the role and the foreign attachment stay
    assertThat(actions(done)).containsExactly(Action.DETACH_POLICY, Action.DELETE_POLICY);
    assertThat(done.notes()).containsExactly("role " + ROLE_ARN + " kept: it still has attached policy "
        + foreign + " that irsa was not asked to manage");
    assertThat(IamSnapshot.read(iam, "payments-api").attached()).containsExactly(foreign);
  }

  @Test
  void teardownToleratesThingsAlreadyGone() {
    // Given an applied role whose policy someone already detached
    provisioner.apply(role().build());
    Plan plan = provisioner.planTeardown(role().build(), false);
    iam.detachRolePolicy(r -> r.roleName("payments-api").policyArn(POLICY_ARN));

    // When tearing down on the stale plan's view (the role detach is now a no-op)
    Plan done = provisioner.teardown(role().build(), false);

    // Then the rest is deleted
    assertThat(actions(plan)).containsExactly(Action.DETACH_POLICY, Action.DELETE_ROLE, Action.DELETE_POLICY);
    assertThat(actions(done)).containsExactly(Action.DELETE_ROLE, Action.DELETE_POLICY);
  }

  @Test
  void planJsonEmbedsDocuments() {
    // When planning from nothing
    Plan plan = provisioner.plan(ServiceAccountRole.builder().roleName("payments-api").serviceAccount(CLUSTER, API)
        .manageOidcProviders(false).build());

    // Then the JSON carries the trust policy as an object
    assertThat(plan.toJson(dev.irsa.core.policy.JsonFormat.COMPACT)).isEqualTo("{\"role\":\"" + ROLE_ARN + "\","
        + "\"changes\":[{\"action\":\"create-role\",\"resource\":\"" + ROLE_ARN + "\",\"summary\":\"create role payments-api "
        + "trusting payments:api@https://oidc.eks.us-east-1.amazonaws.com/id/CLUSTERONE\",\"after\":"
        + IrsaTrust.of(CLUSTER, API).toJson() + "}],\"notes\":[]}");
  }
}
