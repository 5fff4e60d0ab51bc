package dev.irsa.k8s;

import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.webhook.PodInspector;
import dev.irsa.k8s.webhook.PodWiring;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workloads that run under a service account, and restarting the ones whose pods are stale
 * (created before the role annotation, or wired for another role).
 *
 * <p>Pods are matched on {@code spec.serviceAccountName} client-side (the field selector is not
 * available everywhere); controllers on their pod template's.
 */
public final class Workloads {
  /** The pod-template annotation {@code kubectl rollout restart} sets. */
  public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  private final KubernetesClient client;
  private final IrsaKubernetes irsa;
  private final Clock clock;

  Workloads(KubernetesClient client, IrsaKubernetes irsa, Clock clock) {
    this.client = client;
    this.irsa = irsa;
    this.clock = clock;
  }

  /** A pod under the service account, its controller (a Deployment rather than its ReplicaSet), and its wiring. */
  public record PodUnder(Workload pod, Optional<Workload> controller, PodWiring wiring) {}

  /** Everything running under one service account. */
  public record Report(ServiceAccountRef serviceAccount, List<Workload> controllers, List<PodUnder> pods) {
    public Report {
      controllers = List.copyOf(controllers);
      pods = List.copyOf(pods);
    }

    /** The pods whose wiring is stale. */
    public List<PodUnder> stalePods() {
      return pods.stream().filter(p -> p.wiring().stale()).toList();
    }
  }

  /** One thing {@link #restartStale} did or left alone. */
  public record Action(Kind kind, Workload target, String reason) {
    /** What was done. */
    public enum Kind {
      /** {@code kubectl rollout restart}: the pod template got a new restartedAt annotation. */
      ROLLOUT_RESTART,
      /** The pod was deleted for its controller to recreate. */
      DELETE_POD,
      /** Not restarted (a bare pod: deleting it would not bring it back). */
      SKIPPED
    }

    @Override
    public String toString() {
      return kind + " " + target + ": " + reason;
    }
  }

  /** Finds the pods, deployments, statefulsets, daemonsets and jobs that run under the service account. */
  public Report find(ServiceAccountRef sa) {
    String ns = sa.namespace();
    List<Workload> controllers = new ArrayList<>();
    client.apps().deployments().inNamespace(ns).list().getItems().stream()
        .filter(d -> runsAs(d.getSpec().getTemplate(), sa))
        .forEach(d -> controllers.add(new Workload("Deployment", ns, d.getMetadata().getName())));
    client.apps().statefulSets().inNamespace(ns).list().getItems().stream()
        .filter(d -> runsAs(d.getSpec().getTemplate(), sa))
        .forEach(d -> controllers.add(new Workload("StatefulSet", ns, d.getMetadata().getName())));
    client.apps().daemonSets().inNamespace(ns).list().getItems().stream()
        .filter(d -> runsAs(d.getSpec().getTemplate(), sa))
        .forEach(d -> controllers.add(new Workload("DaemonSet", ns, d.getMetadata().getName())));
    client.batch().v1().jobs().inNamespace(ns).list().getItems().stream()
        .filter(d -> runsAs(d.getSpec().getTemplate(), sa))
        .forEach(d -> controllers.add(new Workload("Job", ns, d.getMetadata().getName())));
    ServiceAccount account = client.serviceAccounts().inNamespace(ns).withName(sa.name()).get();
    PodInspector inspector = irsa.inspector(ns);
    List<PodUnder> pods = new ArrayList<>();
    for (Pod p : client.pods().inNamespace(ns).list().getItems()) {
      String podSa = p.getSpec().getServiceAccountName() == null ? "default" : p.getSpec().getServiceAccountName();
      if (!podSa.equals(sa.name())) {
        continue;
      }
      pods.add(new PodUnder(new Workload("Pod", ns, p.getMetadata().getName()), controllerOf(p),
          inspector.inspect(p, account)));
    }
    return new Report(sa, controllers, pods);
  }

  /**
   * Restarts what runs stale pods under the service account: a rollout restart of each Deployment
   * (once), deletion of pods owned by other controllers (ReplicaSet, StatefulSet, DaemonSet, Job),
   * and nothing for bare pods (reported as skipped).
   */
  public List<Action> restartStale(ServiceAccountRef sa) {
    Report report = find(sa);
    List<Action> actions = new ArrayList<>();
    Set<Workload> restarted = new LinkedHashSet<>();
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    for (PodUnder p : report.stalePods()) {
      String why = p.wiring().findings().stream().filter(f -> f.code().name().startsWith("STALE")).findFirst()
          .map(f -> f.code().name()).orElse("stale");
      if (p.controller().isEmpty()) {
        actions.add(new Action(Action.Kind.SKIPPED, p.pod(), why + "; not owned by a controller, so deleting it would "
            + "not bring it back: recreate it yourself"));
        continue;
      }
      Workload c = p.controller().get();
      if (c.kind().equals("Deployment")) {
        if (restarted.add(c)) {
          client.apps().deployments().inNamespace(c.namespace()).withName(c.name()).patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + RESTARTED_AT + "\":\"" + now + "\"}}}}}");
          actions.add(new Action(Action.Kind.ROLLOUT_RESTART, c, why + " pod " + p.pod().name()));
        }
      } else {
        client.pods().inNamespace(p.pod().namespace()).withName(p.pod().name()).delete();
        actions.add(new Action(Action.Kind.DELETE_POD, p.pod(), why + "; " + c + " recreates it"));
      }
    }
    return actions;
  }

  private Optional<Workload> controllerOf(Pod p) {
    Optional<OwnerReference> owner = controllerRef(p.getMetadata().getOwnerReferences());
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    String ns = p.getMetadata().getNamespace();
    OwnerReference o = owner.get();
    if (o.getKind().equals("ReplicaSet")) {
      ReplicaSet rs = client.apps().replicaSets().inNamespace(ns).withName(o.getName()).get();
      if (rs != null) {
        Optional<OwnerReference> d = controllerRef(rs.getMetadata().getOwnerReferences());
        if (d.isPresent() && d.get().getKind().equals("Deployment")) {
          return Optional.of(new Workload("Deployment", ns, d.get().getName()));
        }
      }
    }
    return Optional.of(new Workload(o.getKind(), ns, o.getName()));
  }

  private static Optional<OwnerReference> controllerRef(List<OwnerReference> refs) {
    if (refs == null) {
      return Optional.empty();
    }
    return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst()
        .or(() -> refs.stream().findFirst());
  }

  private static boolean runsAs(PodTemplateSpec t, ServiceAccountRef sa) {
    String name = t == null || t.getSpec() == null ? null : t.getSpec().getServiceAccountName();
    return sa.name().equals(name == null || name.isEmpty() ? "default" : name);
  }
}
