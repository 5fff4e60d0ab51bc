package dev.irsa.verify.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit's own codes, each from the healthy snapshot with one thing broken. */
class AuditTest {
  private static Report audit(Fixture f) {
    return Doctor.create().audit(f.snapshot(), null, Doctor.Progress.NONE);
  }

  @Test
  void healthySnapshotHasNoFindings() {
    List<String> phases = new ArrayList<>();
    Report r = Doctor.create().audit(Fixture.healthy().snapshot(), null, (p, done, total) -> phases.add(p + " " + done + "/" + total));
    assertThat(r.findings()).isEmpty();
    assertThat(phases).containsExactly("index 0/1", "index 1/1", "service accounts 1/1", "roles 1/1");
  }

  @Test
  void orphanAnnotation() {
    Fixture f = Fixture.healthy().replace("iam", "\"RoleName\": \"irsa-demo-aws-cli\"", "\"RoleName\": \"irsa-demo-old\"")
        .replace("iam", "\"Arn\": \"" + Fixture.ROLE + "\"", "\"Arn\": \"arn:aws:iam::111122223333:role/irsa-demo-old\"");
    Report r = audit(f);
    assertThat(r.codes()).containsExactly(Code.ORPHAN_ANNOTATION);
    assertThat(r.findings().get(0).subject()).isEqualTo("serviceaccount irsa-demo/aws-cli");
  }

  @Test
  void orphanTrustForAServiceAccountThatDoesNotExist() {
    Fixture f = Fixture.healthy().replace("iam", "\"system:serviceaccount:irsa-demo:aws-cli\"",
        "[\"system:serviceaccount:irsa-demo:aws-cli\", \"system:serviceaccount:irsa-demo:gone\"]");
    Report r = audit(f);
    assertThat(r.codes()).containsExactly(Code.ORPHAN_TRUST);
    assertThat(r.findings().get(0).evidence()).containsExactly(
        "trusts system:serviceaccount:irsa-demo:gone: no service account irsa-demo/gone in the cluster");
  }

  @Test
  void orphanTrustForAnIssuerNoProviderOrClusterHas() {
    Fixture f = Fixture.healthy().replace("iam", "\"Statement\": [\n          {\n            \"Effect\": \"Allow\",\n"
        + "            \"Principal\": {\"Federated\"", """
        "Statement": [
          {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/DELETEDCLUSTER00000000000000000A"},
           "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringEquals": {"oidc.eks.us-west-2.amazonaws.com/id/DELETEDCLUSTER00000000000000000A:sub": "system:serviceaccount:irsa-demo:aws-cli"}}},
          {
            "Effect": "Allow",
            "Principal": {"Federated\"""");
    Report r = audit(f);
    assertThat(r.codes()).containsExactly(Code.ORPHAN_TRUST);
    assertThat(r.findings().get(0).evidence()).containsExactly("trusts arn:aws:iam::111122223333:oidc-provider/"
        + "oidc.eks.us-west-2.amazonaws.com/id/DELETEDCLUSTER00000000000000000A: no such OIDC provider in account "
        + "111122223333, and it is not the cluster's issuer");
  }

  @Test
  void sharedRole() {
    String worker = Fixture.resource("doctor/healthy/sa.json").replace("\"name\": \"aws-cli\"", "\"name\": \"worker\"");
    Fixture f = Fixture.healthy().set("default-sa", worker)
        .replace("iam", "\"system:serviceaccount:irsa-demo:aws-cli\"",
            "[\"system:serviceaccount:irsa-demo:aws-cli\", \"system:serviceaccount:irsa-demo:worker\"]");
    Report r = audit(f);
    assertThat(r.codes()).containsExactly(Code.SHARED_ROLE);
    assertThat(r.findings().get(0).evidence()).containsExactly("irsa-demo/aws-cli", "irsa-demo/worker");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void riskyPermissions() {
    Fixture f = Fixture.healthy().replace("iam",
        "{\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::irsa-demo-bucket\"},",
        "{\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::irsa-demo-bucket\"},"
            + " {\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"},");
    Report r = audit(f);
    assertThat(r.codes()).containsExactly(Code.RISKY_PERMISSIONS);
    assertThat(r.findings().get(0).evidence()).singleElement().asString()
        .startsWith("policy arn:aws:iam::111122223333:policy/irsa-demo-aws-cli $.Statement[1]");
    assertThat(Doctor.create().diagnose(f.snapshot(), DoctorTest.SA).findings()).isEmpty();
  }

  @Test
  void auditRunsTheDiagnosisOfEveryAnnotatedServiceAccount() {
    Fixture f = Fixture.healthy().set("oidc-providers", "[]");
    assertThat(audit(f).codes()).containsExactly(Code.OIDC_PROVIDER_MISSING);
  }

  @Test
  void namespaceFilterLeavesOtherNamespacesOut() {
    Fixture f = Fixture.healthy().set("oidc-providers", "[]");
    assertThat(Doctor.create().audit(f.snapshot(), "other", Doctor.Progress.NONE).findings()).isEmpty();
    assertThat(Doctor.create().audit(f.snapshot(), "irsa-demo", Doctor.Progress.NONE).codes())
        .containsExactly(Code.OIDC_PROVIDER_MISSING);
  }
}
