package dev.irsa.k8s.embedded;

import dev.irsa.core.internal.OptionalDependency;
import dev.irsa.core.internal.Quote;
import dev.irsa.k8s.internal.JwtSigner;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API server for demos and tests, started from plain code on loopback: fabric8's mock
 * server in CRUD mode plus what IRSA needs from a real EKS control plane.
 *
 * <ul>
 *   <li>pods are passed through {@link PodIdentityWebhook} on create (against the stored service
 *       account) and, by default, reported Running and Ready at once;
 *   <li>{@code POST .../serviceaccounts/NAME/token} (TokenRequest) answers RS256 JWTs signed with a
 *       key generated at start, for the configured issuer;
 *   <li>{@code /.well-known/openid-configuration} and {@code /openid/v1/jwks} serve the issuer and key;
 *   <li>pod exec is answered by an {@link ExecHandler}.
 * </ul>
 *
 * What it is not: no scheduler, kubelet, controllers (deployments do not create pods, deleted pods
 * are not recreated), RBAC, admission other than the webhook, strategic-merge patch or server-side
 * apply. The client from {@link #client()} belongs to the cluster and is closed with it.
 *
 * <pre>{@code
 * try (EmbeddedCluster cluster = EmbeddedCluster.builder().issuer(issuerUrl).start()) {
 *   KubernetesClient client = cluster.client();
 *   ...
 * }
 * }</pre>
 */
public final class EmbeddedCluster implements AutoCloseable {
  /** The issuer used when none is configured (the EKS documentation's example cluster). */
  public static final String DEFAULT_ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final Logger MOCK_LOGGER = Logger.getLogger("io.fabric8.mockwebserver");
  private static final Logger VERTX_LOGGER = Logger.getLogger("io.vertx");

  private final MockApiServer server;
  private final JwtSigner signer;
  private final String issuer;

  private EmbeddedCluster(Builder b) {
    MOCK_LOGGER.setLevel(b.quiet ? Level.WARNING : null);
    // vert.x warns about a "blocked" event loop whenever a loaded machine is slow to answer
    VERTX_LOGGER.setLevel(b.quiet ? Level.SEVERE : null);
    this.signer = JwtSigner.generate();
    this.issuer = b.issuer;
    TokenMinter minter = new TokenMinter(signer, issuer, b.clock);
    this.server = new MockApiServer(b.webhook, signer, minter, issuer, b.readyPods,
        b.execHandler.orElse(new DefaultExecHandler(minter)).orElse(DefaultExecHandler::notFound), b.clock);
  }

  /**
   * A builder for a cluster.
   *
   * @throws IllegalStateException when an optional dependency the embedded cluster needs is not on the
   *     class path: {@code io.fabric8:kubernetes-server-mock}, {@code io.fabric8:kubernetes-client}, or
   *     an HTTP client for fabric8 such as {@code io.fabric8:kubernetes-httpclient-jdk}
   */
  public static Builder builder() {
    checkDependencies(EmbeddedCluster.class.getClassLoader());
    return new Builder();
  }

  /**
   * A cluster with the defaults: EKS webhook without region, ready pods, the default exec handler.
   *
   * @throws IllegalStateException when an optional dependency is missing (see {@link #builder()})
   */
  public static EmbeddedCluster start() {
    return builder().start();
  }

  /** A client for this cluster; owned by the cluster (closed by {@link #close()}). */
  public KubernetesClient client() {
    return server.client();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI url() {
    return URI.create(server.url());
  }

  /** The OIDC issuer put into tokens' {@code iss}. */
  public String issuer() {
    return issuer;
  }

  /** The public half of the token signing key. */
  public RSAPublicKey signingKey() {
    return signer.publicKey();
  }

  /** The JWKS document served at {@code /openid/v1/jwks}. */
  public String jwks() {
    return signer.jwks();
  }

  /** True when {@code jwt} carries a valid signature from this cluster's key. */
  public boolean verifySignature(String jwt) {
    return signer.verify(jwt);
  }

  /** Closes the client and stops the server. */
  @Override
  public void close() {
    server.close();
  }

  /** The front-door check: each optional artifact the embedded cluster needs, named when missing. */
  static void checkDependencies(ClassLoader loader) {
    OptionalDependency.require("EmbeddedCluster", "io.fabric8:kubernetes-server-mock", "irsa-k8s",
        "io.fabric8.kubernetes.client.server.mock.KubernetesMockServer", loader);
    OptionalDependency.require("EmbeddedCluster", "io.fabric8:mockwebserver (a dependency of kubernetes-server-mock)",
        "irsa-k8s", "io.fabric8.mockwebserver.MockWebServer", loader);
    OptionalDependency.require("EmbeddedCluster", "io.fabric8:kubernetes-client", "irsa-k8s",
        "io.fabric8.kubernetes.client.impl.KubernetesClientImpl", loader);
    if (!hasHttpClient(loader)) {
      throw new IllegalStateException("EmbeddedCluster needs an HTTP client for fabric8 on the class path, such as "
          + "io.fabric8:kubernetes-httpclient-jdk: irsa-k8s declares it optional, add it to your build");
    }
  }

  private static boolean hasHttpClient(ClassLoader loader) {
    Iterator<HttpClient.Factory> factories = ServiceLoader.load(HttpClient.Factory.class, loader).iterator();
    while (true) {
      try {
        if (!factories.hasNext()) {
          return false;
        }
        factories.next();
        return true;
      } catch (ServiceConfigurationError e) {
        // a listed provider that cannot be loaded: try the next one
      }
    }
  }

  @Override
  public String toString() {
    return "EmbeddedCluster{" + url() + ", issuer=" + issuer + "}";
  }

  /** Configures an {@link EmbeddedCluster}. */
  public static final class Builder {
    private String issuer = DEFAULT_ISSUER;
    private PodIdentityWebhook webhook = PodIdentityWebhook.eks();
    private boolean readyPods = true;
    private boolean quiet = true;
    private ExecHandler execHandler = r -> null;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The issuer URL for tokens and discovery.
     *
     * @throws IllegalArgumentException when not an https URL
     */
    public Builder issuer(String issuer) {
      Objects.requireNonNull(issuer, "issuer");
      if (!issuer.startsWith("https://") || issuer.length() == "https://".length()) {
        throw new IllegalArgumentException("issuer must be an https URL, got: " + Quote.single(issuer));
      }
      this.issuer = issuer;
      return this;
    }

    /** The webhook applied to pods on create (default {@link PodIdentityWebhook#eks()}). */
    public Builder webhook(PodIdentityWebhook webhook) {
      this.webhook = Objects.requireNonNull(webhook, "webhook");
      return this;
    }

    /** Whether created pods are reported Running and Ready at once (default true). */
    public Builder readyPods(boolean ready) {
      this.readyPods = ready;
      return this;
    }

    /**
     * Whether the mock server's per-request INFO logging is turned down to WARNING, and vert.x's to
     * SEVERE (default true). The levels are JVM-wide: the last cluster started decides.
     */
    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    /** Answers pod exec; commands it returns {@code null} for fall back to the default handler. */
    public Builder execHandler(ExecHandler handler) {
      this.execHandler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** The clock for token {@code iat}/{@code exp} (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Starts the server on a free loopback port (1–3 s). */
    public EmbeddedCluster start() {
      return new EmbeddedCluster(this);
    }
  }
}
