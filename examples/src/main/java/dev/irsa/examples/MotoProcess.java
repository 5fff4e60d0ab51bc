package dev.irsa.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moto on loopback for the walkthrough: {@code python3 -m moto.server -H 127.0.0.1 -p 0} with
 * {@code MOTO_ACCOUNT_ID} set to the seed's account, ready when {@code POST /moto-api/reset} answers
 * 200, stopped with SIGTERM on close.
 */
final class MotoProcess implements AutoCloseable {
  private static final Pattern RUNNING = Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final URI endpoint;

  private MotoProcess(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * @throws IllegalStateException with a one-line reason when moto cannot be started
   */
  static MotoProcess start(String account) {
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "0")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("MOTO_ACCOUNT_ID", account);
      p = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("python3 not found");
    }
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          Matcher m = RUNNING.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException ignored) {
        // process gone
      }
      port.completeExceptionally(new IllegalStateException("moto exited"));
    }, "moto-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      MotoProcess moto = new MotoProcess(p, URI.create("http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS)));
      moto.awaitReady();
      return moto;
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("python3 -m moto.server did not start (is moto installed?)");
    }
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("moto did not answer");
      }
      Thread.sleep(100);
    }
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
