package dev.irsa.verify.junit;

import dev.irsa.verify.live.Live;
import dev.irsa.verify.live.LiveEnvironment;
import dev.irsa.verify.source.Target;
import dev.irsa.verify.source.VerificationSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the live sources would run: a kubeconfig context and AWS credentials from the environment,
 * or explicit settings. Read from system properties {@code irsa.verify.kubeContext},
 * {@code irsa.verify.awsEndpoint}, {@code irsa.verify.region} (or environment variables
 * {@code IRSA_VERIFY_KUBE_CONTEXT}, {@code IRSA_VERIFY_AWS_ENDPOINT}, {@code AWS_REGION}); a
 * kubeconfig is {@code KUBECONFIG} or {@code ~/.kube/config}; AWS credentials are
 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_PROFILE}, {@code AWS_WEB_IDENTITY_TOKEN_FILE},
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} or {@code ~/.aws/credentials}.
 */
public final class LiveSettings {
  private final String kubeContext;
  private final boolean kubeconfig;
  private final boolean awsCredentials;
  private final URI endpoint;
  private final String region;
  private final boolean disabled;

  private LiveSettings(String kubeContext, boolean kubeconfig, boolean awsCredentials, URI endpoint, String region,
      boolean disabled) {
    this.kubeContext = kubeContext;
    this.kubeconfig = kubeconfig;
    this.awsCredentials = awsCredentials;
    this.endpoint = endpoint;
    this.region = region;
    this.disabled = disabled;
  }

  /** Live sources never run (e.g. for a test that must stay offline). */
  public static LiveSettings offlineOnly() {
    return new LiveSettings(null, false, false, null, null, true);
  }

  /** Explicit settings: a kubeconfig context (null: the current one), an AWS endpoint (null: AWS) and a region. */
  public static LiveSettings explicit(String kubeContext, URI awsEndpoint, String region) {
    return new LiveSettings(kubeContext, true, true, awsEndpoint, region, false);
  }

  /** The settings the environment and system properties give. */
  public static LiveSettings fromEnvironment(Map<String, String> env, Properties props) {
    String ctx = first(props.getProperty("irsa.verify.kubeContext"), env.get("IRSA_VERIFY_KUBE_CONTEXT"));
    String ep = first(props.getProperty("irsa.verify.awsEndpoint"), env.get("IRSA_VERIFY_AWS_ENDPOINT"));
    String region = first(props.getProperty("irsa.verify.region"), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
    String home = first(env.get("HOME"), props.getProperty("user.home"));
    boolean kube = ctx != null || env.get("KUBECONFIG") != null
        || home != null && Files.isRegularFile(Path.of(home, ".kube", "config"));
    boolean aws = ep != null || env.get("AWS_ACCESS_KEY_ID") != null || env.get("AWS_PROFILE") != null
        || env.get("AWS_WEB_IDENTITY_TOKEN_FILE") != null || env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null
        || home != null && Files.isRegularFile(Path.of(home, ".aws", "credentials"));
    return new LiveSettings(ctx, kube, aws, ep == null ? null : URI.create(ep), region, false);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** Why the live sources cannot run, or empty when they can. */
  public Optional<String> unavailable() {
    if (disabled) {
      return Optional.of("live sources disabled (offline only)");
    }
    if (!kubeconfig) {
      return Optional.of("no cluster: no kubeconfig (KUBECONFIG, ~/.kube/config) and no irsa.verify.kubeContext");
    }
    if (!awsCredentials) {
      return Optional.of("no AWS credentials (AWS_ACCESS_KEY_ID, AWS_PROFILE, ~/.aws/credentials) and no irsa.verify.awsEndpoint");
    }
    if (region == null) {
      return Optional.of("no AWS region (AWS_REGION or irsa.verify.region)");
    }
    List<String> missing = Live.missing();
    if (!missing.isEmpty()) {
      return Optional.of("live verification needs " + String.join(", ", missing) + " on the class path");
    }
    return Optional.empty();
  }

  /** The live sources and what to close afterwards. */
  record Sources(List<VerificationSource> sources, AutoCloseable closer) {
    void close() {
      try {
        closer.close();
      } catch (Exception e) {
        // closing clients: nothing to report to the test
      }
    }
  }

  Sources open(Target target) {
    LiveEnvironment env = LiveEnvironment.open(kubeContext, endpoint, region);
    return new Sources(env.sources(), env);
  }

  @Override
  public String toString() {
    return "LiveSettings{" + unavailable().orElse("available: context " + (kubeContext == null ? "current" : kubeContext)
        + ", endpoint " + (endpoint == null ? "AWS" : endpoint) + ", region " + region) + "}";
  }
}
