package dev.irsa.k8s.webhook;

import static dev.irsa.k8s.webhook.PodIdentityWebhook.AUTH_TOKEN_FILE_ENV;
import static dev.irsa.k8s.webhook.PodIdentityWebhook.FULL_URI_ENV;
import static dev.irsa.k8s.webhook.PodIdentityWebhook.ROLE_ENV;
import static dev.irsa.k8s.webhook.PodIdentityWebhook.TOKEN_ENV;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.k8s.EksAnnotations;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a pod's spec back and says whether it is wired for IRSA, with which role, and what would
 * stop it from getting the role:
 *
 * <ul>
 *   <li><b>stale</b>: the service account names a role but the pod has no wiring (it was created
 *       before the annotation; the webhook mutates on CREATE only), or the pod is wired for another
 *       role than the annotation names now, or for a role no longer annotated;
 *   <li><b>overridden</b>: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN}
 *       or {@code AWS_PROFILE} in {@code env}, or in the keys of an {@code envFrom} source (with its
 *       prefix), come first in the SDKs' credential chains;
 *   <li><b>token unreadable</b>: the projected token is {@code 0600} root-owned unless the pod sets
 *       {@code fsGroup} (or all containers share one {@code runAsUser}); a container running as a
 *       non-root user cannot read it.
 * </ul>
 *
 * Pure: it reads only what it is given. {@code envFrom} sources are checked through an optional
 * resolver that returns a ConfigMap's or Secret's key names (never values); without one they are
 * reported as unchecked.
 */
public final class PodInspector {
  static final List<String> STATIC_KEY_VARS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
  static final String PROFILE_VAR = "AWS_PROFILE";

  private final Function<EnvFromSource, Optional<Set<String>>> envFromKeys;

  private PodInspector(Function<EnvFromSource, Optional<Set<String>>> envFromKeys) {
    this.envFromKeys = envFromKeys;
  }

  /** An inspector that cannot see envFrom sources (reported as {@link Finding.Code#ENV_FROM_UNCHECKED}). */
  public static PodInspector offline() {
    return new PodInspector(s -> Optional.empty());
  }

  /**
   * An inspector that asks {@code envFromKeys} for the key names of a ConfigMap or Secret named in
   * {@code envFrom} (empty when unknown).
   */
  public static PodInspector withEnvFrom(Function<EnvFromSource, Optional<Set<String>>> envFromKeys) {
    return new PodInspector(Objects.requireNonNull(envFromKeys, "envFromKeys"));
  }

