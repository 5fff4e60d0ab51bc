package dev.irsa.k8s;

import dev.irsa.core.trust.ServiceAccountRef;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A pod for trying a service account's role by hand: by default the seed's aws-cli pod, image
 * {@code amazon/aws-cli} running {@code sleep 3600} under the service account.
 *
 * <pre>{@code
 * Pod pod = TestPod.awsCli(ServiceAccountRef.of("irsa-demo", "aws-cli")).toPod();
 * }</pre>
 */
@Value.Immutable
public abstract class TestPod {
  /** The seed's image. */
  public static final String AWS_CLI_IMAGE = "amazon/aws-cli";

  TestPod() {}

  /** The aws-cli pod named {@code aws-cli} under the service account, in its namespace. */
  public static TestPod awsCli(ServiceAccountRef serviceAccount) {
    return builder().serviceAccount(serviceAccount).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The service account the pod runs as; its namespace is the pod's. */
  public abstract ServiceAccountRef serviceAccount();

  @Value.Default
  public String name() {
    return "aws-cli";
  }

  @Value.Default
  public String image() {
    return AWS_CLI_IMAGE;
  }

  /** The container command (the aws-cli image's entrypoint is {@code aws}, so it is replaced). */
  @Value.Default
  public List<String> command() {
    return List.of("sleep", "3600");
  }

  public abstract Map<String, String> labels();

  public abstract Map<String, String> annotations();

  @Value.Check
  void check() {
    if (serviceAccount().isPattern()) {
      throw new IllegalArgumentException("service account must be a name, not a pattern, got: '" + serviceAccount() + "'");
    }
    dev.irsa.core.trust.ServiceAccountRef.of(serviceAccount().namespace(), name());
  }

  public String namespace() {
    return serviceAccount().namespace();
  }

  /** The pod manifest, one container named like the pod, {@code restartPolicy: Never}. */
  public Pod toPod() {
    return new PodBuilder().withNewMetadata().withNamespace(namespace()).withName(name())
        .withLabels(labels()).withAnnotations(annotations()).addToLabels("app.kubernetes.io/name", name())
        .addToLabels(EksAnnotations.MANAGED_BY_LABEL, EksAnnotations.MANAGED_BY_VALUE).endMetadata()
        .withNewSpec().withServiceAccountName(serviceAccount().name()).withRestartPolicy("Never")
        .addNewContainer().withName(name()).withImage(image()).withCommand(command()).endContainer()
        .endSpec().build();
  }

  @Override
  public String toString() {
    return "TestPod{" + namespace() + "/" + name() + ", " + image() + ", sa=" + serviceAccount().name() + "}";
  }

  /**
   * Builds a {@link TestPod}.
   *
   * @throws IllegalStateException from {@code build()} when the service account is missing
   * @throws IllegalArgumentException from {@code build()} when the name is not a DNS-1123 subdomain
   */
  public static final class Builder extends ImmutableTestPod.Builder {}
}
