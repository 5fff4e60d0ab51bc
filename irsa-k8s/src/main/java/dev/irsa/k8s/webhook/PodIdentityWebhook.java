package dev.irsa.k8s.webhook;

import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.EksAnnotations;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The EKS pod identity webhook as a pure function: given a pod at creation and its service account,
 * the pod as EKS would store it. Reproduces the behaviour of
 * <a href="https://github.com/aws/amazon-eks-pod-identity-webhook">aws/amazon-eks-pod-identity-webhook</a>:
 *
 * <ul>
 *   <li>the service account's {@code eks.amazonaws.com/role-arn} turns mutation on; {@code audience}
 *       (default {@code sts.amazonaws.com}), {@code sts-regional-endpoints} (a Go boolean such as {@code true},
 *       {@code false}, {@code 1}, {@code F}; anything else keeps the webhook's default) and {@code token-expiration} (seconds, below 600 raised to 600,
 *       invalid ignored) tune it; the pod's own {@code token-expiration} wins over the service account's;
 *   <li>every container and init container not named in the pod's {@code skip-containers} gets
 *       {@code AWS_STS_REGIONAL_ENDPOINTS=regional} (when enabled), {@code AWS_DEFAULT_REGION} and
 *       {@code AWS_REGION} (only when the webhook has a region, and neither is set), {@code AWS_ROLE_ARN}
 *       and {@code AWS_WEB_IDENTITY_TOKEN_FILE} (neither when either is already in {@code env};
 *       {@code envFrom} is not looked at), and a read-only mount of {@code aws-iam-token}; a container
 *       that already has all three groups of variables is left entirely alone, mount included;
 *   <li>the projected token volume {@code aws-iam-token} is added first in {@code spec.volumes}; when
 *       the pod already has it (same audience and path: a re-invocation) it is kept, and when the pod
 *       declares another volume of that name the pod is not mutated at all;
 *   <li>a Windows node selector moves the token path to {@code C:\var\run\...};
 *   <li>a Pod Identity association for the service account wins over the role annotation: container
 *       credentials variables, the {@code eks-pod-identity-token} volume and the label
 *       {@code eks.amazonaws.com/pod-identity: enabled} (the real webhook randomizes the default token
 *       lifetime between 600 s and 86,400 s in this mode; this function writes the configured value).
 * </ul>
 *
 * Mutation happens on CREATE only: a pod created before the annotation keeps no credentials until
 * it is recreated. The input pod is never modified.
 *
 * <pre>{@code
 * WebhookResult r = PodIdentityWebhook.builder().region("us-west-2").build().mutate(pod, serviceAccount);
 * r.pod();   // the pod with AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE and the aws-iam-token volume
 * }</pre>
 */
public final class PodIdentityWebhook {
  /** The IRSA token volume's name. */
  public static final String TOKEN_VOLUME = "aws-iam-token";
  /** Where the IRSA token volume is mounted. */
  public static final String MOUNT_PATH = "/var/run/secrets/eks.amazonaws.com/serviceaccount";
  /** The IRSA token file inside {@link #MOUNT_PATH}. */
  public static final String TOKEN_FILE = MOUNT_PATH + "/token";
  /** Token lifetime when no annotation says otherwise: 86,400 s. */
  public static final long DEFAULT_EXPIRATION_SECONDS = 86_400;
  /** The shortest token lifetime the webhook writes: 600 s. */
  public static final long MIN_EXPIRATION_SECONDS = 600;
  /** The Pod Identity token volume's name. */
  public static final String POD_IDENTITY_VOLUME = "eks-pod-identity-token";
  /** Where the Pod Identity token volume is mounted. */
  public static final String POD_IDENTITY_MOUNT_PATH = "/var/run/secrets/pods.eks.amazonaws.com/serviceaccount";
  /** The Pod Identity token file. */
  public static final String POD_IDENTITY_TOKEN_FILE = POD_IDENTITY_MOUNT_PATH + "/eks-pod-identity-token";
  /** The Pod Identity token audience. */
  public static final String POD_IDENTITY_AUDIENCE = "pods.eks.amazonaws.com";
  /** The label the webhook puts on pods it wires for Pod Identity. */
  public static final String POD_IDENTITY_LABEL = "eks.amazonaws.com/pod-identity";
  /** The EKS Pod Identity agent's credentials endpoint. */
  public static final String POD_IDENTITY_URI = "http://169.254.170.23/v1/credentials";