  /**
   * Inspects a pod.
   *
   * @param serviceAccount the pod's service account as it is now, or {@code null} to judge the pod alone
   * @throws IllegalArgumentException when a container has no name or a list in the pod has a {@code null}
   *     entry (a container, env var, envFrom source, mount, volume or projected source)
   */
  public PodWiring inspect(Pod pod, ServiceAccount serviceAccount) {
    Objects.requireNonNull(pod, "pod");
    PodIdentityWebhook.requireWellFormed(pod);
    String ns = PodIdentityWebhook.namespaceOf(pod);
    String saName = PodIdentityWebhook.serviceAccountOf(pod);
    String expectedRole = null;
    if (serviceAccount != null && serviceAccount.getMetadata() != null
        && serviceAccount.getMetadata().getAnnotations() != null) {
      String r = serviceAccount.getMetadata().getAnnotations().get(EksAnnotations.ROLE_ARN);
      expectedRole = r == null || r.isEmpty() ? null : r;
    }
    Map<String, String> podAnnotations = pod.getMetadata() == null || pod.getMetadata().getAnnotations() == null
        ? Map.of() : pod.getMetadata().getAnnotations();
    Set<String> skip = PodIdentityWebhook.skipContainers(podAnnotations.get(EksAnnotations.SKIP_CONTAINERS));

    List<Volume> volumes = pod.getSpec() == null || pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
    Set<String> tokenVolumes = new HashSet<>();
    String audience = null;
    Long expiration = null;
    for (Volume v : volumes) {
      ServiceAccountTokenProjection t = tokenProjection(v);
      // the kube-api-access-* volume projects a token without an audience: not an AWS token
      if (t != null && t.getAudience() != null && !t.getAudience().isEmpty()) {
        tokenVolumes.add(v.getName());
        if (PodIdentityWebhook.TOKEN_VOLUME.equals(v.getName()) || PodIdentityWebhook.POD_IDENTITY_VOLUME.equals(v.getName())
            || audience == null) {
          audience = t.getAudience();
          expiration = t.getExpirationSeconds();
        }
      }
    }

    List<Finding> findings = new ArrayList<>();
    List<PodWiring.ContainerWiring> wirings = new ArrayList<>();
    Set<String> roles = new LinkedHashSet<>();
    String tokenFile = null;
    List<Container> containers = new ArrayList<>();
    int initCount = 0;
    if (pod.getSpec() != null && pod.getSpec().getInitContainers() != null) {
      containers.addAll(pod.getSpec().getInitContainers());
      initCount = pod.getSpec().getInitContainers().size();
    }
    if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      containers.addAll(pod.getSpec().getContainers());
    }
    List<Container> wired = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      List<EnvVar> env = c.getEnv() == null ? List.of() : c.getEnv();
      String role = value(env, ROLE_ENV);
      String file = value(env, TOKEN_ENV);
      CredentialMode mode = CredentialMode.NONE;
      if (value(env, FULL_URI_ENV) != null && value(env, AUTH_TOKEN_FILE_ENV) != null) {
        mode = CredentialMode.POD_IDENTITY;
        tokenFile = tokenFile == null ? value(env, AUTH_TOKEN_FILE_ENV) : tokenFile;
      } else if (role != null && file != null) {
        mode = CredentialMode.IRSA;
        roles.add(role);
        tokenFile = tokenFile == null ? file : tokenFile;
        if (!mountsAny(c, tokenVolumes)) {
          findings.add(new Finding(Finding.Code.TOKEN_NOT_MOUNTED, c.getName(),
              "AWS_ROLE_ARN is set but no projected service-account token volume is mounted, so " + file
                  + " does not exist"));
        }
      }
      if (mode != CredentialMode.NONE) {
        wired.add(c);
      }
      wirings.add(new PodWiring.ContainerWiring(c.getName(), i < initCount, mode, skip.contains(c.getName())));
    }
    CredentialMode podMode = wirings.stream().anyMatch(w -> w.mode() == CredentialMode.POD_IDENTITY)
        ? CredentialMode.POD_IDENTITY
        : wirings.stream().anyMatch(w -> w.mode() == CredentialMode.IRSA) ? CredentialMode.IRSA : CredentialMode.NONE;
    String role = roles.isEmpty() ? null : roles.iterator().next();
    String saText = ns + "/" + saName;
    if (expectedRole != null) {
      checkRoleArn(expectedRole, "service account " + saText + " annotation " + EksAnnotations.ROLE_ARN, findings);
    }
    for (String r : roles) {
      if (!r.equals(expectedRole)) {
        checkRoleArn(r, "the pod's " + ROLE_ENV, findings);
      }
    }

    if (podMode == CredentialMode.NONE) {
      Optional<Instant> annotatedAt = expectedRole == null ? Optional.empty() : roleAnnotatedAt(serviceAccount);
      Optional<Instant> createdAt = createdAt(pod);
      if (expectedRole != null && annotatedAt.isPresent() && createdAt.isPresent()
          && !createdAt.get().isBefore(annotatedAt.get())) {
        findings.add(new Finding(Finding.Code.WEBHOOK_DID_NOT_RUN, null, "service account " + saText + " was annotated "
            + "with role " + expectedRole + " at " + annotatedAt.get() + ", before the pod was created at "
            + createdAt.get() + ", yet the pod has no AWS_ROLE_ARN: the pod identity webhook did not run (check the "
            + "MutatingWebhookConfiguration pod-identity-webhook)"));
      } else if (expectedRole != null && annotatedAt.isPresent() && createdAt.isPresent()) {
        findings.add(new Finding(Finding.Code.STALE_NOT_WIRED, null, "the pod was created at " + createdAt.get()
            + ", before service account " + saText + " was annotated with role " + expectedRole + " at "
            + annotatedAt.get() + "; the webhook mutates pods only when they are created: recreate the pod"));
      } else if (expectedRole != null) {
        findings.add(new Finding(Finding.Code.STALE_NOT_WIRED, null, "service account " + saText + " names role "
            + expectedRole + " but the pod has no AWS_ROLE_ARN: it was created before the annotation (the webhook "
            + "mutates pods only when they are created) or the webhook did not run; recreate the pod"));
      } else {
        findings.add(new Finding(Finding.Code.NOT_WIRED, null, "no container has AWS_ROLE_ARN and "
            + "AWS_WEB_IDENTITY_TOKEN_FILE (or Pod Identity variables)"));
        if (serviceAccount != null) {
          findings.add(new Finding(Finding.Code.NO_ROLE_ANNOTATION, null, "service account " + saText + " has no "
              + EksAnnotations.ROLE_ARN + " annotation"));
        }
      }
    } else {
      if (podMode == CredentialMode.IRSA && serviceAccount != null) {
        if (expectedRole == null) {
          findings.add(new Finding(Finding.Code.STALE_ANNOTATION_REMOVED, null, "the pod is wired for role " + role
              + " but service account " + saText + " no longer names a role; recreate the pod to drop it"));
        } else if (!roles.contains(expectedRole) || roles.size() > 1) {
          findings.add(new Finding(Finding.Code.STALE_OTHER_ROLE, null, "the pod is wired for role " + String.join(", ", roles)
              + " but service account " + saText + " names " + expectedRole + " now; recreate the pod"));
        }
      }
      for (PodWiring.ContainerWiring w : wirings) {
        if (!w.wired() && !w.init()) {
          findings.add(new Finding(Finding.Code.CONTAINER_NOT_WIRED, w.name(), w.skipped()
              ? "container is named in " + EksAnnotations.SKIP_CONTAINERS + " and gets no credentials"
              : "container has no credentials from the webhook while others have"));
        }
      }
      for (Container c : wired) {
        checkOverrides(c, findings);
      }
      checkTokenReadable(pod, wired, findings);
    }
    return new PodWiring(ns + "/" + PodIdentityWebhook.nameOf(pod), saText, podMode, role, expectedRole, tokenFile,
        podMode == CredentialMode.NONE ? null : audience, podMode == CredentialMode.NONE ? null : expiration, wirings, findings);
  }

  /** STS rejects a malformed role ARN before it looks at the token (see pitfall 21 in the IRSA notes). */
  private static void checkRoleArn(String role, String source, List<Finding> findings) {
    try {
      RoleArn.parse(role);
    } catch (IllegalArgumentException e) {
      findings.add(new Finding(Finding.Code.INVALID_ROLE_ARN, null, source + ": " + e.getMessage()
          + "; STS AssumeRoleWithWebIdentity fails with ValidationError: Request ARN is invalid"));
    }
  }

  /**
   * When the role annotation was last written, from the service account's managedFields (the latest
   * entry that owns {@code f:eks.amazonaws.com/role-arn}); empty when the server keeps no managedFields.
   */
  static Optional<Instant> roleAnnotatedAt(ServiceAccount sa) {
    if (sa == null || sa.getMetadata() == null || sa.getMetadata().getManagedFields() == null) {
      return Optional.empty();
    }
    Instant latest = null;
    for (ManagedFieldsEntry e : sa.getMetadata().getManagedFields()) {
      if (e.getTime() == null || e.getFieldsV1() == null) {
        continue;
      }
      if (!Serialization.asJson(e.getFieldsV1()).contains("\"f:" + EksAnnotations.ROLE_ARN + "\"")) {
        continue;
      }
      try {
        Instant t = Instant.parse(e.getTime());
        latest = latest == null || t.isAfter(latest) ? t : latest;
      } catch (DateTimeParseException ignored) {
        // an unreadable time says nothing
      }
    }
    return Optional.ofNullable(latest);
  }

  private static Optional<Instant> createdAt(Pod pod) {
    String t = pod.getMetadata() == null ? null : pod.getMetadata().getCreationTimestamp();
    if (t == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(t));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private void checkOverrides(Container c, List<Finding> findings) {
    List<EnvVar> env = c.getEnv() == null ? List.of() : c.getEnv();
    for (String var : STATIC_KEY_VARS) {
      if (value(env, var) != null || PodIdentityWebhook.has(env, var)) {
        findings.add(new Finding(Finding.Code.OVERRIDDEN_STATIC_KEYS, c.getName(), var + " is set in env; "
            + "static keys come before the web identity token in the credential chain"));
        break;
      }
    }
    if (PodIdentityWebhook.has(env, PROFILE_VAR)) {
      findings.add(new Finding(Finding.Code.OVERRIDDEN_PROFILE, c.getName(), PROFILE_VAR + " is set in env; "
          + "the named profile is used instead of the web identity token"));
    }
    if (c.getEnvFrom() == null) {
      return;
    }
    for (EnvFromSource s : c.getEnvFrom()) {
      String source = sourceName(s);
      Optional<Set<String>> keys = envFromKeys.apply(s);
      if (keys.isEmpty()) {
        findings.add(new Finding(Finding.Code.ENV_FROM_UNCHECKED, c.getName(), "envFrom " + source
            + " was not checked for AWS_ACCESS_KEY_ID or AWS_PROFILE"));
        continue;
      }
      String prefix = s.getPrefix() == null ? "" : s.getPrefix();
      Set<String> names = new HashSet<>();
      for (String k : keys.get()) {
        names.add(prefix + k);
      }
      for (String var : STATIC_KEY_VARS) {
        if (names.contains(var)) {
          findings.add(new Finding(Finding.Code.OVERRIDDEN_STATIC_KEYS, c.getName(), var + " comes from envFrom "
              + source + "; static keys come before the web identity token in the credential chain"));
          break;
        }
      }
      if (names.contains(PROFILE_VAR)) {
        findings.add(new Finding(Finding.Code.OVERRIDDEN_PROFILE, c.getName(), PROFILE_VAR + " comes from envFrom "
            + source + "; the named profile is used instead of the web identity token"));
      }
    }
  }

  static String sourceName(EnvFromSource s) {
    if (s.getSecretRef() != null) {
      return "secret " + s.getSecretRef().getName();
    }
    if (s.getConfigMapRef() != null) {
      return "configmap " + s.getConfigMapRef().getName();
    }
    return "(unknown source)";
  }

  private static void checkTokenReadable(Pod pod, List<Container> wired, List<Finding> findings) {
    PodSecurityContext psc = pod.getSpec().getSecurityContext();
    if (psc != null && psc.getFsGroup() != null) {
      return;
    }
    Set<Long> users = new HashSet<>();
    boolean allExplicit = true;
    List<Container> all = new ArrayList<>();
    if (pod.getSpec().getInitContainers() != null) {
      all.addAll(pod.getSpec().getInitContainers());
    }
    all.addAll(pod.getSpec().getContainers());
    for (Container c : all) {
      Long u = runAsUser(psc, c.getSecurityContext());
      if (u == null) {
        allExplicit = false;
      } else {
        users.add(u);
      }
    }
    boolean shared = allExplicit && users.size() == 1;
    for (Container c : wired) {
      Long user = runAsUser(psc, c.getSecurityContext());
      Boolean nonRoot = c.getSecurityContext() != null && c.getSecurityContext().getRunAsNonRoot() != null
          ? c.getSecurityContext().getRunAsNonRoot() : psc == null ? null : psc.getRunAsNonRoot();
      boolean isNonRoot = user != null ? user != 0 : Boolean.TRUE.equals(nonRoot);
      if (isNonRoot && !shared) {
        findings.add(new Finding(Finding.Code.TOKEN_UNREADABLE, c.getName(), "runs as non-root user "
            + (user == null ? "(runAsNonRoot)" : user.toString()) + " without spec.securityContext.fsGroup; "
            + "the token file is readable by root only (set fsGroup, e.g. 65534)"));
      }
    }
  }

  private static Long runAsUser(PodSecurityContext psc, SecurityContext sc) {
    if (sc != null && sc.getRunAsUser() != null) {
      return sc.getRunAsUser();
    }
    return psc == null ? null : psc.getRunAsUser();
  }

  private static boolean mountsAny(Container c, Set<String> volumes) {
    if (c.getVolumeMounts() == null) {
      return false;
    }
    for (VolumeMount m : c.getVolumeMounts()) {
      if (volumes.contains(m.getName())) {
        return true;
      }
    }
    return false;
  }

  private static ServiceAccountTokenProjection tokenProjection(Volume v) {
    if (v.getProjected() == null || v.getProjected().getSources() == null) {
      return null;
    }
    for (VolumeProjection p : v.getProjected().getSources()) {
      if (p.getServiceAccountToken() != null) {
        return p.getServiceAccountToken();
      }
    }
    return null;
  }

  private static String value(List<EnvVar> env, String name) {
    for (EnvVar e : env) {
      if (name.equals(e.getName())) {
        return e.getValue() == null ? "" : e.getValue();
      }
    }
    return null;
  }
}
