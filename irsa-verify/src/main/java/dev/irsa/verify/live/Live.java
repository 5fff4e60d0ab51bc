package dev.irsa.verify.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door check of live verification: the account, token and pod sources need the AWS SDK
 * ({@code software.amazon.awssdk:sts}, {@code s3}, {@code dynamodb}, {@code iam}, an HTTP client such as
 * {@code url-connection-client}) and {@code dev.irsa:irsa-k8s}, which irsa-verify declares optional
 * so that offline users do not get them. Call {@link #require()} before using this package; it names
 * what is missing instead of a {@code NoClassDefFoundError} deep inside.
 */
public final class Live {
  private static final Map<String, String> NEEDED = new LinkedHashMap<>();

  static {
    NEEDED.put("software.amazon.awssdk.services.sts.StsClient", "software.amazon.awssdk:sts");
    NEEDED.put("software.amazon.awssdk.services.s3.S3Client", "software.amazon.awssdk:s3");
    NEEDED.put("software.amazon.awssdk.services.dynamodb.DynamoDbClient", "software.amazon.awssdk:dynamodb");
    NEEDED.put("software.amazon.awssdk.services.iam.IamClient", "software.amazon.awssdk:iam");
    NEEDED.put("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient", "software.amazon.awssdk:url-connection-client");
    NEEDED.put("dev.irsa.k8s.IrsaKubernetes", "dev.irsa:irsa-k8s");
    NEEDED.put("io.fabric8.kubernetes.client.KubernetesClient", "io.fabric8:kubernetes-client-api (through dev.irsa:irsa-k8s)");
  }

  private Live() {}

  /** The artifacts missing from the class path (empty when live verification can run). */
  public static List<String> missing() {
    List<String> out = new ArrayList<>();
    ClassLoader cl = Live.class.getClassLoader();
    NEEDED.forEach((cls, artifact) -> {
      try {
        Class.forName(cls, false, cl);
      } catch (ClassNotFoundException | LinkageError e) {
        out.add(artifact);
      }
    });
    return out;
  }

  public static boolean available() {
    return missing().isEmpty();
  }

  /**
   * @throws IllegalStateException naming every missing artifact
   */
  public static void require() {
    List<String> m = missing();
    if (!m.isEmpty()) {
      throw new IllegalStateException("live verification needs " + String.join(", ", m)
          + " on the class path (irsa-verify declares them optional; add them to your build)");
    }
  }
}
