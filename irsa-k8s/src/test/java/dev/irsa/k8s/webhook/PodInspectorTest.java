package dev.irsa.k8s.webhook;

import static dev.irsa.k8s.webhook.PodIdentityWebhookTest.ROLE;
import static dev.irsa.k8s.webhook.PodIdentityWebhookTest.SIMPLE_POD;
import static dev.irsa.k8s.webhook.PodIdentityWebhookTest.pod;
import static dev.irsa.k8s.webhook.PodIdentityWebhookTest.sa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodInspectorTest {
  static final String OTHER = "arn:aws:iam::111122223333:role/other";

  static Pod mutated(String yaml) {
    return PodIdentityWebhook.eks().mutate(pod(yaml), sa("eks.amazonaws.com/role-arn", ROLE)).pod();
  }

  @Test
  void aMutatedPodGetsTheRole() {
    // Given a pod as the webhook stored it
    Pod pod = mutated(SIMPLE_POD);

    // When inspected against its service account
    PodWiring w = PodInspector.offline().inspect(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    // Then it is wired for the annotated role, with nothing in the way
    assertThat(w.mode()).isEqualTo(CredentialMode.IRSA);
    assertThat(w.role()).contains(ROLE);
    assertThat(w.getsRole()).isTrue();
    assertThat(w.findings()).isEmpty();
    assertThat(w.tokenFile()).contains("/var/run/secrets/eks.amazonaws.com/serviceaccount/token");
    assertThat(w.audience()).contains("sts.amazonaws.com");
    assertThat(w.tokenExpirationSeconds()).hasValue(86400);
    assertThat(w.toString()).isEqualTo("PodWiring{payments/app, IRSA, role=" + ROLE + ", getsRole=true, findings=[]}");
  }

  @Test
  void aPodCreatedBeforeTheAnnotationIsStale() {
    PodWiring w = PodInspector.offline().inspect(pod(SIMPLE_POD), sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(w.stale()).isTrue();
    assertThat(w.getsRole()).isFalse();
    assertThat(w.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(Finding.Code.STALE_NOT_WIRED);
      assertThat(f.message()).isEqualTo("service account payments/api names role " + ROLE + " but the pod has no "
          + "AWS_ROLE_ARN: it was created before the annotation (the webhook mutates pods only when they are "
          + "created) or the webhook did not run; recreate the pod");
    });
  }

  static io.fabric8.kubernetes.api.model.ServiceAccount annotatedAt(String time) {
    io.fabric8.kubernetes.api.model.ServiceAccount sa = sa("eks.amazonaws.com/role-arn", ROLE);
    sa.getMetadata().setManagedFields(java.util.List.of(
        io.fabric8.kubernetes.client.utils.Serialization.unmarshal("""
            {"manager": "kubectl-create", "operation": "Update", "time": "2026-01-01T00:00:00Z",
             "fieldsType": "FieldsV1", "fieldsV1": {"f:metadata": {"f:name": {}}}}""",
            io.fabric8.kubernetes.api.model.ManagedFieldsEntry.class),
        io.fabric8.kubernetes.client.utils.Serialization.unmarshal("""
            {"manager": "kubectl-annotate", "operation": "Update", "time": "%s", "fieldsType": "FieldsV1",
             "fieldsV1": {"f:metadata": {"f:annotations": {".": {}, "f:eks.amazonaws.com/role-arn": {}}}}}\
            """.formatted(time), io.fabric8.kubernetes.api.model.ManagedFieldsEntry.class)));
    return sa;
  }

  @Test
  void managedFieldsTellCreatedBeforeFromWebhookMissing() {
    Pod pod = pod(SIMPLE_POD);
    pod.getMetadata().setCreationTimestamp("2026-03-01T12:00:00Z");

    PodWiring before = PodInspector.offline().inspect(pod, annotatedAt("2026-03-02T08:00:00Z"));
    PodWiring after = PodInspector.offline().inspect(pod, annotatedAt("2026-02-27T08:00:00Z"));

    assertThat(before.findings()).extracting(Finding::toString).containsExactly("STALE_NOT_WIRED: the pod was created at "
        + "2026-03-01T12:00:00Z, before service account payments/api was annotated with role " + ROLE + " at "
        + "2026-03-02T08:00:00Z; the webhook mutates pods only when they are created: recreate the pod");
    assertThat(before.stale()).isTrue();
    assertThat(after.findings()).extracting(Finding::toString).containsExactly("WEBHOOK_DID_NOT_RUN: service account "
        + "payments/api was annotated with role " + ROLE + " at 2026-02-27T08:00:00Z, before the pod was created at "
        + "2026-03-01T12:00:00Z, yet the pod has no AWS_ROLE_ARN: the pod identity webhook did not run (check the "
        + "MutatingWebhookConfiguration pod-identity-webhook)");
    assertThat(after.stale()).isFalse();
    assertThat(after.getsRole()).isFalse();
  }

  @Test
  void aPodWiredForAnotherRoleIsStaleAndDoesNotGetTheAnnotatedRole() {
    PodWiring w = PodInspector.offline().inspect(mutated(SIMPLE_POD), sa("eks.amazonaws.com/role-arn", OTHER));

    assertThat(w.has(Finding.Code.STALE_OTHER_ROLE)).isTrue();
    assertThat(w.role()).contains(ROLE);
    assertThat(w.expectedRole()).contains(OTHER);
    assertThat(w.getsRole()).isFalse();
  }

  @Test
  void aPodWiredForARoleNoLongerAnnotatedIsStaleButStillHasIt() {
    PodWiring w = PodInspector.offline().inspect(mutated(SIMPLE_POD), sa());

    assertThat(w.has(Finding.Code.STALE_ANNOTATION_REMOVED)).isTrue();
    assertThat(w.getsRole()).isTrue();
  }

  @Test
  void withoutServiceAccountAnUnwiredPodIsJustNotWired() {
    PodWiring w = PodInspector.offline().inspect(pod(SIMPLE_POD), null);

    assertThat(w.findings()).extracting(Finding::code).containsExactly(Finding.Code.NOT_WIRED);
    assertThat(w.stale()).isFalse();
    assertThat(w.getsRole()).isFalse();
  }

  @Test
  void staticKeysAndProfileInEnvOverrideIrsa() {
    Pod pod = mutated("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          containers:
          - name: keys
            env: [{name: AWS_ACCESS_KEY_ID, value: AKIAEXAMPLE}, {name: AWS_SECRET_ACCESS_KEY, value: secret}]
          - name: profile
            env: [{name: AWS_PROFILE, value: dev}]
        """);

    PodWiring w = PodInspector.offline().inspect(pod, null);

    assertThat(w.overridden()).isTrue();
    assertThat(w.getsRole()).isFalse();
    assertThat(w.findings()).extracting(Finding::toString).containsExactly(
        "OVERRIDDEN_STATIC_KEYS[keys]: AWS_ACCESS_KEY_ID is set in env; static keys come before the web identity "
            + "token in the credential chain",
        "OVERRIDDEN_PROFILE[profile]: AWS_PROFILE is set in env; the named profile is used instead of the web "
            + "identity token");
    assertThat(w.toJson()).doesNotContain("AKIAEXAMPLE").doesNotContain("secret\"");
  }

  @Test
  void envFromIsCheckedThroughTheResolverWithItsPrefix() {
    Pod pod = mutated("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          containers:
          - name: app
            envFrom:
            - secretRef: {name: aws-keys}
              prefix: AWS_
            - configMapRef: {name: settings}
        """);
    PodInspector inspector = PodInspector.withEnvFrom((EnvFromSource s) -> s.getSecretRef() != null
        ? Optional.of(Set.of("ACCESS_KEY_ID", "SECRET_ACCESS_KEY")) : Optional.empty());

    PodWiring w = inspector.inspect(pod, null);

    assertThat(w.findings()).extracting(Finding::toString).containsExactly(
        "OVERRIDDEN_STATIC_KEYS[app]: AWS_ACCESS_KEY_ID comes from envFrom secret aws-keys; static keys come before "
            + "the web identity token in the credential chain",
        "ENV_FROM_UNCHECKED[app]: envFrom configmap settings was not checked for AWS_ACCESS_KEY_ID or AWS_PROFILE");
    assertThat(w.overridden()).isTrue();
  }

  @Test
  void nonRootWithoutFsGroupCannotReadTheToken() {
    Pod pod = mutated("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          securityContext: {runAsNonRoot: true}
          containers:
          - name: app
            securityContext: {runAsUser: 1000}
          - name: sidecar
            securityContext: {runAsUser: 2000}
        """);

    PodWiring w = PodInspector.offline().inspect(pod, null);

    assertThat(w.tokenUnreadable()).isTrue();
    assertThat(w.getsRole()).isFalse();
    assertThat(w.findings()).extracting(Finding::toString).startsWith(
        "TOKEN_UNREADABLE[app]: runs as non-root user 1000 without spec.securityContext.fsGroup; the token file is "
            + "readable by root only (set fsGroup, e.g. 65534)");
  }

  @Test
  void fsGroupOrASharedRunAsUserMakesTheTokenReadable() {
    Pod withFsGroup = mutated("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          securityContext: {runAsUser: 1000, fsGroup: 65534}
          containers: [{name: app}]
        """);
    Pod shared = mutated("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          securityContext: {runAsUser: 1000}
          containers: [{name: app}, {name: sidecar}]
        """);

    assertThat(PodInspector.offline().inspect(withFsGroup, null).tokenUnreadable()).isFalse();
    assertThat(PodInspector.offline().inspect(shared, null).tokenUnreadable()).isFalse();
  }

  @Test
  void skippedContainerIsReported() {
    Pod pod = mutated("""
        metadata:
          name: app
          namespace: payments
          annotations: {eks.amazonaws.com/skip-containers: sidecar}
        spec:
          serviceAccountName: api
          containers: [{name: app}, {name: sidecar}]
        """);

    PodWiring w = PodInspector.offline().inspect(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(w.findings()).extracting(Finding::toString).containsExactly(
        "CONTAINER_NOT_WIRED[sidecar]: container is named in eks.amazonaws.com/skip-containers and gets no credentials");
    assertThat(w.getsRole()).isTrue();
  }

  @Test
  void roleWithoutMountedTokenIsReported() {
    Pod pod = pod("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          containers:
          - name: app
            env: [{name: AWS_ROLE_ARN, value: "%s"}, {name: AWS_WEB_IDENTITY_TOKEN_FILE, value: /tmp/token}]
        """.formatted(ROLE));

    PodWiring w = PodInspector.offline().inspect(pod, null);

    assertThat(w.has(Finding.Code.TOKEN_NOT_MOUNTED)).isTrue();
    assertThat(w.getsRole()).isFalse();
  }

  @Test
  void podIdentityIsRecognised() {
    Pod pod = PodIdentityWebhook.builder().podIdentityAssociation(dev.irsa.core.trust.ServiceAccountRef.of("payments", "api"))
        .build().mutate(pod(SIMPLE_POD), sa()).pod();

    PodWiring w = PodInspector.offline().inspect(pod, sa());

    assertThat(w.mode()).isEqualTo(CredentialMode.POD_IDENTITY);
    assertThat(w.audience()).contains("pods.eks.amazonaws.com");
    assertThat(w.getsRole()).isTrue();
  }

  @Test
  void jsonHasTheFindings() {
    PodWiring w = PodInspector.offline().inspect(pod(SIMPLE_POD), sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(w.toJson()).isEqualTo("""
        {
          "pod": "payments/app",
          "serviceAccount": "payments/api",
          "mode": "NONE",
          "wired": false,
          "getsRole": false,
          "role": null,
          "expectedRole": "arn:aws:iam::111122223333:role/s3-reader",
          "stale": true,
          "overridden": false,
          "tokenUnreadable": false,
          "tokenFile": null,
          "audience": null,
          "tokenExpirationSeconds": null,
          "containers": [
            {
              "name": "app",
              "init": false,
              "mode": "NONE",
              "skipped": false
            }
          ],
          "findings": [
            {
              "code": "STALE_NOT_WIRED",
              "message": "service account payments/api names role arn:aws:iam::111122223333:role/s3-reader but the \
        pod has no AWS_ROLE_ARN: it was created before the annotation (the webhook mutates pods only when they are \
        created) or the webhook did not run; recreate the pod"
            }
          ]
        }""");
  }

  @Test
  void aNullEnvEntryIsRejectedByName() {
    Pod pod = pod(SIMPLE_POD.replace("image: amazon/aws-cli", "image: amazon/aws-cli\n    env: [{name: A, value: b}, null]"));

    assertThatThrownBy(() -> PodInspector.offline().inspect(pod, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pod payments/app: spec.containers[0].env[1] must not be null");
  }

  @Test
  void aMalformedRoleAnnotationDoesNotGetTheRole() {
    // Given a pod wired from a service account whose role annotation is not an ARN
    Pod pod = PodIdentityWebhook.eks().mutate(pod(SIMPLE_POD), sa("eks.amazonaws.com/role-arn", "not-an-arn")).pod();

    // When inspected with and without the service account
    PodWiring withSa = PodInspector.offline().inspect(pod, sa("eks.amazonaws.com/role-arn", "not-an-arn"));
    PodWiring alone = PodInspector.offline().inspect(pod, null);

    // Then STS would reject the ARN: no role
    assertThat(withSa.getsRole()).isFalse();
    assertThat(withSa.findings()).containsExactly(new Finding(Finding.Code.INVALID_ROLE_ARN, null,
        "service account payments/api annotation eks.amazonaws.com/role-arn: invalid ARN 'not-an-arn': "
            + PROBLEM + "; STS AssumeRoleWithWebIdentity fails with ValidationError: Request ARN is invalid"));
    assertThat(alone.getsRole()).isFalse();
    assertThat(alone.findings()).containsExactly(new Finding(Finding.Code.INVALID_ROLE_ARN, null,
        "the pod's AWS_ROLE_ARN: invalid ARN 'not-an-arn': "
            + PROBLEM + "; STS AssumeRoleWithWebIdentity fails with ValidationError: Request ARN is invalid"));
  }

  static final String PROBLEM = "expected 6 colon-separated parts (arn:partition:service:region:account:resource), got 1";
}
