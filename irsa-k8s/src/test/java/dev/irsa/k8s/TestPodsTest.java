package dev.irsa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.trust.ServiceAccountRef;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.ErrorStreamMessage;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class TestPodsTest {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @Test
  void theAwsCliPodFromTheSeed() {
    Pod pod = TestPod.awsCli(ServiceAccountRef.of("irsa-demo", "aws-cli")).toPod();

    assertThat(pod.getMetadata().getNamespace()).isEqualTo("irsa-demo");
    assertThat(pod.getMetadata().getName()).isEqualTo("aws-cli");
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("aws-cli");
    assertThat(pod.getSpec().getContainers()).singleElement().satisfies(c -> {
      assertThat(c.getImage()).isEqualTo("amazon/aws-cli");
      assertThat(c.getCommand()).containsExactly("sleep", "3600");
    });
  }

  @Test
  void createWaitAndDelete() {
    TestPods pods = IrsaKubernetes.using(client).testPods();
    pods.create(TestPod.builder().serviceAccount(ServiceAccountRef.of("ready", "app")).name("probe").build());
    // the mock server has no kubelet: report the pod ready as one would
    client.pods().inNamespace("ready").withName("probe").editStatus(p -> new PodBuilder(p).withNewStatus()
        .withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build());

    Pod ready = pods.awaitReady("ready", "probe", Duration.ofSeconds(5));

    assertThat(ready.getStatus().getPhase()).isEqualTo("Running");
    assertThat(pods.delete("ready", "probe")).isTrue();
    assertThat(pods.delete("ready", "probe")).isFalse();
  }

  @Test
  void aPodThatNeverGetsReadyTimesOutNamingItsStatusAndEvents() {
    // Given a pod stuck pulling its image, with the kubelet's events
    TestPods pods = IrsaKubernetes.using(client).testPods();
    pods.create(TestPod.builder().serviceAccount(ServiceAccountRef.of("stuck", "app")).image("amazon/aws-cli:nope").build());
    client.pods().inNamespace("stuck").withName("aws-cli").editStatus(p -> new PodBuilder(p).withNewStatus()
        .withPhase("Pending")
        .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady")
        .withMessage("containers with unready status: [aws-cli]").endCondition()
        .addNewContainerStatus().withName("aws-cli").withNewState().withNewWaiting().withReason("ImagePullBackOff")
        .withMessage("Back-off pulling image \"amazon/aws-cli:nope\"").endWaiting().endState().endContainerStatus()
        .endStatus().build());
    client.v1().events().inNamespace("stuck").resource(new EventBuilder().withNewMetadata().withName("aws-cli.1")
        .endMetadata().withNewInvolvedObject().withKind("Pod").withName("aws-cli").withNamespace("stuck")
        .endInvolvedObject().withType("Warning").withReason("Failed")
        .withMessage("Failed to pull image \"amazon/aws-cli:nope\": not found").withLastTimestamp("2026-01-01T00:00:00Z")
        .build()).create();

    // When waiting for it, Then the error says why
    assertThatThrownBy(() -> pods.awaitReady("stuck", "aws-cli", Duration.ofMillis(1500)))
        .isInstanceOf(PodNotReadyException.class)
        .hasMessage("pod stuck/aws-cli not Ready after 1500ms: phase Pending; container aws-cli waiting: "
            + "ImagePullBackOff (Back-off pulling image \"amazon/aws-cli:nope\"); Ready=False (ContainersNotReady: "
            + "containers with unready status: [aws-cli]); events: [Warning Failed: Failed to pull image "
            + "\"amazon/aws-cli:nope\": not found]");
  }

  @Test
  void aMissingPodTimesOutSayingSo() {
    assertThatThrownBy(() -> IrsaKubernetes.using(client).testPods().awaitReady("nowhere", "ghost", Duration.ofSeconds(1)))
        .isInstanceOf(PodNotReadyException.class)
        .hasMessage("pod nowhere/ghost not Ready after 1s: pod not found");
  }

  @Test
  void aFailedPodStopsTheWaitAtOnce() {
    TestPods pods = IrsaKubernetes.using(client).testPods();
    pods.create(TestPod.builder().serviceAccount(ServiceAccountRef.of("failed", "app")).build());
    client.pods().inNamespace("failed").withName("aws-cli").editStatus(p -> new PodBuilder(p).withNewStatus()
        .withPhase("Failed").addNewContainerStatus().withName("aws-cli").withNewState().withNewTerminated()
        .withReason("Error").withExitCode(2).endTerminated().endState().endContainerStatus().endStatus().build());

    assertThatThrownBy(() -> pods.awaitReady("failed", "aws-cli", Duration.ofMinutes(5)))
        .hasMessage("pod failed/aws-cli finished without becoming Ready: phase Failed; container aws-cli "
            + "terminated: Error, exit code 2; no events");
  }

  @Test
  void execCapturesStdoutStderrAndTheExitCode() throws Exception {
    // Given a running pod and the API server's exec answer (CRUD mode cannot exec)
    TestPods pods = IrsaKubernetes.using(client).testPods();
    pods.create(TestPod.builder().serviceAccount(ServiceAccountRef.of("exec", "app")).build());
    client.pods().inNamespace("exec").withName("aws-cli").editStatus(p -> new PodBuilder(p).withNewStatus()
        .withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build());
    server.expect().get().withPath("/api/v1/namespaces/exec/pods/aws-cli/exec?command=aws&command=sts"
            + "&command=get-caller-identity&container=aws-cli&stdout=true&stderr=true")
        .andUpgradeToWebSocket().open(new OutputStreamMessage("{\"Account\": \"111122223333\"}\n"),
            new StatusMessage(0)).done().once();
    server.expect().get().withPath("/api/v1/namespaces/exec/pods/aws-cli/exec?command=aws&command=s3&command=rm"
            + "&command=s3%3A%2F%2Fb%2Fk&container=aws-cli&stdout=true&stderr=true")
        .andUpgradeToWebSocket().open(new ErrorStreamMessage("delete failed: AccessDenied\n"),
            new StatusMessage(new StatusBuilder().withStatus("Failure").withReason("NonZeroExitCode")
                .withNewDetails().addNewCause().withReason("ExitCode").withMessage("1").endCause().endDetails().build()))
        .done().once();

    ExecResult ok = pods.exec("exec", "aws-cli", null, Duration.ofSeconds(10), "aws", "sts", "get-caller-identity");
    ExecResult denied = pods.exec("exec", "aws-cli", "aws-cli", Duration.ofSeconds(10), "aws", "s3", "rm", "s3://b/k");

    assertThat(ok).isEqualTo(new ExecResult(0, "{\"Account\": \"111122223333\"}\n", ""));
    assertThat(denied).isEqualTo(new ExecResult(1, "", "delete failed: AccessDenied\n"));
    assertThat(ok.toString()).isEqualTo("ExecResult{exit=0, stdout=28 chars, stderr=0 chars}");
  }
}
