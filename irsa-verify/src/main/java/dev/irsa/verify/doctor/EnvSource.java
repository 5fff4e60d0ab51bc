package dev.irsa.verify.doctor;

import java.util.Objects;
import java.util.Set;

/**
 * A ConfigMap or Secret a pod may name in {@code envFrom}: its key names only (values are never read
 * into a snapshot), so the doctor can tell whether it injects {@code AWS_ACCESS_KEY_ID} or {@code AWS_PROFILE}.
 */
public record EnvSource(Kind kind, String namespace, String name, Set<String> keys) {
  /** The two kinds {@code envFrom} can name. */
  public enum Kind { CONFIG_MAP, SECRET }

  public EnvSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    keys = Set.copyOf(keys);
  }

  /** {@code KIND/namespace/name}. */
  public String key() {
    return kind + "/" + namespace + "/" + name;
  }
}
