package dev.irsa.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Create a test pod, wait until it is Ready, run commands in it, delete it. */
public final class TestPods {
  private final KubernetesClient client;

  TestPods(KubernetesClient client) {
    this.client = client;
  }

  /** Creates the pod (the API server, and so the webhook, sees it now) and returns it as stored. */
  public Pod create(TestPod pod) {
    Objects.requireNonNull(pod, "pod");
    return client.pods().inNamespace(pod.namespace()).resource(pod.toPod()).create();
  }

  /**
   * Waits until the pod is Ready.
   *
   * @throws PodNotReadyException when it is not Ready within {@code timeout}, or has finished
   *     (phase Succeeded/Failed); the message names the phase, each container's waiting or
   *     terminated reason, the conditions that are not True, and the pod's recent events
   */
  public Pod awaitReady(String namespace, String name, Duration timeout) {
    Pod last;
    try {
      last = client.pods().inNamespace(namespace).withName(name).waitUntilCondition(
          p -> p != null && (Readiness.isPodReady(p) || isFinished(p)), timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientTimeoutException e) {
      last = client.pods().inNamespace(namespace).withName(name).get();
      throw new PodNotReadyException(namespace, name, notReady(namespace, name, last, "not Ready after " + human(timeout)));
    }
    if (last != null && Readiness.isPodReady(last)) {
      return last;
    }
    throw new PodNotReadyException(namespace, name, notReady(namespace, name, last, "finished without becoming Ready"));
  }

  private static boolean isFinished(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private String notReady(String ns, String name, Pod pod, String what) {
    StringBuilder m = new StringBuilder("pod " + ns + "/" + name + " " + what);
    if (pod == null) {
      return m.append(": pod not found").toString();
    }
    String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "unknown" : pod.getStatus().getPhase();
    m.append(": phase ").append(phase);
    if (pod.getStatus() != null) {
      if (pod.getStatus().getReason() != null) {
        m.append(" (").append(pod.getStatus().getReason()).append(')');
      }
      for (ContainerStatus cs : orEmpty(pod.getStatus().getContainerStatuses())) {
        if (cs.getState() != null && cs.getState().getWaiting() != null) {
          m.append("; container ").append(cs.getName()).append(" waiting: ").append(cs.getState().getWaiting().getReason());
          if (cs.getState().getWaiting().getMessage() != null) {
            m.append(" (").append(cs.getState().getWaiting().getMessage()).append(')');
          }
        } else if (cs.getState() != null && cs.getState().getTerminated() != null) {
          m.append("; container ").append(cs.getName()).append(" terminated: ")
              .append(cs.getState().getTerminated().getReason()).append(", exit code ")
              .append(cs.getState().getTerminated().getExitCode());
        }
      }
      for (PodCondition c : orEmpty(pod.getStatus().getConditions())) {
        if (!"True".equals(c.getStatus())) {
          m.append("; ").append(c.getType()).append('=').append(c.getStatus());
          if (c.getReason() != null) {
            m.append(" (").append(c.getReason()).append(c.getMessage() == null ? "" : ": " + c.getMessage()).append(')');
          }
        }
      }
    }
    List<Event> events = new ArrayList<>(client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null && name.equals(e.getInvolvedObject().getName())
            && (e.getInvolvedObject().getKind() == null || "Pod".equals(e.getInvolvedObject().getKind())))
        .toList());
    events.sort(Comparator.comparing(e -> e.getLastTimestamp() == null ? "" : e.getLastTimestamp()));
    if (events.isEmpty()) {
      m.append("; no events");
    } else {
      m.append("; events:");
      for (Event e : events.subList(Math.max(0, events.size() - 5), events.size())) {
        m.append(" [").append(e.getType()).append(' ').append(e.getReason()).append(": ").append(e.getMessage()).append(']');
      }
    }
    return m.toString();
  }

  /**
   * Runs a command in a container and waits for it to exit.
   *
   * @param container the container, or {@code null} for the pod's first
   * @throws IllegalStateException when the command does not finish within {@code timeout}
   */
  public ExecResult exec(String namespace, String name, String container, Duration timeout, String... command) {
    if (command.length == 0) {
      throw new IllegalArgumentException("command must not be empty");
    }
    String c = container;
    if (c == null) {
      Pod pod = client.pods().inNamespace(namespace).withName(name).get();
      if (pod == null) {
        throw new IllegalStateException("pod " + namespace + "/" + name + " not found");
      }
      c = pod.getSpec().getContainers().get(0).getName();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ExecWatch w = client.pods().inNamespace(namespace).withName(name).inContainer(c)
        .writingOutput(out).writingError(err).exec(command)) {
      int code = w.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new ExecResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      throw new IllegalStateException("command " + command[0] + " in pod " + namespace + "/" + name + " container " + c
          + " did not finish within " + human(timeout), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command[0] + " in pod " + namespace + "/" + name, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("command " + command[0] + " in pod " + namespace + "/" + name + " container " + c
          + " failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Deletes the pod; true when it existed. */
  public boolean delete(String namespace, String name) {
    return !client.pods().inNamespace(namespace).withName(name).delete().isEmpty();
  }

  static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
