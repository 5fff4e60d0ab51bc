package dev.irsa.k8s.embedded;

import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.k8s.ExecResult;
import dev.irsa.k8s.internal.JwtSigner;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes the requests the CRUD mock cannot answer as EKS would, and hands the rest to it. */
final class EmbeddedDispatcher extends Dispatcher {
  private static final Pattern CREATE_POD = Pattern.compile("/api/v1/namespaces/([^/?]+)/pods/?(\\?.*)?");
  private static final Pattern TOKEN = Pattern.compile("/api/v1/namespaces/([^/?]+)/serviceaccounts/([^/?]+)/token/?(\\?.*)?");
  private static final Pattern EXEC = Pattern.compile("/api/v1/namespaces/([^/?]+)/pods/([^/?]+)/exec\\?(.*)");

  private final Dispatcher crud;
  private final PodIdentityWebhook webhook;
  private final JwtSigner signer;
  private final TokenMinter minter;
  private final String issuer;
  private final boolean readyPods;
  private final ExecHandler exec;
  private final Clock clock;
  private final AtomicInteger podIps = new AtomicInteger(10);
  private volatile String baseUrl = "";

  EmbeddedDispatcher(Dispatcher crud, PodIdentityWebhook webhook, JwtSigner signer, TokenMinter minter, String issuer,
      boolean readyPods, ExecHandler exec, Clock clock) {
    this.crud = crud;
    this.webhook = webhook;
    this.signer = signer;
    this.minter = minter;
    this.issuer = issuer;
    this.readyPods = readyPods;
    this.exec = exec;
    this.clock = clock;
  }

  void baseUrl(String url) {
    this.baseUrl = url;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    HttpMethod method = request.method();
    if (method == HttpMethod.GET && path.equals("/.well-known/openid-configuration")) {
      return json(200, discovery());
    }
    if (method == HttpMethod.GET && path.equals("/openid/v1/jwks")) {
      return json(200, signer.jwks());
    }
    Matcher m;
    if (method == HttpMethod.POST && (m = TOKEN.matcher(path)).matches()) {
      return tokenRequest(m.group(1), m.group(2), request);
    }
    if (method == HttpMethod.POST && (m = CREATE_POD.matcher(path)).matches()) {
      return createPod(m.group(1), request);
    }
    if (method == HttpMethod.GET && (m = EXEC.matcher(path)).matches()) {
      return exec(m.group(1), m.group(2), m.group(3));
    }
    return crud.dispatch(request);
  }

  private String discovery() {
    return new JsonWriter(false).beginObject().name("issuer").value(issuer)
        .name("jwks_uri").value(baseUrl + "/openid/v1/jwks")
        .name("response_types_supported").beginArray().value("id_token").endArray()
        .name("subject_types_supported").beginArray().value("public").endArray()
        .name("id_token_signing_alg_values_supported").beginArray().value("RS256").endArray()
        .endObject().toString();
  }

  private MockResponse tokenRequest(String ns, String name, RecordedRequest request) {
    String sa = get("/api/v1/namespaces/" + ns + "/serviceaccounts/" + name);
    if (sa == null) {
      return status(404, "NotFound", "serviceaccounts \"" + name + "\" not found");
    }
    ServiceAccount account = Serialization.unmarshal(sa, ServiceAccount.class);
    TokenRequest in;
    try {
      in = Serialization.unmarshal(request.getUtf8Body(), TokenRequest.class);
    } catch (RuntimeException e) {
      return status(400, "BadRequest", "cannot read TokenRequest: " + e.getMessage());
    }
    long seconds = in.getSpec() == null || in.getSpec().getExpirationSeconds() == null ? 3600 : in.getSpec().getExpirationSeconds();
    if (seconds < 600) {
      return status(422, "Invalid", "TokenRequest.authentication.k8s.io \"" + name + "\" is invalid: "
          + "spec.expirationSeconds: Invalid value: " + seconds + ": may not specify a duration less than 10 minutes");
    }
    List<String> audiences = in.getSpec() == null || in.getSpec().getAudiences() == null || in.getSpec().getAudiences().isEmpty()
        ? List.of("https://kubernetes.default.svc") : in.getSpec().getAudiences();
    TokenMinter.Minted t = minter.mint(ns, name, account.getMetadata().getUid(), audiences, seconds, null, null);
    TokenRequest out = new TokenRequestBuilder().withApiVersion("authentication.k8s.io/v1").withKind("TokenRequest")
        .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpecLike(in.getSpec()).withAudiences(audiences).withExpirationSeconds(seconds).endSpec()
        .withNewStatus().withToken(t.jwt()).withExpirationTimestamp(DateTimeFormatter.ISO_INSTANT.format(t.expiresAt()))
        .endStatus().build();
    return json(201, Serialization.asJson(out));
  }

