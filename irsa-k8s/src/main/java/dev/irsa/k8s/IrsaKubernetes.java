package dev.irsa.k8s;

import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.webhook.PodInspector;
import dev.irsa.k8s.webhook.PodWiring;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The front door to IRSA on a cluster. The caller owns the client; nothing here closes it.
 *
 * <pre>{@code
 * IrsaKubernetes k8s = IrsaKubernetes.using(client);
 * k8s.serviceAccounts().ensure(ServiceAccountBinding.of(sa, role));
 * Pod pod = k8s.testPods().create(TestPod.awsCli(sa));
 * k8s.testPods().awaitReady(sa.namespace(), "aws-cli", Duration.ofMinutes(2));
 * PodWiring wiring = k8s.inspectPod(sa.namespace(), "aws-cli");
 * }</pre>
 */
public final class IrsaKubernetes {
  private final KubernetesClient client;
  private final Clock clock;

  private IrsaKubernetes(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** IRSA operations through {@code client} (not closed by irsa). */
  public static IrsaKubernetes using(KubernetesClient client) {
    return new IrsaKubernetes(Objects.requireNonNull(client, "client"), Clock.systemUTC());
  }

  /** As {@link #using(KubernetesClient)} with a clock for restart timestamps. */
  public static IrsaKubernetes using(KubernetesClient client, Clock clock) {
    return new IrsaKubernetes(Objects.requireNonNull(client, "client"), Objects.requireNonNull(clock, "clock"));
  }

  public KubernetesClient client() {
    return client;
  }

  public ServiceAccounts serviceAccounts() {
    return new ServiceAccounts(client);
  }

  public Workloads workloads() {
    return new Workloads(client, this, clock);
  }

  public TestPods testPods() {
    return new TestPods(client);
  }

  /**
   * Reads a pod and its service account and inspects the wiring; {@code envFrom} ConfigMaps and
   * Secrets are read for their key names only (values are never kept).
   *
   * @throws IllegalStateException when the pod does not exist
   */
  public PodWiring inspectPod(String namespace, String name) {
    Pod pod = client.pods().inNamespace(namespace).withName(name).get();
    if (pod == null) {
      throw new IllegalStateException("pod " + namespace + "/" + name + " not found");
    }
    String saName = pod.getSpec().getServiceAccountName() == null ? "default" : pod.getSpec().getServiceAccountName();
    ServiceAccount sa = client.serviceAccounts().inNamespace(namespace).withName(saName).get();
    return inspector(namespace).inspect(pod, sa);
  }

  PodInspector inspector(String namespace) {
    return PodInspector.withEnvFrom(source -> {
      try {
        if (source.getSecretRef() != null) {
          Secret s = client.secrets().inNamespace(namespace).withName(source.getSecretRef().getName()).get();
          return s == null ? Optional.empty() : Optional.of(keys(s.getData(), s.getStringData()));
        }
        if (source.getConfigMapRef() != null) {
          ConfigMap c = client.configMaps().inNamespace(namespace).withName(source.getConfigMapRef().getName()).get();
          return c == null ? Optional.empty() : Optional.of(keys(c.getData(), c.getBinaryData()));
        }
      } catch (KubernetesClientException e) {
        // not allowed to read it (RBAC): reported as unchecked
        return Optional.empty();
      }
      return Optional.empty();
    });
  }

  private static Set<String> keys(java.util.Map<String, String> a, java.util.Map<String, String> b) {
    Set<String> out = new HashSet<>();
    if (a != null) {
      out.addAll(a.keySet());
    }
    if (b != null) {
      out.addAll(b.keySet());
    }
    return out;
  }

  /**
   * Requests a token for the service account (TokenRequest API).
   *
   * @param audience e.g. {@link OidcProvider#DEFAULT_AUDIENCE}
   * @param lifetime at least 10 minutes (the API server's minimum)
   * @throws IllegalArgumentException when the lifetime is below 10 minutes
   * @throws KubernetesClientException from the API server (404 when the service account does not exist)
   */
  public ServiceAccountToken requestToken(ServiceAccountRef serviceAccount, String audience, Duration lifetime) {
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    Objects.requireNonNull(audience, "audience");
    if (lifetime.compareTo(Duration.ofMinutes(10)) < 0) {
      throw new IllegalArgumentException("token lifetime must be at least 10 minutes, got: " + TestPods.human(lifetime));
    }
    TokenRequest request = new TokenRequestBuilder().withNewSpec().withAudiences(audience)
        .withExpirationSeconds(lifetime.toSeconds()).endSpec().build();
    TokenRequest response = client.serviceAccounts().inNamespace(serviceAccount.namespace())
        .withName(serviceAccount.name()).tokenRequest(request);
    if (response == null || response.getStatus() == null || response.getStatus().getToken() == null) {
      throw new IllegalStateException("TokenRequest for " + serviceAccount + " returned no token");
    }
    String exp = response.getStatus().getExpirationTimestamp();
    List<String> auds = response.getSpec() != null && response.getSpec().getAudiences() != null
        && !response.getSpec().getAudiences().isEmpty() ? response.getSpec().getAudiences() : List.of(audience);
    return new ServiceAccountToken(serviceAccount, response.getStatus().getToken(), auds,
        exp == null ? null : Instant.parse(exp));
  }

  /**
   * The API server's OIDC discovery document ({@code GET /.well-known/openid-configuration}); its
   * {@code issuer} is what an IAM OIDC provider must be created for.
   *
   * @throws IllegalStateException when the API server does not serve it
   */
  public OidcDiscovery discoverIssuer() {
    String json = client.raw(client.getMasterUrl().toString().replaceAll("/+$", "") + "/.well-known/openid-configuration");
    if (json == null) {
      throw new IllegalStateException("the API server at " + client.getMasterUrl()
          + " does not serve /.well-known/openid-configuration");
    }
    return OidcDiscovery.parse(json);
  }

  @Override
  public String toString() {
    return "IrsaKubernetes{" + client.getMasterUrl() + "}";
  }
}
