package dev.irsa.verify.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading the standard formats, and one error line naming the file and the path inside it. */
class SnapshotFilesTest {
  @Test
  void readsTheHealthyFiles() {
    Snapshot s = Fixture.healthy().snapshot();
    assertThat(s.toString()).isEqualTo("Snapshot[2 service accounts, 1 pods, 1 webhook configurations, issuer "
        + Fixture.ISSUER + ", 1 roles, 1 managed policies, 1 OIDC providers]");
    assertThat(s.pods().get(0).owners()).containsExactly("ReplicaSet/aws-cli-5d8f7c");
    assertThat(s.roles().get(0).attachedPolicyArns()).containsExactly("arn:aws:iam::111122223333:policy/irsa-demo-aws-cli");
  }

  @Test
  void urlEncodedDocumentsAreDecodedAsRfc3986KeepingPlus() {
    // GetAccountAuthorizationDetails returns documents URL-encoded (RFC 3986); '+' is a literal plus, not a space.
    String encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
        + "%22Principal%22%3A%7B%22Federated%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Aoidc-provider%2Fexample.com%22%7D"
        + "%2C%22Action%22%3A%22sts%3AAssumeRoleWithWebIdentity%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B"
        + "%22example.com%3Asub%22%3A%22a+b%22%7D%7D%7D%5D%7D";
    String iam = """
        {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r", "AssumeRolePolicyDocument": "%s"}]}
        """.formatted(encoded);
    Snapshot s = SnapshotFiles.addIam(Snapshot.builder(), "iam.json", iam).build();
    assertThat(s.roles().get(0).trustPolicy().statements().get(0).conditions().get(0).texts()).containsExactly("a+b");
  }

  @Test
  void notJson() {
    assertThatThrownBy(() -> SnapshotFiles.addKubernetes(Snapshot.builder(), "k8s.json", "{\"kind\": \"List\",\n  items: []}"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("k8s.json: $ 2:3: not JSON: unexpected 'items': expected a member name in double quotes");
  }

  @Test
  void aKubernetesFileOfAnotherKind() {
    assertThatThrownBy(() -> SnapshotFiles.addKubernetes(Snapshot.builder(), "k8s.json", """
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x"}}
        """)).hasMessage("k8s.json: $.kind 1:35: expected a Kubernetes List (kubectl get ... -o json), ServiceAccount, "
        + "Pod or MutatingWebhookConfiguration, got kind 'Deployment'");
  }

  @Test
  void aPodWithoutNamespace() {
    assertThatThrownBy(() -> SnapshotFiles.addKubernetes(Snapshot.builder(), "k8s.json", """
        {"kind": "List", "items": [{"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": []}}]}
        """)).hasMessage("k8s.json: $.items[0].metadata 1:56: missing namespace");
  }

  @Test
  void iamFileThatIsNotAuthorizationDetails() {
    assertThatThrownBy(() -> SnapshotFiles.addIam(Snapshot.builder(), "iam.json", "{\"Roles\": []}"))
        .hasMessage("iam.json: $ 1:1: not the output of aws iam get-account-authorization-details: no RoleDetailList");
  }

  @Test
  void iamRoleWithAnArnOfAnotherKind() {
    assertThatThrownBy(() -> SnapshotFiles.addIam(Snapshot.builder(), "iam.json", """
        {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:user/r", "AssumeRolePolicyDocument": {}}]}
        """)).hasMessageStartingWith("iam.json: $.RoleDetailList[0].Arn 1:46: not a role ARN: ");
  }

  @Test
  void iamDocumentThatIsNotAPolicy() {
    assertThatThrownBy(() -> SnapshotFiles.addIam(Snapshot.builder(), "iam.json", """
        {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r",
          "AssumeRolePolicyDocument": {"Statement": [{"Effect": "allow", "Action": "sts:AssumeRole"}]}}]}
        """)).hasMessageStartingWith("iam.json: $.RoleDetailList[0].AssumeRolePolicyDocument 2:31: not a policy document: "
        + "$.Statement[0].Effect");
  }

  @Test
  void oidcProvidersFileMustBeAnArray() {
    assertThatThrownBy(() -> SnapshotFiles.addOidcProviders(Snapshot.builder(), "providers.json", """
        {"Url": "oidc.example.com", "ClientIDList": []}
        """)).hasMessage("providers.json: $ 1:1: expected a JSON array of aws iam get-open-id-connect-provider "
        + "outputs, each with its Arn added, got object");
  }

  @Test
  void oidcProviderWithoutArn() {
    assertThatThrownBy(() -> SnapshotFiles.addOidcProviders(Snapshot.builder(), "providers.json", """
        [{"Url": "oidc.example.com", "ClientIDList": []}]
        """)).hasMessage("providers.json: $[0] 1:2: missing Arn");
  }

  @Test
  void clusterFileWithoutIssuer() {
    assertThatThrownBy(() -> SnapshotFiles.addCluster(Snapshot.builder(), "cluster.json", """
        {"cluster": {"name": "demo", "identity": {}}}
        """)).hasMessage("cluster.json: $.cluster.identity 1:42: missing oidc");
  }

  @Test
  void emptyKubernetesListMarksWebhooksAsCollected() {
    Snapshot s = SnapshotFiles.addKubernetes(Snapshot.builder(), "w.json", "{\"kind\": \"List\", \"items\": []}").build();
    assertThat(s.webhooksCollected()).isTrue();
    assertThat(Snapshot.builder().build().webhooksCollected()).isFalse();
  }
}
