/**
 * Kubernetes for IRSA on fabric8's client API: service accounts, pods, the EKS pod identity
 * webhook, tokens, and an embedded cluster.
 *
 * <p>fabric8 8.0.0 jars carry no {@code Automatic-Module-Name}, so their module names are derived
 * from the jar names ({@code kubernetes.client.api}, {@code kubernetes.model.core}, ...). The mock
 * server is optional ({@code requires static}): only {@link dev.irsa.k8s.embedded} needs it, and
 * {@link dev.irsa.k8s.embedded.EmbeddedCluster} says which artifact is missing when it is absent.
 */
@SuppressWarnings({"module", "requires-automatic", "requires-transitive-automatic"})
module dev.irsa.k8s {
  requires transitive dev.irsa.core;
  requires transitive kubernetes.client.api;
  requires transitive kubernetes.model.core;
  requires kubernetes.model.apps;                      // ReplicaSet (rollout restarts)
  requires kubernetes.model.admissionregistration;     // TokenRequest lives in this jar
  requires kubernetes.model.batch;                     // Job (owners of pods to restart)
  requires static org.immutables.value;
  // dev.irsa.k8s.embedded: io.fabric8:kubernetes-server-mock (and kubernetes-client), the application's choice.
  requires static kubernetes.server.mock;
  requires static mockwebserver;
  requires static tools.jackson.databind;              // the mock server's JSON mapper (fabric8's Serialization)
  requires java.logging;
  // dev.irsa.k8s.migrate (IRSA to Pod Identity): software.amazon.awssdk:iam and :eks, the application's choice.
  requires static software.amazon.awssdk.services.iam;
  requires static software.amazon.awssdk.services.eks;
  requires static software.amazon.awssdk.awscore;
  requires static software.amazon.awssdk.core;
  // EmbeddedCluster's front-door check looks for an HTTP client implementation the way fabric8 does.
  uses io.fabric8.kubernetes.client.http.HttpClient.Factory;

  exports dev.irsa.k8s;
  exports dev.irsa.k8s.embedded;
  exports dev.irsa.k8s.migrate;
  exports dev.irsa.k8s.webhook;
}