  static final String ROLE_ENV = "AWS_ROLE_ARN";
  static final String TOKEN_ENV = "AWS_WEB_IDENTITY_TOKEN_FILE";
  static final String STS_ENV = "AWS_STS_REGIONAL_ENDPOINTS";
  static final String REGION_ENV = "AWS_REGION";
  static final String DEFAULT_REGION_ENV = "AWS_DEFAULT_REGION";
  static final String FULL_URI_ENV = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
  static final String AUTH_TOKEN_FILE_ENV = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

  private final String region;
  private final boolean stsRegionalDefault;
  private final String defaultAudience;
  private final long defaultExpiration;
  private final Set<ServiceAccountRef> podIdentityAssociations;

  private PodIdentityWebhook(Builder b) {
    this.region = b.region;
    this.stsRegionalDefault = b.stsRegionalDefault;
    this.defaultAudience = b.defaultAudience;
    this.defaultExpiration = b.defaultExpiration;
    this.podIdentityAssociations = Set.copyOf(b.podIdentityAssociations);
  }

  /** The webhook as EKS runs it: no region flag, regional STS off unless annotated, 86,400 s tokens. */
  public static PodIdentityWebhook eks() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The region flag ({@code AWS_REGION}/{@code AWS_DEFAULT_REGION}), if set. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /**
   * The pod as the webhook would mutate it at creation.
   *
   * @param pod the pod being created; its namespace defaults to {@code default} and its service
   *     account to {@code default}
   * @param serviceAccount the pod's service account, or {@code null} when it does not exist (the
   *     webhook then leaves the pod alone)
   * @throws IllegalArgumentException when the service account is not the pod's, the pod has no spec, a
   *     container has no name, or a list in it has a {@code null} entry (a container, env var, envFrom
   *     source, mount, volume or projected source)
   */
  public WebhookResult mutate(Pod pod, ServiceAccount serviceAccount) {
    Objects.requireNonNull(pod, "pod");
    if (pod.getSpec() == null) {
      throw new IllegalArgumentException("pod " + namespaceOf(pod) + "/" + nameOf(pod) + " has no spec");
    }
    requireWellFormed(pod);
    String ns = namespaceOf(pod);
    String saName = serviceAccountOf(pod);
    if (serviceAccount != null) {
      String saNs = serviceAccount.getMetadata() == null || serviceAccount.getMetadata().getNamespace() == null
          ? ns : serviceAccount.getMetadata().getNamespace();
      String n = serviceAccount.getMetadata() == null ? null : serviceAccount.getMetadata().getName();
      if (!saName.equals(n) || !ns.equals(saNs)) {
        throw new IllegalArgumentException("service account " + saNs + "/" + n + " is not the pod's: pod "
            + ns + "/" + nameOf(pod) + " runs as " + ns + "/" + saName);
      }
    }
    Map<String, String> saAnnotations = serviceAccount == null || serviceAccount.getMetadata().getAnnotations() == null
        ? Map.of() : serviceAccount.getMetadata().getAnnotations();
    Map<String, String> podAnnotations = pod.getMetadata() == null || pod.getMetadata().getAnnotations() == null
        ? Map.of() : pod.getMetadata().getAnnotations();

    boolean podIdentity = serviceAccount != null && podIdentityAssociations.contains(refOrNull(ns, saName));
    String role = saAnnotations.get(EksAnnotations.ROLE_ARN);
    if (!podIdentity && (role == null || role.isEmpty())) {
      String why = serviceAccount == null
          ? "service account " + ns + "/" + saName + " not found"
          : "service account " + ns + "/" + saName + " has no " + EksAnnotations.ROLE_ARN + " annotation";
      return new WebhookResult(pod, CredentialMode.NONE, false, null, null, null, List.of(), List.of(), why);
    }
    String audience = podIdentity ? POD_IDENTITY_AUDIENCE : saAnnotations.getOrDefault(EksAnnotations.AUDIENCE, defaultAudience);
    // read like Go's strconv.ParseBool; anything else keeps the webhook's default
    boolean regionalSts = switch (saAnnotations.getOrDefault(EksAnnotations.STS_REGIONAL_ENDPOINTS, "")) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> stsRegionalDefault;
    };
    long expiration = expiration(saAnnotations.get(EksAnnotations.TOKEN_EXPIRATION), defaultExpiration);
    expiration = expiration(podAnnotations.get(EksAnnotations.TOKEN_EXPIRATION), expiration);
    Set<String> skip = skipContainers(podAnnotations.get(EksAnnotations.SKIP_CONTAINERS));

