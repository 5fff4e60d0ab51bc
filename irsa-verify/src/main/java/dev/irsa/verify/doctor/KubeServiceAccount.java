package dev.irsa.verify.doctor;

import dev.irsa.core.trust.ServiceAccountRef;
import java.util.Map;
import java.util.Objects;

/**
 * A service account as the cluster returned it: namespace, name, annotations, and the object's JSON
 * (kept for the pod inspector, which reads the role annotation's managedFields time).
 */
public record KubeServiceAccount(String namespace, String name, Map<String, String> annotations, String json) {
  public KubeServiceAccount {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(json, "json");
  }

  /** {@code namespace/name}. */
  public String key() {
    return namespace + "/" + name;
  }

  /** The reference, or {@code null} when the names are not valid Kubernetes names. */
  public ServiceAccountRef ref() {
    try {
      return ServiceAccountRef.of(namespace, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "ServiceAccount " + key() + " " + annotations;
  }
}
