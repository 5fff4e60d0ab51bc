package dev.irsa.k8s;

import java.util.Objects;

/** A controller or pod by kind, namespace and name. */
public record Workload(String kind, String namespace, String name) {
  public Workload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** {@code Kind/namespace/name}. */
  @Override
  public String toString() {
    return kind + "/" + namespace + "/" + name;
  }
}
