package dev.irsa.k8s.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.trust.ServiceAccountRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodIdentityWebhookTest {
  static final String ROLE = "arn:aws:iam::111122223333:role/s3-reader";

  static Pod pod(String yaml) {
    return Serialization.unmarshal(yaml, Pod.class);
  }

  static final String SIMPLE_POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
        namespace: payments
      spec:
        serviceAccountName: api
        containers:
        - name: app
          image: amazon/aws-cli
      """;

  static ServiceAccount sa(String... annotations) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i < annotations.length; i += 2) {
      a.put(annotations[i], annotations[i + 1]);
    }
    return new ServiceAccountBuilder().withNewMetadata().withNamespace("payments").withName("api")
        .withAnnotations(a).endMetadata().build();
  }

  static List<String> env(Container c) {
    return c.getEnv().stream().map(e -> e.getName() + "=" + e.getValue()).toList();
  }

  @Test
  void roleAnnotationAddsEnvTokenVolumeAndReadOnlyMount() {
    // Given a pod under a service account annotated with a role
    Pod pod = pod(SIMPLE_POD);

    // When the webhook mutates it
    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    // Then the pod gets the role, the token file, and the projected volume first in spec.volumes
    assertThat(r.mode()).isEqualTo(CredentialMode.IRSA);
    assertThat(r.changed()).isTrue();
    Container c = r.pod().getSpec().getContainers().get(0);
    assertThat(env(c)).containsExactly("AWS_ROLE_ARN=" + ROLE,
        "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token");
    assertThat(c.getVolumeMounts()).singleElement().satisfies(m -> {
      assertThat(m.getName()).isEqualTo("aws-iam-token");
      assertThat(m.getMountPath()).isEqualTo("/var/run/secrets/eks.amazonaws.com/serviceaccount");
      assertThat(m.getReadOnly()).isTrue();
    });
    Volume v = r.pod().getSpec().getVolumes().get(0);
    assertThat(Serialization.asJson(v)).isEqualTo("""
        {"name":"aws-iam-token","projected":{"sources":[{"serviceAccountToken":{"audience":"sts.amazonaws.com",\
        "expirationSeconds":86400,"path":"token"}}]}}""");
    // and the input is untouched
    assertThat(pod.getSpec().getContainers().get(0).getEnv()).isEmpty();
    assertThat(pod.getSpec().getVolumes()).isEmpty();
  }

  @Test
  void noRoleAnnotationOrNoServiceAccountLeavesThePodAlone() {
    Pod pod = pod(SIMPLE_POD);

    WebhookResult noAnnotation = PodIdentityWebhook.eks().mutate(pod, sa());
    WebhookResult missing = PodIdentityWebhook.eks().mutate(pod, null);

    assertThat(noAnnotation.mode()).isEqualTo(CredentialMode.NONE);
    assertThat(noAnnotation.pod()).isSameAs(pod);
    assertThat(noAnnotation.reason()).isEqualTo("service account payments/api has no eks.amazonaws.com/role-arn annotation");
    assertThat(missing.reason()).isEqualTo("service account payments/api not found");
  }

  @Test
  void audienceAnnotationGoesIntoTheProjectedToken() {
    WebhookResult r = PodIdentityWebhook.eks().mutate(pod(SIMPLE_POD),
        sa("eks.amazonaws.com/role-arn", ROLE, "eks.amazonaws.com/audience", "custom.example.com"));

    assertThat(r.pod().getSpec().getVolumes().get(0).getProjected().getSources().get(0).getServiceAccountToken()
        .getAudience()).isEqualTo("custom.example.com");
    assertThat(r.audience()).contains("custom.example.com");
  }

  @ParameterizedTest(name = "sts-regional-endpoints={0}, webhook default={1} -> {2}")
  @CsvSource({
      "true,  false, true",
      "false, true,  false",
      "'',    false, false",
      "'',    true,  true",
      "yes,   false, false",
      "yes,   true,  true",
      "1,     false, true",
      "TRUE,  false, true",
      "F,     true,  false",
  })
  void stsRegionalEndpoints(String annotation, boolean webhookDefault, boolean expected) {
    ServiceAccount sa = annotation.isEmpty() ? sa("eks.amazonaws.com/role-arn", ROLE)
        : sa("eks.amazonaws.com/role-arn", ROLE, "eks.amazonaws.com/sts-regional-endpoints", annotation);

    WebhookResult r = PodIdentityWebhook.builder().stsRegionalEndpoints(webhookDefault).build().mutate(pod(SIMPLE_POD), sa);

    assertThat(env(r.pod().getSpec().getContainers().get(0)).contains("AWS_STS_REGIONAL_ENDPOINTS=regional"))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "sa={0}, pod={1} -> {2}s")
  @CsvSource({
      "'',      '',     86400",
      "3600,    '',     3600",
      "100,     '',     600",
      "bogus,   '',     86400",
      "3600,    7200,   7200",
      "3600,    10,     600",
      "3600,    bogus,  3600",
      "'',      -5,     600",
  })
  void tokenExpirationRules(String saValue, String podValue, long expected) {
    ServiceAccount sa = saValue.isEmpty() ? sa("eks.amazonaws.com/role-arn", ROLE)
        : sa("eks.amazonaws.com/role-arn", ROLE, "eks.amazonaws.com/token-expiration", saValue);
    Pod pod = pod(SIMPLE_POD);
    if (!podValue.isEmpty()) {
      pod.getMetadata().setAnnotations(Map.of("eks.amazonaws.com/token-expiration", podValue));
    }

    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa);

    assertThat(r.pod().getSpec().getVolumes().get(0).getProjected().getSources().get(0).getServiceAccountToken()
        .getExpirationSeconds()).isEqualTo(expected);
  }

  @Test
  void regionFlagAddsBothRegionVariablesUnlessEitherIsSet() {
    Pod pod = pod("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          containers:
          - name: plain
          - name: has-region
            env: [{name: AWS_REGION, value: eu-west-1}]
          - name: has-default-region
            env: [{name: AWS_DEFAULT_REGION, value: eu-west-1}]
        """);

    WebhookResult r = PodIdentityWebhook.builder().region("us-west-2").build()
        .mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    List<Container> cs = r.pod().getSpec().getContainers();
    assertThat(env(cs.get(0))).containsExactly("AWS_DEFAULT_REGION=us-west-2", "AWS_REGION=us-west-2",
        "AWS_ROLE_ARN=" + ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token");
    assertThat(env(cs.get(1))).containsExactly("AWS_REGION=eu-west-1", "AWS_ROLE_ARN=" + ROLE,
        "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token");
    assertThat(env(cs.get(2))).containsExactly("AWS_DEFAULT_REGION=eu-west-1", "AWS_ROLE_ARN=" + ROLE,
        "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token");
  }

  @Test
  void existingRoleOrTokenVariableKeepsBothOutButTheMountIsStillAdded() {
    Pod pod = pod("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          containers:
          - name: app
            env:
            - {name: AWS_WEB_IDENTITY_TOKEN_FILE, value: /my/token}
            - {name: AWS_ACCESS_KEY_ID, value: AKIAEXAMPLE}
        """);

    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    Container c = r.pod().getSpec().getContainers().get(0);
    assertThat(env(c)).containsExactly("AWS_WEB_IDENTITY_TOKEN_FILE=/my/token", "AWS_ACCESS_KEY_ID=AKIAEXAMPLE");
    assertThat(c.getVolumeMounts()).extracting("name").containsExactly("aws-iam-token");
  }

  @Test
  void containerWithAllThreeGroupsIsLeftEntirelyAloneMountIncluded() {
    Pod pod = pod("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          containers:
          - name: app
            env:
            - {name: AWS_ROLE_ARN, value: other}
            - {name: AWS_REGION, value: eu-west-1}
            - {name: AWS_STS_REGIONAL_ENDPOINTS, value: legacy}
        """);

    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    Container c = r.pod().getSpec().getContainers().get(0);
    assertThat(env(c)).containsExactly("AWS_ROLE_ARN=other", "AWS_REGION=eu-west-1", "AWS_STS_REGIONAL_ENDPOINTS=legacy");
    assertThat(c.getVolumeMounts()).isEmpty();
    assertThat(r.mutatedContainers()).isEmpty();
    assertThat(r.pod().getSpec().getVolumes()).extracting("name").containsExactly("aws-iam-token");
  }

  @Test
  void skipContainersAppliesToInitContainersToo() {
    Pod pod = pod("""
        metadata:
          name: app
          namespace: payments
          annotations: {eks.amazonaws.com/skip-containers: "init,sidecar"}
        spec:
          serviceAccountName: api
          initContainers: [{name: init}, {name: init2}]
          containers: [{name: app}, {name: sidecar}]
        """);

    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(r.mutatedContainers()).containsExactly("init2", "app");
    assertThat(r.skippedContainers()).containsExactly("init", "sidecar");
    assertThat(r.pod().getSpec().getInitContainers().get(0).getEnv()).isEmpty();
    assertThat(r.pod().getSpec().getInitContainers().get(1).getEnv()).hasSize(2);
    assertThat(r.pod().getSpec().getContainers().get(1).getVolumeMounts()).isEmpty();
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', value = {
      "a,b|<a><b>",
      "a, b|<a>< b>",
      "\"a,b\",c|<a,b><c>",
      "a\"b|''",
      "\"a|''",
      "''|''",
  })
  void skipContainersIsReadAsOneCsvRecord(String value, String expected) {
    String names = PodIdentityWebhook.skipContainers(value).stream().map(n -> "<" + n + ">")
        .collect(java.util.stream.Collectors.joining());

    assertThat(names).isEqualTo(expected);
  }

  @Test
  void theWebhooksOwnTokenVolumeIsKeptAndContainersStillWired() {
    Pod pod = pod("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          volumes:
          - {name: data, emptyDir: {}}
          - name: aws-iam-token
            projected: {sources: [{serviceAccountToken: {audience: sts.amazonaws.com, expirationSeconds: 3600, path: token}}]}
          containers: [{name: app}]
        """);

    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(r.pod().getSpec().getVolumes()).extracting("name").containsExactly("data", "aws-iam-token");
    assertThat(r.pod().getSpec().getVolumes().get(1)).isEqualTo(pod.getSpec().getVolumes().get(1));
    assertThat(r.mutatedContainers()).containsExactly("app");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "emptyDir|{name: aws-iam-token, emptyDir: {}}",
      "other audience|{name: aws-iam-token, projected: {sources: [{serviceAccountToken: {audience: vault, path: token}}]}}",
      "other path|{name: aws-iam-token, projected: {sources: [{serviceAccountToken: {audience: sts.amazonaws.com, path: t}}]}}",
  })
  void aForeignVolumeWithTheReservedNameStopsMutation(String what, String volume) {
    Pod pod = pod("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          volumes: [%s]
          containers: [{name: app}]
        """.formatted(volume));

    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(r.mode()).isEqualTo(CredentialMode.NONE);
    assertThat(r.pod()).isSameAs(pod);
    assertThat(r.reason()).isEqualTo("volume aws-iam-token is reserved for the projected service-account token, but the "
        + "pod declares another volume with that name; not mutated");
  }

  @Test
  void newVolumeGoesFirst() {
    Pod pod = pod("""
        metadata: {name: app, namespace: payments}
        spec:
          serviceAccountName: api
          volumes: [{name: data, emptyDir: {}}]
          containers: [{name: app}]
        """);

    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(r.pod().getSpec().getVolumes()).extracting("name").containsExactly("aws-iam-token", "data");
  }

  @ParameterizedTest
  @CsvSource({"kubernetes.io/os", "beta.kubernetes.io/os"})
  void windowsNodeSelectorUsesAWindowsTokenPath(String label) {
    Pod pod = pod(SIMPLE_POD);
    pod.getSpec().setNodeSelector(Map.of(label, "windows"));

    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(env(r.pod().getSpec().getContainers().get(0)))
        .contains("AWS_WEB_IDENTITY_TOKEN_FILE=C:\\var\\run\\secrets\\eks.amazonaws.com\\serviceaccount\\token");
  }

  @Test
  void podIdentityAssociationWinsOverTheRoleAnnotation() {
    PodIdentityWebhook webhook = PodIdentityWebhook.builder()
        .podIdentityAssociation(ServiceAccountRef.of("payments", "api")).build();

    WebhookResult r = webhook.mutate(pod(SIMPLE_POD), sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(r.mode()).isEqualTo(CredentialMode.POD_IDENTITY);
    assertThat(r.pod().getMetadata().getLabels()).containsEntry("eks.amazonaws.com/pod-identity", "enabled");
    Container c = r.pod().getSpec().getContainers().get(0);
    assertThat(env(c)).containsExactly("AWS_CONTAINER_CREDENTIALS_FULL_URI=http://169.254.170.23/v1/credentials",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token");
    assertThat(Serialization.asJson(r.pod().getSpec().getVolumes().get(0))).isEqualTo("""
        {"name":"eks-pod-identity-token","projected":{"sources":[{"serviceAccountToken":{"audience":"pods.eks.amazonaws.com",\
        "expirationSeconds":86400,"path":"eks-pod-identity-token"}}]}}""");
  }

  @Test
  void defaultsToTheDefaultServiceAccountAndNamespace() {
    Pod pod = pod("""
        metadata: {name: app}
        spec: {containers: [{name: app}]}
        """);
    ServiceAccount sa = new ServiceAccountBuilder().withNewMetadata().withName("default").withNamespace("default")
        .addToAnnotations("eks.amazonaws.com/role-arn", ROLE).endMetadata().build();

    assertThat(PodIdentityWebhook.eks().mutate(pod, sa).mode()).isEqualTo(CredentialMode.IRSA);
  }

  @Test
  void rejectsAServiceAccountThatIsNotThePods() {
    assertThatThrownBy(() -> PodIdentityWebhook.eks().mutate(pod(SIMPLE_POD),
        new ServiceAccountBuilder().withNewMetadata().withNamespace("payments").withName("other").endMetadata().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service account payments/other is not the pod's: pod payments/app runs as payments/api");
  }

  @Test
  void mutatingTwiceChangesNothingMore() {
    PodIdentityWebhook webhook = PodIdentityWebhook.builder().region("us-west-2").stsRegionalEndpoints(true).build();
    ServiceAccount sa = sa("eks.amazonaws.com/role-arn", ROLE);
    Pod once = webhook.mutate(pod(SIMPLE_POD), sa).pod();

    WebhookResult twice = webhook.mutate(once, sa);

    assertThat(twice.changed()).isFalse();
    assertThat(twice.pod()).isEqualTo(once);
  }

  @Test
  void envVarsWithValueFromCountAsSet() {
    Pod pod = pod(SIMPLE_POD);
    pod.getSpec().getContainers().get(0).setEnv(List.of(new EnvVar("AWS_ROLE_ARN", null, null)));

    WebhookResult r = PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE));

    assertThat(r.pod().getSpec().getContainers().get(0).getEnv()).extracting("name").containsExactly("AWS_ROLE_ARN");
  }

  static final String NULL_ENTRY_POD_HEAD = """
      kind: Pod
      metadata: {name: app, namespace: payments}
      spec:
        serviceAccountName: api
      """;

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      containers: [null]                                                     | spec.containers[0]
      {initContainers: [{name: i}, null], containers: [{name: c}]}           | spec.initContainers[1]
      containers: [{name: c, env: [null, {value: v}]}]                       | spec.containers[0].env[0]
      containers: [{name: c, envFrom: [null, {secretRef: {name: s}}]}]       | spec.containers[0].envFrom[0]
      containers: [{name: c, volumeMounts: [null]}]                          | spec.containers[0].volumeMounts[0]
      {containers: [{name: c}], volumes: [null, {}]}                         | spec.volumes[0]
      {containers: [{name: c}], volumes: [{name: aws-iam-token, projected: {sources: [null, {}]}}]} | spec.volumes[0].projected.sources[0]
      """)
  void nullListEntriesAreRejectedByName(String spec, String path) {
    String yaml = NULL_ENTRY_POD_HEAD + "  " + (spec.startsWith("{") ? spec.substring(1, spec.length() - 1)
        .replace("], ", "]\n  ") : spec) + "\n";
    Pod pod = pod(yaml);

    assertThatThrownBy(() -> PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pod payments/app: " + path + " must not be null");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      containers: [{image: x}]                                    | spec.containers[0]
      {initContainers: [{name: ''}], containers: [{name: c}]}     | spec.initContainers[0]
      """)
  void aContainerWithoutANameIsRejectedByName(String spec, String path) {
    String yaml = NULL_ENTRY_POD_HEAD + "  " + (spec.startsWith("{") ? spec.substring(1, spec.length() - 1)
        .replace("], ", "]\n  ") : spec) + "\n";
    Pod pod = pod(yaml);

    assertThatThrownBy(() -> PodIdentityWebhook.eks().mutate(pod, sa("eks.amazonaws.com/role-arn", ROLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pod payments/app: " + path + ".name is required");
  }
}
