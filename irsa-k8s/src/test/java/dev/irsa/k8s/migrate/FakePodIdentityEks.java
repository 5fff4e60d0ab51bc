package dev.irsa.k8s.migrate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * A small HTTP fake of the four EKS Pod Identity association operations moto does not implement
 * (Create, List, Describe, Delete), speaking the REST-JSON shapes of the EKS API reference so that the
 * real SDK client talks to it: {@code POST|GET /clusters/{name}/pod-identity-associations} and
 * {@code GET|DELETE /clusters/{name}/pod-identity-associations/{associationId}}, errors as
 * {@code x-amzn-ErrorType} with a JSON {@code message}. List pages hold two associations, so the
 * SDK's paginator is exercised. Loopback only. Can fail the N-th request once, before or after acting.
 */
public final class FakePodIdentityEks implements AutoCloseable {
  static final String ACCOUNT = "123456789012";

  public record Association(String cluster, String namespace, String serviceAccount, String roleArn, String id) {}

  enum Fault { BEFORE, AFTER }

  private final HttpServer server;
  private final Map<String, Association> byId = new LinkedHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger creates = new AtomicInteger();
  private volatile int failAt;
  private volatile Fault fault;

  public FakePodIdentityEks() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/clusters/", this::handle);
    server.start();
  }

  EksClient client() {
    return EksClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  public synchronized List<Association> associations() {
    return new ArrayList<>(byId.values());
  }

  synchronized void put(String cluster, String namespace, String serviceAccount, String roleArn) {
    String id = "a-" + UUID.randomUUID().toString().replace("-", "").substring(0, 17);
    byId.put(id, new Association(cluster, namespace, serviceAccount, roleArn, id));
  }

  synchronized void clear() {
    byId.clear();
    requests.set(0);
    creates.set(0);
    failAt = 0;
  }

  /** Fails the {@code n}-th request from now (1-based) once. */
  void failRequest(int n, Fault f) {
    requests.set(0);
    failAt = n;
    fault = f;
  }

  int requests() {
    return requests.get();
  }

  int creates() {
    return creates.get();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      int n = requests.incrementAndGet();
      boolean fail = n == failAt;
      if (fail && fault == Fault.BEFORE) {
        failAt = 0;
        error(x, 500, "ServerException", "injected fault before request " + n);
        return;
      }
      Response r = route(x);
      if (fail) {
        failAt = 0;
        error(x, 500, "ServerException", "injected fault after request " + n + " was done");
        return;
      }
      send(x, r.status, r.errorType, r.body);
    }
  }

  private record Response(int status, String errorType, String body) {}

  private synchronized Response route(HttpExchange x) throws IOException {
    String[] path = x.getRequestURI().getPath().split("/");
    // "", "clusters", name, "pod-identity-associations", [id]
    if (path.length < 4 || !path[3].equals("pod-identity-associations")) {
      return new Response(404, "ResourceNotFoundException", message("No such operation"));
    }
    String cluster = path[2];
    String method = x.getRequestMethod();
    if (path.length == 4 && method.equals("POST")) {
      return create(cluster, (JsonNode.Obj) JsonParser.parse(new String(x.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8)));
    }
    if (path.length == 4 && method.equals("GET")) {
      return list(cluster, query(x.getRequestURI().getRawQuery()));
    }
    Association a = byId.get(path.length == 5 ? path[4] : "");
    if (a == null || !a.cluster().equals(cluster)) {
      return new Response(404, "ResourceNotFoundException", message("Association not found"));
    }
    if (method.equals("DELETE")) {
      byId.remove(a.id());
    }
    return new Response(200, null, new JsonWriter(false).beginObject().name("association").raw(full(a)).endObject()
        .toString());
  }

  private Response create(String cluster, JsonNode.Obj body) {
    String ns = ((JsonNode.Str) body.get("namespace")).value();
    String sa = ((JsonNode.Str) body.get("serviceAccount")).value();
    String role = ((JsonNode.Str) body.get("roleArn")).value();
    for (Association a : byId.values()) {
      if (a.cluster().equals(cluster) && a.namespace().equals(ns) && a.serviceAccount().equals(sa)) {
        return new Response(409, "ResourceInUseException", message("Association already exists: " + a.id()));
      }
    }
    creates.incrementAndGet();
    put(cluster, ns, sa, role);
    Association a = byId.values().stream().reduce((p, q) -> q).orElseThrow();
    return new Response(200, null, new JsonWriter(false).beginObject().name("association").raw(full(a)).endObject()
        .toString());
  }

  private Response list(String cluster, Map<String, String> q) {
    List<Association> match = new ArrayList<>();
    for (Association a : byId.values()) {
      if (a.cluster().equals(cluster) && (!q.containsKey("namespace") || q.get("namespace").equals(a.namespace()))
          && (!q.containsKey("serviceAccount") || q.get("serviceAccount").equals(a.serviceAccount()))) {
        match.add(a);
      }
    }
    int from = q.containsKey("nextToken") ? Integer.parseInt(q.get("nextToken")) : 0;
    int to = Math.min(match.size(), from + 2);
    JsonWriter w = new JsonWriter(false).beginObject().name("associations").beginArray();
    for (Association a : match.subList(from, to)) {
      w.beginObject().name("clusterName").value(a.cluster()).name("namespace").value(a.namespace())
          .name("serviceAccount").value(a.serviceAccount()).name("associationArn").value(arn(a))
          .name("associationId").value(a.id()).endObject();
    }
    w.endArray();
    if (to < match.size()) {
      w.name("nextToken").value(Integer.toString(to));
    }
    return new Response(200, null, w.endObject().toString());
  }

  private static String full(Association a) {
    return new JsonWriter(false).beginObject().name("clusterName").value(a.cluster()).name("namespace")
        .value(a.namespace()).name("serviceAccount").value(a.serviceAccount()).name("roleArn").value(a.roleArn())
        .name("associationArn").value(arn(a)).name("associationId").value(a.id()).name("tags").beginObject()
        .endObject().name("createdAt").raw("1.7E9").name("modifiedAt").raw("1.7E9").endObject().toString();
  }

  private static String arn(Association a) {
    return "arn:aws:eks:us-east-1:" + ACCOUNT + ":podidentityassociation/" + a.cluster() + "/" + a.id();
  }

  private static String message(String m) {
    return new JsonWriter(false).beginObject().name("message").value(m).endObject().toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void error(HttpExchange x, int status, String type, String m) throws IOException {
    send(x, status, type, message(m));
  }

  private static void send(HttpExchange x, int status, String errorType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    if (errorType != null) {
      x.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  /** The fake's URL (loopback). */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