  private MockResponse createPod(String ns, RecordedRequest request) {
    Pod pod;
    try {
      pod = Serialization.unmarshal(request.getUtf8Body(), Pod.class);
    } catch (RuntimeException e) {
      return crud.dispatch(request);
    }
    if (pod.getMetadata() == null || pod.getSpec() == null) {
      return crud.dispatch(request);
    }
    pod.getMetadata().setNamespace(ns);
    if (pod.getSpec().getServiceAccountName() == null || pod.getSpec().getServiceAccountName().isEmpty()) {
      pod.getSpec().setServiceAccountName("default");
    }
    String saJson = get("/api/v1/namespaces/" + ns + "/serviceaccounts/" + pod.getSpec().getServiceAccountName());
    ServiceAccount sa = saJson == null ? null : Serialization.unmarshal(saJson, ServiceAccount.class);
    Pod mutated = webhook.mutate(pod, sa).pod();
    if (readyPods) {
      mutated = ready(mutated);
    }
    RecordedRequest forwarded = new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
        request.getHeaders(), new Buffer(Serialization.asJson(mutated).getBytes(StandardCharsets.UTF_8)));
    return crud.dispatch(forwarded);
  }

  private Pod ready(Pod pod) {
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    List<io.fabric8.kubernetes.api.model.ContainerStatus> statuses = new ArrayList<>();
    pod.getSpec().getContainers().forEach(c -> statuses.add(new ContainerStatusBuilder().withName(c.getName())
        .withImage(c.getImage()).withReady(true).withStarted(true).withRestartCount(0)
        .withNewState().withNewRunning().withStartedAt(now).endRunning().endState().build()));
    int ip = podIps.getAndIncrement();
    pod.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP("10.0." + (ip / 250) + "." + (ip % 250 + 2))
        .withHostIP("192.168.0.10").withStartTime(now)
        .withConditions(
            new PodConditionBuilder().withType("PodScheduled").withStatus("True").withLastTransitionTime(now).build(),
            new PodConditionBuilder().withType("Initialized").withStatus("True").withLastTransitionTime(now).build(),
            new PodConditionBuilder().withType("ContainersReady").withStatus("True").withLastTransitionTime(now).build(),
            new PodConditionBuilder().withType("Ready").withStatus("True").withLastTransitionTime(now).build())
        .withContainerStatuses(statuses).build());
    return pod;
  }

  private MockResponse exec(String ns, String name, String query) {
    String podJson = get("/api/v1/namespaces/" + ns + "/pods/" + name);
    if (podJson == null) {
      return status(404, "NotFound", "pods \"" + name + "\" not found");
    }
    Pod pod = Serialization.unmarshal(podJson, Pod.class);
    List<String> command = new ArrayList<>();
    String container = null;
    for (String param : query.split("&")) {
      int eq = param.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = URLDecoder.decode(param.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
      if (key.equals("command")) {
        command.add(value);
      } else if (key.equals("container")) {
        container = value;
      }
    }
    if (container == null) {
      container = pod.getSpec().getContainers().get(0).getName();
    }
    ExecResult result = exec.exec(new ExecRequest(pod, container, command));
    return new MockResponse().withWebSocketUpgrade(new ExecStreams(result));
  }

  /** Streams an exec result over the v4.channel.k8s.io protocol: 1 stdout, 2 stderr, 3 status. */
  private static final class ExecStreams extends WebSocketListener {
    private final ExecResult result;

    ExecStreams(ExecResult result) {
      this.result = result;
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
      if (!result.stdout().isEmpty()) {
        ws.send(frame(1, result.stdout()));
      }
      if (!result.stderr().isEmpty()) {
        ws.send(frame(2, result.stderr()));
      }
      ws.send(frame(3, statusJson(result.exitCode())));
      ws.close(1000, "");
    }

    private static byte[] frame(int channel, String text) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[body.length + 1];
      out[0] = (byte) channel;
      System.arraycopy(body, 0, out, 1, body.length);
      return out;
    }

    private static String statusJson(int exitCode) {
      JsonWriter w = new JsonWriter(false).beginObject().name("metadata").beginObject().endObject();
      if (exitCode == 0) {
        return w.name("status").value("Success").endObject().toString();
      }
      return w.name("status").value("Failure")
          .name("message").value("command terminated with non-zero exit code: error executing command, exit code " + exitCode)
          .name("reason").value("NonZeroExitCode")
          .name("details").beginObject().name("causes").beginArray().beginObject()
          .name("reason").value("ExitCode").name("message").value(Integer.toString(exitCode))
          .endObject().endArray().endObject().endObject().toString();
    }
  }

  private String get(String path) {
    MockResponse r = crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, path, Headers.builder().build(), new Buffer()));
    return r.code() == 200 ? r.getBody().readUtf8() : null;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  private static MockResponse status(int code, String reason, String message) {
    String body = new JsonWriter(false).beginObject().name("apiVersion").value("v1").name("kind").value("Status")
        .name("metadata").beginObject().endObject().name("status").value("Failure").name("message").value(message)
        .name("reason").value(reason).name("code").raw(Integer.toString(code)).endObject().toString();
    return json(code, body);
  }
}
