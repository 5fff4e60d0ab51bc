/**
 * The EKS pod identity webhook as a pure function ({@link dev.irsa.k8s.webhook.PodIdentityWebhook}),
 * and its reverse: reading a pod's IRSA wiring ({@link dev.irsa.k8s.webhook.PodInspector}).
 */
package dev.irsa.k8s.webhook;
