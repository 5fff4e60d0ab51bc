package dev.irsa.k8s;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.internal.Quote;
import dev.irsa.core.trust.ServiceAccountRef;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Service accounts annotated for IRSA. Writes are read-modify-write with the object's
 * {@code resourceVersion}, so a concurrent edit makes the API server answer 409 Conflict; the write
 * is then retried on a fresh read, keeping the other writer's annotations and labels.
 */
public final class ServiceAccounts {
  /** How many times a write is attempted before a 409 is passed on. */
  public static final int MAX_ATTEMPTS = 5;

  private final KubernetesClient client;

  ServiceAccounts(KubernetesClient client) {
    this.client = client;
  }

  /** What {@link #ensure} did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /**
   * The result of {@link #ensure}: what happened, the service account as stored, the role it named
   * before (if any), and whether the namespace was created.
   */
  public record EnsureResult(Outcome outcome, ServiceAccount serviceAccount, Optional<String> previousRole,
      boolean namespaceCreated) {
    @Override
    public String toString() {
      return "EnsureResult{" + outcome + ", " + serviceAccount.getMetadata().getNamespace() + ":"
          + serviceAccount.getMetadata().getName() + (namespaceCreated ? ", namespace created" : "") + "}";
    }
  }

  /** The service account, if it exists. */
  public Optional<ServiceAccount> get(ServiceAccountRef sa) {
    return Optional.ofNullable(client.serviceAccounts().inNamespace(sa.namespace()).withName(sa.name()).get());
  }

  /**
   * Makes sure the service account exists with the binding's annotations, the
   * {@code app.kubernetes.io/managed-by: irsa} label (unless another manager is already named) and
   * the binding's labels, keeping every other annotation and label already there.
   *
   * @throws ServiceAccountConflictException when the service account names another role and the
   *     binding does not override
   * @throws IllegalStateException when the namespace does not exist and the binding does not create it
   * @throws KubernetesClientException from the API server, including a 409 still left after
   *     {@link #MAX_ATTEMPTS} attempts
   */
  public EnsureResult ensure(ServiceAccountBinding binding) {
    Objects.requireNonNull(binding, "binding");
    ServiceAccountRef ref = binding.serviceAccount();
    boolean nsCreated = ensureNamespace(ref.namespace(), binding.createNamespace());
    KubernetesClientException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      ServiceAccount current = client.serviceAccounts().inNamespace(ref.namespace()).withName(ref.name()).get();
      try {
        if (current == null) {
          ServiceAccount created = client.serviceAccounts().inNamespace(ref.namespace()).resource(
              new ServiceAccountBuilder().withNewMetadata().withNamespace(ref.namespace()).withName(ref.name())
                  .withAnnotations(binding.annotations()).withLabels(labels(Map.of(), binding)).endMetadata().build())
              .create();
          return new EnsureResult(Outcome.CREATED, created, Optional.empty(), nsCreated);
        }
        Map<String, String> annotations = current.getMetadata().getAnnotations() == null
            ? new LinkedHashMap<>() : new LinkedHashMap<>(current.getMetadata().getAnnotations());
        String existing = annotations.get(EksAnnotations.ROLE_ARN);
        String wanted = binding.role().toString();
        if (existing != null && !existing.isEmpty() && !existing.equals(wanted) && !binding.overrideExisting()) {
          throw new ServiceAccountConflictException(ref, existing, binding.role());
        }
        annotations.putAll(binding.annotations());
        Map<String, String> labels = labels(current.getMetadata().getLabels(), binding);
        if (annotations.equals(orEmpty(current.getMetadata().getAnnotations()))
            && labels.equals(orEmpty(current.getMetadata().getLabels()))) {
          return new EnsureResult(Outcome.UNCHANGED, current, Optional.ofNullable(existing), nsCreated);
        }
        ServiceAccount desired = new ServiceAccountBuilder(current).editMetadata().withAnnotations(annotations)
            .withLabels(labels).endMetadata().build();
        ServiceAccount updated = client.serviceAccounts().inNamespace(ref.namespace()).resource(desired).update();
        return new EnsureResult(Outcome.UPDATED, updated, Optional.ofNullable(existing), nsCreated);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /**
   * Removes the {@code eks.amazonaws.com/role-arn} annotation and irsa's managed-by label (the other
   * {@code eks.amazonaws.com/} settings stay). Pods already running keep their credentials until
   * they are recreated.
   *
   * @return true when the service account had the annotation or label
   * @throws KubernetesClientException from the API server (409 after {@link #MAX_ATTEMPTS} attempts)
   */
  public boolean unbind(ServiceAccountRef ref) {
    KubernetesClientException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      ServiceAccount current = client.serviceAccounts().inNamespace(ref.namespace()).withName(ref.name()).get();
      if (current == null) {
        return false;
      }
      Map<String, String> annotations = new LinkedHashMap<>(orEmpty(current.getMetadata().getAnnotations()));
      Map<String, String> labels = new LinkedHashMap<>(orEmpty(current.getMetadata().getLabels()));
      boolean changed = annotations.remove(EksAnnotations.ROLE_ARN) != null;
      if (EksAnnotations.MANAGED_BY_VALUE.equals(labels.get(EksAnnotations.MANAGED_BY_LABEL))) {
        labels.remove(EksAnnotations.MANAGED_BY_LABEL);
        changed = true;
      }
      if (!changed) {
        return false;
      }
      try {
        client.serviceAccounts().inNamespace(ref.namespace()).resource(new ServiceAccountBuilder(current)
            .editMetadata().withAnnotations(annotations).withLabels(labels).endMetadata().build()).update();
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /** The role the service account names, if any. */
  public Optional<RoleArn> role(ServiceAccountRef ref) {
    return get(ref).map(sa -> orEmpty(sa.getMetadata().getAnnotations()).get(EksAnnotations.ROLE_ARN))
        .filter(s -> !s.isEmpty()).map(RoleArn::parse);
  }

  private boolean ensureNamespace(String ns, boolean create) {
    if (client.namespaces().withName(ns).get() != null) {
      return false;
    }
    if (!create) {
      throw new IllegalStateException("namespace " + Quote.single(ns) + " does not exist; pass createNamespace(true) to create it");
    }
    try {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
          .addToLabels(EksAnnotations.MANAGED_BY_LABEL, EksAnnotations.MANAGED_BY_VALUE).endMetadata().build()).create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  static Map<String, String> labels(Map<String, String> existing, ServiceAccountBinding binding) {
    Map<String, String> labels = new LinkedHashMap<>(orEmpty(existing));
    // another tool's ownership (helm, argocd, ...) is kept
    labels.putIfAbsent(EksAnnotations.MANAGED_BY_LABEL, EksAnnotations.MANAGED_BY_VALUE);
    labels.putAll(binding.labels());
    return labels;
  }

  private static Map<String, String> orEmpty(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }
}
