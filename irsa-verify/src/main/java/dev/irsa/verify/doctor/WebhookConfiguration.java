package dev.irsa.verify.doctor;

import java.util.List;
import java.util.Objects;

/** A MutatingWebhookConfiguration: its name and the names of its webhooks. */
public record WebhookConfiguration(String name, List<String> webhooks) {
  /** The configuration EKS installs for the pod identity webhook. */
  public static final String EKS_CONFIGURATION = "pod-identity-webhook";
  /** The webhook's name inside it. */
  public static final String EKS_WEBHOOK = "iam-for-pods.amazonaws.com";

  public WebhookConfiguration {
    Objects.requireNonNull(name, "name");
    webhooks = List.copyOf(webhooks);
  }

  /** True for the EKS pod identity webhook (by configuration or webhook name). */
  public boolean isPodIdentityWebhook() {
    return name.equals(EKS_CONFIGURATION) || webhooks.contains(EKS_WEBHOOK);
  }
}
