package dev.irsa.k8s.webhook;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What {@link PodIdentityWebhook#mutate} did to a pod, and the pod as stored. */
public final class WebhookResult {
  private final Pod pod;
  private final CredentialMode mode;
  private final boolean changed;
  private final String roleArn;
  private final String audience;
  private final Long expirationSeconds;
  private final List<String> mutatedContainers;
  private final List<String> skippedContainers;
  private final String reason;

  WebhookResult(Pod pod, CredentialMode mode, boolean changed, String roleArn, String audience,
      Long expirationSeconds, List<String> mutatedContainers, List<String> skippedContainers, String reason) {
    this.pod = pod;
    this.mode = mode;
    this.changed = changed;
    this.roleArn = roleArn;
    this.audience = audience;
    this.expirationSeconds = expirationSeconds;
    this.mutatedContainers = mutatedContainers;
    this.skippedContainers = skippedContainers;
    this.reason = reason;
  }

  /** The pod as the API server would store it (the input pod itself when nothing changed). */
  public Pod pod() {
    return pod;
  }

  public CredentialMode mode() {
    return mode;
  }

  /** True when the webhook added anything. */
  public boolean changed() {
    return changed;
  }

  /** The role from the service account annotation (IRSA only). */
  public Optional<String> roleArn() {
    return Optional.ofNullable(roleArn);
  }

  /** The projected token's audience. */
  public Optional<String> audience() {
    return Optional.ofNullable(audience);
  }

  /** The projected token's lifetime. */
  public OptionalLong tokenExpirationSeconds() {
    return expirationSeconds == null ? OptionalLong.empty() : OptionalLong.of(expirationSeconds);
  }

  /** Containers (init containers first) that got variables or a mount. */
  public List<String> mutatedContainers() {
    return mutatedContainers;
  }

  /** Containers left alone because the pod's skip-containers annotation names them. */
  public List<String> skippedContainers() {
    return skippedContainers;
  }

  /** One line: why the pod was or was not mutated. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "WebhookResult{" + mode + ", changed=" + changed + ", " + reason + "}";
  }
}
