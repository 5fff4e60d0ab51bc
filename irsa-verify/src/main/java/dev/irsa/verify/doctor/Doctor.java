package dev.irsa.verify.doctor;

import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.doctor.internal.Audit;
import dev.irsa.verify.doctor.internal.Diagnosis;
import dev.irsa.verify.doctor.internal.SnapshotIndex;
import java.util.List;
import java.util.Objects;

/**
 * The front door of the doctor and the audit: pure functions from a {@link Snapshot} to a {@link Report}.
 *
 * <pre>{@code
 * Snapshot s = Snapshot.builder()...;   // or SnapshotFiles.addKubernetes(...), LiveCollector.collect(...)
 * Report r = Doctor.create().diagnose(s, ServiceAccountRef.of("irsa-demo", "aws-cli"));
 * r.hasErrors();
 * r.findings();      // code, severity, subject, message, evidence, fix
 * Doctor.create().audit(s, null, Doctor.Progress.NONE);
 * }</pre>
 *
 * The diagnosis inspects pods with irsa-k8s's pod inspector, so it needs {@code dev.irsa:irsa-k8s}
 * (an optional dependency of irsa-verify) at run time; {@link #create()} says so when it is missing.
 */
public final class Doctor {
  /** Progress of a long audit: a phase, how many items of it are done, and how many there are. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (phase, done, total) -> { };

    void phase(String phase, int done, int total);
  }

  private static final String[] NEEDED = {"dev.irsa.k8s.webhook.PodInspector", "io.fabric8.kubernetes.api.model.Pod"};

  private Doctor() {}

  /**
   * The doctor.
   *
   * @throws IllegalStateException naming the missing artifact when irsa-k8s (or fabric8's model) is not on the class path
   */
  public static Doctor create() {
    requireKubernetesModel();
    return new Doctor();
  }

  /** Fails, naming the artifact, when irsa-k8s or fabric8's model is missing. */
  static void requireKubernetesModel() {
    for (String c : NEEDED) {
      try {
        Class.forName(c, false, Doctor.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("the irsa doctor needs dev.irsa:irsa-k8s (and fabric8's kubernetes-model) on "
            + "the class path to inspect pods: add the dependency dev.irsa:irsa-k8s (missing class " + c + ")");
      }
    }
  }

  /** Diagnoses one service account and all its pods. */
  public Report diagnose(Snapshot snapshot, ServiceAccountRef serviceAccount) {
    return diagnose(snapshot, serviceAccount, null, List.of());
  }

  /**
   * Diagnoses one service account: the annotation, the role, the OIDC provider, the trust, the pods
   * (only {@code podName} when given), and the expectations against the role's policies.
   *
   * @throws IllegalArgumentException when {@code podName} names no pod of the service account in the snapshot
   */
  public Report diagnose(Snapshot snapshot, ServiceAccountRef serviceAccount, String podName,
      List<PermissionExpectation> expectations) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    Diagnosis d = new Diagnosis(new SnapshotIndex(snapshot));
    return new Report(d.serviceAccount(serviceAccount, podName, List.copyOf(expectations), false));
  }

  /**
   * Audits every service account that names a role (in {@code namespace}, or all when {@code null}) and
   * every role that trusts an OIDC provider.
   */
  public Report audit(Snapshot snapshot, String namespace, Progress progress) {
    Objects.requireNonNull(snapshot, "snapshot");
    progress.phase("index", 0, 1);
    SnapshotIndex idx = new SnapshotIndex(snapshot);
    progress.phase("index", 1, 1);
    return new Report(new Audit(idx, namespace, Objects.requireNonNull(progress, "progress")).run());
  }
}
