package dev.irsa.k8s.embedded;

import dev.irsa.k8s.internal.JwtSigner;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mock server in CRUD mode with irsa's dispatcher in front. Every reference to the
 * optional mock server lives here, so {@link EmbeddedCluster} loads and checks its dependencies
 * before this class is ever linked.
 */
final class MockApiServer {
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  MockApiServer(PodIdentityWebhook webhook, JwtSigner signer, TokenMinter minter, String issuer, boolean readyPods,
      ExecHandler exec, Clock clock) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
    EmbeddedDispatcher dispatcher = new EmbeddedDispatcher(crud, webhook, signer, minter, issuer, readyPods, exec, clock);
    this.server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
        dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    dispatcher.baseUrl(url());
    this.client = server.createClient();
  }

  KubernetesClient client() {
    return client;
  }

  String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  void close() {
    client.close();
    server.destroy();
  }
}
