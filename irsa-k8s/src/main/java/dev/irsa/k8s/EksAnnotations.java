package dev.irsa.k8s;

/**
 * The annotation and label names EKS and irsa use on service accounts and pods.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html">EKS: assign IAM roles to service accounts</a>
 */
public final class EksAnnotations {
  /** The annotation domain the EKS pod identity webhook reads. */
  public static final String DOMAIN = "eks.amazonaws.com";
  /** Service account: the IAM role ARN pods under it assume. */
  public static final String ROLE_ARN = DOMAIN + "/role-arn";
  /** Service account: the token audience (default {@code sts.amazonaws.com}). */
  public static final String AUDIENCE = DOMAIN + "/audience";
  /** Service account: {@code "true"} adds {@code AWS_STS_REGIONAL_ENDPOINTS=regional} to pods. */
  public static final String STS_REGIONAL_ENDPOINTS = DOMAIN + "/sts-regional-endpoints";
  /** Service account or pod (the pod's wins): token lifetime in seconds; below 600 is raised to 600. */
  public static final String TOKEN_EXPIRATION = DOMAIN + "/token-expiration";
  /** Pod: comma-separated names of containers (and init containers) the webhook leaves alone. */
  public static final String SKIP_CONTAINERS = DOMAIN + "/skip-containers";
  /** The label irsa puts on service accounts it annotated. */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  /** The value of {@link #MANAGED_BY_LABEL}. */
  public static final String MANAGED_BY_VALUE = "irsa";

  private EksAnnotations() {}
}