    String volumeName = podIdentity ? POD_IDENTITY_VOLUME : TOKEN_VOLUME;
    String mountPath = podIdentity ? POD_IDENTITY_MOUNT_PATH : MOUNT_PATH;
    String tokenPath = podIdentity ? POD_IDENTITY_TOKEN_FILE : TOKEN_FILE;
    if (isWindows(pod)) {
      tokenPath = "C:" + tokenPath.replace('/', '\\');
    }

    String tokenFileName = tokenFileName(volumeName);
    Volume existingVolume = pod.getSpec().getVolumes() == null ? null : pod.getSpec().getVolumes().stream()
        .filter(v -> volumeName.equals(v.getName())).findFirst().orElse(null);
    if (existingVolume != null && !isInjectedToken(existingVolume, audience, tokenFileName)) {
      return new WebhookResult(pod, CredentialMode.NONE, false, null, null, null, List.of(), List.of(),
          "volume " + volumeName + " is reserved for the projected service-account token, but the pod declares "
              + "another volume with that name; not mutated");
    }

    Pod out = new PodBuilder(pod).build();
    if (podIdentity) {
      out.getMetadata().setLabels(new java.util.LinkedHashMap<>(out.getMetadata().getLabels() == null
          ? Map.of() : out.getMetadata().getLabels()));
      out.getMetadata().getLabels().put(POD_IDENTITY_LABEL, "enabled");
    }
    List<String> mutated = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    boolean changed = false;
    List<Container> all = new ArrayList<>();
    if (out.getSpec().getInitContainers() != null) {
      all.addAll(out.getSpec().getInitContainers());
    }
    if (out.getSpec().getContainers() != null) {
      all.addAll(out.getSpec().getContainers());
    }
    for (Container c : all) {
      if (skip.contains(c.getName())) {
        skipped.add(c.getName());
        continue;
      }
      boolean c1 = podIdentity
          ? addCredentialEnv(c, FULL_URI_ENV, POD_IDENTITY_URI, AUTH_TOKEN_FILE_ENV, tokenPath, regionalSts, volumeName,
              mountPath)
          : addCredentialEnv(c, ROLE_ENV, role, TOKEN_ENV, tokenPath, regionalSts, volumeName, mountPath);
      if (c1) {
        mutated.add(c.getName());
        changed = true;
      }
    }
    if (podIdentity) {
      changed = true;
    }
    List<Volume> volumes = out.getSpec().getVolumes() == null ? new ArrayList<>() : new ArrayList<>(out.getSpec().getVolumes());
    if (existingVolume == null) {
      volumes.add(0, new VolumeBuilder().withName(volumeName)
          .withNewProjected().addNewSource().withNewServiceAccountToken()
          .withAudience(audience).withExpirationSeconds(expiration).withPath(tokenFileName)
          .endServiceAccountToken().endSource().endProjected().build());
      out.getSpec().setVolumes(volumes);
      changed = true;
    }
    CredentialMode mode = podIdentity ? CredentialMode.POD_IDENTITY : CredentialMode.IRSA;
    String why = changed ? "mutated for " + (podIdentity ? "EKS Pod Identity" : "role " + role)
        : "already has the variables and the token volume";
    return new WebhookResult(out, mode, changed, podIdentity ? null : role, audience, expiration,
        List.copyOf(mutated), List.copyOf(skipped), why);
  }

  /** The webhook's own token volume: projected, with a service-account token of this audience and path. */
  private static boolean isInjectedToken(Volume v, String audience, String path) {
    if (v.getProjected() == null || v.getProjected().getSources() == null) {
      return false;
    }
    return v.getProjected().getSources().stream().map(s -> s.getServiceAccountToken()).anyMatch(t -> t != null
        && Objects.equals(t.getAudience(), audience) && Objects.equals(t.getPath(), path));
  }

  private static String tokenFileName(String volumeName) {
    return volumeName.equals(POD_IDENTITY_VOLUME) ? POD_IDENTITY_VOLUME : "token";
  }

  /**
   * Adds the credential env pair ({@code AWS_ROLE_ARN} + token file for IRSA, or the container
   * credentials URI + authorization token file for Pod Identity) unless the container already sets
   * either name, plus the region/STS env and the token mount.
   */
  private boolean addCredentialEnv(Container c, String firstName, String firstValue, String tokenFileName,
      String tokenPath, boolean regionalSts, String volumeName, String mountPath) {
    List<EnvVar> env = c.getEnv() == null ? new ArrayList<>() : new ArrayList<>(c.getEnv());
    boolean reserved = has(env, firstName) || has(env, tokenFileName);
    boolean regionSet = has(env, REGION_ENV) || has(env, DEFAULT_REGION_ENV);
    boolean stsSet = has(env, STS_ENV);
    if (reserved && regionSet && stsSet) {
      return false;
    }
    boolean changed = addCommonEnv(env, regionalSts, stsSet, regionSet);
    if (!reserved) {
      env.add(new EnvVar(firstName, firstValue, null));
      env.add(new EnvVar(tokenFileName, tokenPath, null));
      changed = true;
    }
    c.setEnv(env);
    return addMount(c, volumeName, mountPath) || changed;
  }

  private boolean addCommonEnv(List<EnvVar> env, boolean regionalSts, boolean stsSet, boolean regionSet) {
    boolean changed = false;
    if (!stsSet && regionalSts) {
      env.add(new EnvVar(STS_ENV, "regional", null));
      changed = true;
    }
    if (!regionSet && region != null) {
      env.add(new EnvVar(DEFAULT_REGION_ENV, region, null));
      env.add(new EnvVar(REGION_ENV, region, null));
      changed = true;
    }
    return changed;
  }

  private static boolean addMount(Container c, String volumeName, String mountPath) {
    List<VolumeMount> mounts = c.getVolumeMounts() == null ? new ArrayList<>() : new ArrayList<>(c.getVolumeMounts());
    if (mounts.stream().anyMatch(m -> volumeName.equals(m.getName()))) {
      return false;
    }
    mounts.add(new VolumeMountBuilder().withName(volumeName).withReadOnly(true).withMountPath(mountPath).build());
    c.setVolumeMounts(mounts);
    return true;
  }

  /**
   * Rejects what the API server would (a container without a name) and {@code null} entries in the
   * lists the webhook and the inspector walk, naming the first:
   * {@code pod irsa-demo/aws-cli: spec.containers[0].env[1] must not be null}.
   */
  static void requireWellFormed(Pod pod) {
    if (pod.getSpec() == null) {
      return;
    }
    String where = "pod " + namespaceOf(pod) + "/" + nameOf(pod) + ": ";
    containers(where, "spec.initContainers", pod.getSpec().getInitContainers());
    containers(where, "spec.containers", pod.getSpec().getContainers());
    List<Volume> volumes = pod.getSpec().getVolumes();
    noNulls(where, "spec.volumes", volumes);
    for (int i = 0; volumes != null && i < volumes.size(); i++) {
      if (volumes.get(i).getProjected() != null) {
        noNulls(where, "spec.volumes[" + i + "].projected.sources", volumes.get(i).getProjected().getSources());
      }
    }
  }

  private static void containers(String where, String path, List<Container> containers) {
    noNulls(where, path, containers);
    for (int i = 0; containers != null && i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c.getName() == null || c.getName().isEmpty()) {
        throw new IllegalArgumentException(where + path + "[" + i + "].name is required");
      }
      noNulls(where, path + "[" + i + "].env", c.getEnv());
      noNulls(where, path + "[" + i + "].envFrom", c.getEnvFrom());
      noNulls(where, path + "[" + i + "].volumeMounts", c.getVolumeMounts());
    }
  }

  private static void noNulls(String where, String path, List<?> list) {
    for (int i = 0; list != null && i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new IllegalArgumentException(where + path + "[" + i + "] must not be null");
      }
    }
  }

  static boolean has(List<EnvVar> env, String name) {
    return env != null && env.stream().anyMatch(e -> name.equals(e.getName()));
  }

  /** A token-expiration annotation: invalid keeps {@code current}; below 600 becomes 600. */
  static long expiration(String annotation, long current) {
    if (annotation == null) {
      return current;
    }
    try {
      return Math.max(MIN_EXPIRATION_SECONDS, Long.parseLong(annotation));
    } catch (NumberFormatException e) {
      return current;
    }
  }

  /**
   * The skip-containers annotation as the webhook reads it: the first CSV record, fields not
   * trimmed; a malformed value skips nothing.
   */
  static Set<String> skipContainers(String annotation) {
    Set<String> out = new LinkedHashSet<>();
    if (annotation == null || annotation.isEmpty()) {
      return out;
    }
    String line = annotation.lines().findFirst().orElse("");
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(ch);
        }
      } else if (ch == ',') {
        out.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (ch == '"') {
        if (field.length() > 0 || wasQuoted) {
          return new LinkedHashSet<>();
        }
        quoted = true;
        wasQuoted = true;
      } else {
        if (wasQuoted) {
          return new LinkedHashSet<>();
        }
        field.append(ch);
      }
    }
    if (quoted) {
      return new LinkedHashSet<>();
    }
    out.add(field.toString());
    return out;
  }

  static boolean isWindows(Pod pod) {
    Map<String, String> sel = pod.getSpec() == null ? null : pod.getSpec().getNodeSelector();
    return sel != null && ("windows".equals(sel.get("kubernetes.io/os")) || "windows".equals(sel.get("beta.kubernetes.io/os")));
  }

  static String namespaceOf(Pod pod) {
    String ns = pod.getMetadata() == null ? null : pod.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  static String serviceAccountOf(Pod pod) {
    String sa = pod.getSpec() == null ? null : pod.getSpec().getServiceAccountName();
    return sa == null || sa.isEmpty() ? "default" : sa;
  }

  static String nameOf(Pod pod) {
    if (pod.getMetadata() == null) {
      return "";
    }
    String n = pod.getMetadata().getName();
    return n != null ? n : pod.getMetadata().getGenerateName() == null ? "" : pod.getMetadata().getGenerateName();
  }

  private static ServiceAccountRef refOrNull(String ns, String name) {
    try {
      return ServiceAccountRef.of(ns, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Configures a {@link PodIdentityWebhook}. */
  public static final class Builder {
    private String region;
    private boolean stsRegionalDefault;
    private String defaultAudience = OidcProvider.DEFAULT_AUDIENCE;
    private long defaultExpiration = DEFAULT_EXPIRATION_SECONDS;
    private final Set<ServiceAccountRef> podIdentityAssociations = new LinkedHashSet<>();

    private Builder() {}

    /** The webhook's {@code --aws-default-region} flag: adds {@code AWS_REGION} and {@code AWS_DEFAULT_REGION}. */
    public Builder region(String region) {
      this.region = region == null || region.isEmpty() ? null : region;
      return this;
    }

    /** The {@code --sts-regional-endpoint} flag: regional STS for service accounts that do not annotate it. */
    public Builder stsRegionalEndpoints(boolean enabled) {
      this.stsRegionalDefault = enabled;
      return this;
    }

    /**
     * The audience for service accounts without an audience annotation.
     *
     * @throws IllegalArgumentException when empty
     */
    public Builder defaultAudience(String audience) {
      if (audience == null || audience.isEmpty()) {
        throw new IllegalArgumentException("default audience must not be empty");
      }
      this.defaultAudience = audience;
      return this;
    }

    /**
     * The token lifetime without annotations.
     *
     * @throws IllegalArgumentException when below 600 seconds
     */
    public Builder defaultTokenExpirationSeconds(long seconds) {
      if (seconds < MIN_EXPIRATION_SECONDS) {
        throw new IllegalArgumentException("token expiration must be at least 600 seconds, got: " + seconds);
      }
      this.defaultExpiration = seconds;
      return this;
    }

    /** An EKS Pod Identity association for a service account: its pods get Pod Identity, not IRSA. */
    public Builder podIdentityAssociation(ServiceAccountRef serviceAccount) {
      podIdentityAssociations.add(Objects.requireNonNull(serviceAccount, "serviceAccount"));
      return this;
    }

    public PodIdentityWebhook build() {
      return new PodIdentityWebhook(this);
    }
  }
}
