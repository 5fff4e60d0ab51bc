package dev.irsa.verify.doctor;

import java.util.List;
import java.util.Objects;

/**
 * A pod as the cluster returned it: namespace, name, its service account ({@code default} when the
 * spec names none), its owners ({@code Kind/name}), and the object's JSON for the pod inspector.
 */
public record KubePod(String namespace, String name, String serviceAccountName, List<String> owners, String json) {
  public KubePod {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(serviceAccountName, "serviceAccountName");
    owners = List.copyOf(owners);
    Objects.requireNonNull(json, "json");
  }

  /** {@code namespace/name}. */
  public String key() {
    return namespace + "/" + name;
  }

  /** {@code namespace/serviceAccountName}. */
  public String serviceAccountKey() {
    return namespace + "/" + serviceAccountName;
  }

  @Override
  public String toString() {
    return "Pod " + key() + " (service account " + serviceAccountName + ")";
  }
}
