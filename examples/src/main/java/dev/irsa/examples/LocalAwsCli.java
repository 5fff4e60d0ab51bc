package dev.irsa.examples;

import dev.irsa.k8s.ExecResult;
import dev.irsa.k8s.embedded.ExecHandler;
import dev.irsa.k8s.embedded.ExecRequest;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The embedded cluster's pod exec for {@code aws ...}: the real AWS CLI as a local process, given
 * the container's environment as the webhook left it (no static keys), the projected token at a
 * stand-in path (written by the walkthrough's kubelet stand-in from a TokenRequest), AWS_ENDPOINT_URL
 * at moto and a HOME of its own (the CLI caches web-identity sessions under ~/.aws/cli/cache). So
 * {@code aws sts get-caller-identity} goes through the CLI's own web-identity credential chain.
 */
final class LocalAwsCli implements ExecHandler {
  private final Path tokenStandIn;
  private final Path home;
  private final URI endpoint;

  LocalAwsCli(Path tokenStandIn, Path home, URI endpoint) {
    this.tokenStandIn = tokenStandIn;
    this.home = home;
    this.endpoint = endpoint;
  }

  /** The {@code aws} executable on PATH, if any. */
  static java.util.Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return java.util.Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, "aws");
      if (Files.isExecutable(p)) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public ExecResult exec(ExecRequest r) {
    if (r.command().isEmpty() || !r.command().get(0).equals("aws")) {
      return null;
    }
    ProcessBuilder pb = new ProcessBuilder(r.command());
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    env.clear();
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    env.put("HOME", home.toString());
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    r.env().forEach((k, v) -> {
      if (k.startsWith("AWS_")) {
        env.put(k, v);
      }
    });
    if (PodIdentityWebhook.TOKEN_FILE.equals(env.get("AWS_WEB_IDENTITY_TOKEN_FILE"))) {
      env.put("AWS_WEB_IDENTITY_TOKEN_FILE", tokenStandIn.toString());
    }
    env.put("AWS_ENDPOINT_URL", endpoint.toString());
    try {
      Process p = pb.start();
      CompletableFuture<String> out = read(p.getInputStream());
      CompletableFuture<String> err = read(p.getErrorStream());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new ExecResult(124, "", "aws: timed out after 60s\n");
      }
      return new ExecResult(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      return new ExecResult(127, "", "aws: cannot run: " + e.getMessage() + "\n");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ExecResult(130, "", "aws: interrupted\n");
    }
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }
}
