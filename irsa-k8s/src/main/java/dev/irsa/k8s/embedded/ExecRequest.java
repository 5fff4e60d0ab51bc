package dev.irsa.k8s.embedded;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A command run in a container of a pod of the embedded cluster. */
public record ExecRequest(Pod pod, String container, List<String> command) {
  public ExecRequest {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(container, "container");
    command = List.copyOf(command);
  }

  /** The container's literal {@code env} values (variables from {@code valueFrom} are left out). */
  public Map<String, String> env() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Container c : containers()) {
      if (c.getName().equals(container) && c.getEnv() != null) {
        for (EnvVar e : c.getEnv()) {
          if (e.getValue() != null) {
            out.put(e.getName(), e.getValue());
          }
        }
      }
    }
    return out;
  }

  private List<Container> containers() {
    List<Container> all = new java.util.ArrayList<>(pod.getSpec().getContainers());
    if (pod.getSpec().getInitContainers() != null) {
      all.addAll(pod.getSpec().getInitContainers());
    }
    return all;
  }

  @Override
  public String toString() {
    return "ExecRequest{" + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + "/" + container
        + ": " + command + "}";
  }
}
