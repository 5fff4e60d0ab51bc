package dev.irsa.verify.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.trust.ServiceAccountRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every doctor code from a healthy snapshot with exactly one thing broken: exactly that finding.
 * IRSA facts per check: the EKS user guide ("IAM roles for service accounts", "Troubleshooting")
 * and aws/amazon-eks-pod-identity-webhook, as summarized in the project's irsa.md pitfalls.
 */
class DoctorTest {
  static final ServiceAccountRef SA = ServiceAccountRef.of("irsa-demo", "aws-cli");
  static final String SUB_KEY = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub";
  static final String AUD_KEY = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud";
  static final String SUB = "\"" + SUB_KEY + "\": \"system:serviceaccount:irsa-demo:aws-cli\"";

  private final Doctor doctor = Doctor.create();

  static Report diagnose(Fixture f) {
    return Doctor.create().diagnose(f.snapshot(), SA);
  }

  static List<Code> codes(Fixture f) {
    return diagnose(f).codes();
  }

  @Test
  void healthySnapshotHasNoFindings() {
    Report r = diagnose(Fixture.healthy());
    assertThat(r.findings()).isEmpty();
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.summary()).isEqualTo("0 errors, 0 warnings, 0 info");
  }

  @Test
  void serviceAccountNotFound() {
    Report r = doctor.diagnose(Fixture.healthy().snapshot(), ServiceAccountRef.of("irsa-demo", "aws-cli2"));
    assertThat(r.codes()).containsExactly(Code.SA_NOT_FOUND);
    Finding f = r.findings().get(0);
    assertThat(f.subject()).isEqualTo("serviceaccount irsa-demo/aws-cli2");
    assertThat(f.fix()).isEqualTo("kubectl -n irsa-demo create serviceaccount aws-cli2, or fix spec.serviceAccountName of the pods");
  }

  @Test
  void serviceAccountNotAnnotated() {
    Fixture f = Fixture.healthy().replace("sa", "\"eks.amazonaws.com/role-arn\": \"" + Fixture.ROLE + "\"",
        "\"example.com/owner\": \"team-a\"");
    assertThat(codes(f)).containsExactly(Code.SA_NOT_ANNOTATED);
  }

  @Test
  void annotationKeyTypo() {
    Fixture f = Fixture.healthy().replace("sa", "\"eks.amazonaws.com/role-arn\"", "\"eks.amazon.com/role-arn\"");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.ANNOTATION_KEY_TYPO);
    assertThat(r.findings().get(0).evidence()).containsExactly("eks.amazon.com/role-arn: " + Fixture.ROLE);
    assertThat(r.findings().get(0).fix()).isEqualTo("kubectl -n irsa-demo annotate serviceaccount aws-cli "
        + "eks.amazon.com/role-arn- eks.amazonaws.com/role-arn=" + Fixture.ROLE + ", then restart the pods");
  }

  @Test
  void roleArnInvalid() {
    Fixture f = Fixture.healthy().replace("sa", "\"" + Fixture.ROLE + "\"", "\"arn:aws:iam::111122223333:irsa-demo-aws-cli\"");
    assertThat(codes(f)).containsExactly(Code.ROLE_ARN_INVALID);
  }

  @Test
  void roleNotFound() {
    Fixture f = Fixture.healthy().replace("iam", "\"RoleName\": \"irsa-demo-aws-cli\"", "\"RoleName\": \"irsa-demo-old\"")
        .replace("iam", "\"Arn\": \"" + Fixture.ROLE + "\"", "\"Arn\": \"arn:aws:iam::111122223333:role/irsa-demo-old\"");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.ROLE_NOT_FOUND);
    assertThat(r.findings().get(0).message()).isEqualTo("the annotated role " + Fixture.ROLE + " does not exist");
  }

  @Test
  void roleInAnAccountTheSnapshotDoesNotCoverIsNamedInTheEvidence() {
    Fixture f = Fixture.healthy().replace("sa", "\"" + Fixture.ROLE + "\"", "\"arn:aws:iam::999999999999:role/irsa-demo-aws-cli\"")
        .replace("pod", Fixture.ROLE, "arn:aws:iam::999999999999:role/irsa-demo-aws-cli");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.ROLE_NOT_FOUND);
    assertThat(r.findings().get(0).evidence()).contains("the IAM snapshot covers account(s) [111122223333], not "
        + "999999999999 (a typo in the account, or give that account's get-account-authorization-details too)");
  }

  @Test
  void oidcProviderMissing() {
    Fixture f = Fixture.healthy().set("oidc-providers", "[]");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.OIDC_PROVIDER_MISSING);
    assertThat(r.findings().get(0).subject()).isEqualTo("provider arn:aws:iam::111122223333:oidc-provider/"
        + "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE");
  }

  @Test
  void oidcAudienceNotRegistered() {
    Fixture f = Fixture.healthy().replace("oidc-providers", "[\"sts.amazonaws.com\"]", "[\"sts.amazon.com\"]");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.OIDC_AUDIENCE_NOT_REGISTERED);
    assertThat(r.findings().get(0).evidence()).containsExactly("ClientIDList [sts.amazon.com]",
        "audience of irsa-demo/aws-cli: sts.amazonaws.com");
  }

  @Test
  void trustNamesAnotherClustersProvider() {
    Fixture f = Fixture.healthy().replace("iam", "EXAMPLED539D4633E53DE1B71EXAMPLE", "OTHERCLUSTER0000000000000000000A");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.TRUST_PROVIDER_MISMATCH);
    assertThat(r.findings().get(0).message()).startsWith("the trust names another cluster's OIDC provider");
  }

  @Test
  void trustNamesTheProviderOfAnotherAccount() {
    Fixture f = Fixture.healthy().replace("iam", "\"arn:aws:iam::111122223333:oidc-provider/",
        "\"arn:aws:iam::444455556666:oidc-provider/");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.TRUST_PROVIDER_MISMATCH);
    assertThat(r.findings().get(0).message()).isEqualTo("the trust names the cluster's issuer in another account "
        + "(444455556666) than the role's provider arn:aws:iam::111122223333:oidc-provider/"
        + "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE");
  }

  @Test
  void trustSubjectNamesAnotherNamespace() {
    Fixture f = Fixture.healthy().replace("iam", "system:serviceaccount:irsa-demo:aws-cli", "system:serviceaccount:default:aws-cli");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.TRUST_SUBJECT_MISMATCH);
    assertThat(r.findings().get(0).evidence()).containsExactly(
        "Statement[0] StringEquals " + SUB_KEY + " [system:serviceaccount:default:aws-cli]",
        "token sub: system:serviceaccount:irsa-demo:aws-cli");
  }

  @Test
  void wildcardUnderStringEqualsIsASubjectMismatch() {
    Fixture f = Fixture.healthy().replace("iam", "system:serviceaccount:irsa-demo:aws-cli", "system:serviceaccount:irsa-demo:*");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.TRUST_SUBJECT_MISMATCH);
    assertThat(r.findings().get(0).evidence()).contains("Statement[0] StringEquals " + SUB_KEY
        + " [system:serviceaccount:irsa-demo:*] ('*' is literal under StringEquals; use StringLike, or name the service account)");
  }

  @Test
  void conditionKeysWithHttpsAreNamed() {
    Fixture f = Fixture.healthy().replace("iam", "\"oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub\"",
        "\"https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub\"");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.TRUST_SUBJECT_MISMATCH);
    assertThat(r.findings().get(0).evidence().get(0)).endsWith("(STS supplies " + SUB_KEY + ", not https://" + SUB_KEY + ")");
  }

  @Test
  void trustAudienceMismatch() {
    Fixture f = Fixture.healthy().replace("iam", "\"" + AUD_KEY + "\": \"sts.amazonaws.com\"", "\"" + AUD_KEY + "\": \"sts.amazon.com\"");
    assertThat(codes(f)).containsExactly(Code.TRUST_AUDIENCE_MISMATCH);
  }

  @Test
  void trustWrongAction() {
    Fixture f = Fixture.healthy().replace("iam", "\"Action\": \"sts:AssumeRoleWithWebIdentity\"", "\"Action\": \"sts:AssumeRole\"");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.TRUST_WRONG_ACTION);
    assertThat(r.findings().get(0).evidence()).containsExactly("Statement[0] Action [sts:AssumeRole]");
  }

  @Test
  void trustTooBroadWithAWildcardNamespace() {
    Fixture f = Fixture.healthy().replace("iam", "\"StringEquals\": {", "\"StringLike\": {")
        .replace("iam", "system:serviceaccount:irsa-demo:aws-cli", "system:serviceaccount:*:aws-cli");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.TRUST_TOO_BROAD);
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void trustTooBroadWithAudienceOnly() {
    Fixture f = Fixture.healthy().replace("iam", SUB + ",", "");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.TRUST_TOO_BROAD);
    assertThat(r.findings().get(0).evidence()).anyMatch(e -> e.startsWith("the evaluator admits "
        + "system:serviceaccount:irsa-doctor-probe:irsa-doctor-probe"));
  }

  @Test
  void trustPolicyNearQuota() {
    StringBuilder many = new StringBuilder("[\"system:serviceaccount:irsa-demo:aws-cli\"");
    for (int i = 0; i < 50; i++) {
      many.append(", \"system:serviceaccount:team-").append(i).append(":worker\"");
    }
    Fixture f = Fixture.healthy().replace("iam", "\"system:serviceaccount:irsa-demo:aws-cli\"", many + "]");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.TRUST_POLICY_NEAR_QUOTA);
  }

  @Test
  void rolePolicyQuota() {
    StringBuilder more = new StringBuilder();
    for (int i = 1; i <= 9; i++) {
      more.append(", {\"PolicyName\": \"extra-").append(i).append("\", \"PolicyArn\": \"arn:aws:iam::111122223333:policy/extra-")
          .append(i).append("\"}");
    }
    Fixture f = Fixture.healthy().replace("iam", "\"PolicyArn\": \"arn:aws:iam::111122223333:policy/irsa-demo-aws-cli\"}",
        "\"PolicyArn\": \"arn:aws:iam::111122223333:policy/irsa-demo-aws-cli\"}" + more);
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.ROLE_POLICY_QUOTA);
    assertThat(r.findings().get(0).message()).isEqualTo("10 managed policies are attached; the default quota is 10");
  }

  @Test
  void webhookMissing() {
    Fixture f = Fixture.healthy().set("webhooks", """
        {"apiVersion": "v1", "items": [], "kind": "List", "metadata": {"resourceVersion": ""}}
        """);
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.WEBHOOK_MISSING);
    assertThat(r.findings().get(0).evidence()).first().isEqualTo("MutatingWebhookConfigurations: none");
  }

  @Test
  void podCreatedBeforeTheAnnotationIsNotMutated() {
    Fixture f = Fixture.healthy().set("pod", Fixture.resource("doctor/healthy/pod-created-before-annotation.json"));
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.POD_NOT_MUTATED);
    Finding finding = r.findings().get(0);
    assertThat(finding.subject()).isEqualTo("pod irsa-demo/aws-cli-5d8f7c-x2x9q");
    assertThat(finding.evidence()).contains("pod created 2026-01-01T09:59:30Z");
    assertThat(finding.evidence().get(0)).contains("before service account irsa-demo/aws-cli was annotated");
    assertThat(finding.fix()).isEqualTo("kubectl -n irsa-demo rollout restart deployment/aws-cli (the webhook mutates "
        + "pods only when they are created)");
  }

  @Test
  void podWiredForAnotherRole() {
    Fixture f = Fixture.healthy().replace("pod", "role/irsa-demo-aws-cli\"}", "role/irsa-demo-previous\"}");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.POD_ROLE_MISMATCH);
    assertThat(r.findings().get(0).message()).isEqualTo("the pod is wired for arn:aws:iam::111122223333:role/"
        + "irsa-demo-previous but its service account names " + Fixture.ROLE);
  }

  @Test
  void tokenUnreadableForANonRootContainerWithoutFsGroup() {
    Fixture f = Fixture.healthy().replace("pod", "\"name\": \"aws-cli\",", "\"name\": \"aws-cli\", \"securityContext\": {\"runAsNonRoot\": true},");
    assertThat(codes(f)).containsExactly(Code.TOKEN_UNREADABLE);
  }

  @Test
  void staticKeysOverrideTheWebIdentity() {
    Fixture f = Fixture.healthy().replace("pod", "{\"name\": \"AWS_STS_REGIONAL_ENDPOINTS\"",
        "{\"name\": \"AWS_ACCESS_KEY_ID\", \"value\": \"AKIAEXAMPLE\"}, {\"name\": \"AWS_STS_REGIONAL_ENDPOINTS\"");
    Report r = diagnose(f);
    assertThat(r.codes()).containsExactly(Code.CREDENTIALS_OVERRIDDEN);
    assertThat(r.toJson()).doesNotContain("AKIAEXAMPLE");
  }

  @Test
  void staticKeysFromAnEnvFromSecretOverrideTheWebIdentity() {
    Fixture f = Fixture.healthy().replace("pod", "\"volumeMounts\": [", "\"envFrom\": [{\"secretRef\": {\"name\": \"legacy\"}}], "
        + "\"volumeMounts\": [");
    Snapshot s = SnapshotFiles.addKubernetes(f.snapshot().toBuilder(), "secrets.json", """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "legacy", "namespace": "irsa-demo"},
           "data": {"AWS_ACCESS_KEY_ID": "QUtJQUVYQU1QTEU=", "AWS_SECRET_ACCESS_KEY": "c2VjcmV0"}}]}
        """).build();
    Report r = doctor.diagnose(s, SA);
    assertThat(r.codes()).containsExactly(Code.CREDENTIALS_OVERRIDDEN);
    assertThat(r.findings().get(0).evidence()).containsExactly("OVERRIDDEN_STATIC_KEYS[aws-cli]: AWS_ACCESS_KEY_ID comes "
        + "from envFrom secret legacy; static keys come before the web identity token in the credential chain");
    assertThat(s.envSources().get(0).keys()).containsExactlyInAnyOrder("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    assertThat(s.toString() + r.toJson()).doesNotContain("QUtJQUVYQU1QTEU=");
  }

  @Test
  void anEnvFromSecretWithoutAwsKeysIsFine() {
    Fixture f = Fixture.healthy().replace("pod", "\"volumeMounts\": [", "\"envFrom\": [{\"secretRef\": {\"name\": \"db\"}}], "
        + "\"volumeMounts\": [");
    Snapshot s = SnapshotFiles.addKubernetes(f.snapshot().toBuilder(), "secrets.json", """
        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db", "namespace": "irsa-demo"}, "data": {"PASSWORD": "eA=="}}
        """).build();
    assertThat(doctor.diagnose(s, SA).findings()).isEmpty();
  }

  @Test
  void podIdentityAssociationShadowsIrsa() {
    Snapshot s = Fixture.healthy().snapshot().toBuilder()
        .addPodIdentityAssociation(new PodIdentityAssociation("irsa-demo", "aws-cli", "arn:aws:iam::111122223333:role/pi"))
        .build();
    assertThat(doctor.diagnose(s, SA).codes()).containsExactly(Code.POD_IDENTITY_SHADOWS_IRSA);
  }

  @Test
  void podInPodIdentityModeShadowsIrsa() {
    Fixture f = Fixture.healthy().replace("pod", "{\"name\": \"AWS_STS_REGIONAL_ENDPOINTS\", \"value\": \"regional\"},",
        "{\"name\": \"AWS_CONTAINER_CREDENTIALS_FULL_URI\", \"value\": \"http://169.254.170.23/v1/credentials\"}, "
            + "{\"name\": \"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE\", \"value\": \"/var/run/secrets/pods.eks.amazonaws.com/"
            + "serviceaccount/eks-pod-identity-token\"},");
    assertThat(codes(f)).containsExactly(Code.POD_IDENTITY_SHADOWS_IRSA);
  }

  @Test
  void permissionMissing() {
    Report r = doctor.diagnose(Fixture.healthy().snapshot(), SA, null,
        List.of(PermissionExpectation.allowed("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket"),
            PermissionExpectation.allowed("s3:PutObject", "arn:aws:s3:::irsa-demo-bucket/report.csv")));
    assertThat(r.codes()).containsExactly(Code.PERMISSION_MISSING);
    assertThat(r.findings().get(0).message()).isEqualTo("s3:PutObject on arn:aws:s3:::irsa-demo-bucket/report.csv "
        + "is denied but expected to be allowed");
  }

  @Test
  void permissionUnexpected() {
    Report r = doctor.diagnose(Fixture.healthy().snapshot(), SA, null,
        List.of(PermissionExpectation.denied("s3:DeleteObject", "arn:aws:s3:::irsa-demo-bucket/k"),
            PermissionExpectation.denied("s3:GetObject", "arn:aws:s3:::irsa-demo-bucket/k")));
    assertThat(r.codes()).containsExactly(Code.PERMISSION_UNEXPECTED);
  }

  @Test
  void onlyTheNamedPod() {
    Report r = doctor.diagnose(Fixture.healthy().snapshot(), SA, "aws-cli-5d8f7c-x2x9q", List.of());
    assertThat(r.findings()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> doctor.diagnose(Fixture.healthy().snapshot(), SA, "nope", List.of()))
        .hasMessage("pod irsa-demo/nope of service account aws-cli is not in the snapshot");
  }
}
