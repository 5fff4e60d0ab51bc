package dev.irsa.verify.doctor.internal;

import dev.irsa.k8s.webhook.CredentialMode;
import dev.irsa.k8s.webhook.PodInspector;
import dev.irsa.k8s.webhook.PodWiring;
import dev.irsa.verify.doctor.Code;
import dev.irsa.verify.doctor.EnvSource;
import dev.irsa.verify.doctor.Finding;
import dev.irsa.verify.doctor.KubePod;
import dev.irsa.verify.doctor.KubeServiceAccount;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pod checks through irsa-k8s's {@link PodInspector}: its findings are mapped to the doctor's codes
 * (stale or not mutated, another role, token unreadable, credentials overridden, Pod Identity mode).
 * The only class of the doctor that touches fabric8 and irsa-k8s.
 */
public final class PodChecks {
  private PodChecks() {}

  /** The service account as fabric8's model, for one or more {@link #check} calls. */
  public static Object serviceAccount(KubeServiceAccount sa) {
    return Serialization.unmarshal(sa.json(), ServiceAccount.class);
  }

  /**
   * Findings for one pod of an annotated service account.
   *
   * @param fabric8Sa what {@link #serviceAccount} returned
   */
  public static List<Finding> check(KubePod kubePod, Object fabric8Sa, SnapshotIndex idx) {
    Pod pod = Serialization.unmarshal(kubePod.json(), Pod.class);
    PodInspector inspector = PodInspector.withEnvFrom(source -> {
      EnvSource e = source.getSecretRef() != null
          ? idx.envSource(EnvSource.Kind.SECRET, kubePod.namespace(), source.getSecretRef().getName())
          : source.getConfigMapRef() != null
          ? idx.envSource(EnvSource.Kind.CONFIG_MAP, kubePod.namespace(), source.getConfigMapRef().getName()) : null;
      return e == null ? Optional.empty() : Optional.of(e.keys());
    });
    PodWiring w;
    try {
      w = inspector.inspect(pod, (ServiceAccount) fabric8Sa);
    } catch (IllegalArgumentException e) {
      return List.of();   // a pod the API server would not have accepted: nothing to say about its wiring
    }
    String subject = "pod " + kubePod.key();
    List<Finding> out = new ArrayList<>();
    if (w.mode() == CredentialMode.POD_IDENTITY) {
      out.add(new Finding(Code.POD_IDENTITY_SHADOWS_IRSA, subject, "the pod gets credentials from EKS Pod Identity, "
          + "which wins over IRSA: it does not use the role its service account names", List.of("pod is in Pod "
          + "Identity mode (AWS_CONTAINER_CREDENTIALS_FULL_URI), service account names "
          + w.expectedRole().orElse("(none)")), "delete the Pod Identity association for " + w.serviceAccount()
          + " (aws eks delete-pod-identity-association) or drop the role annotation; then " + restart(kubePod)));
      return out;
    }
    Map<Code, List<String>> evidence = new EnumMap<>(Code.class);
    for (dev.irsa.k8s.webhook.Finding f : w.findings()) {
      Code code = switch (f.code()) {
        case STALE_NOT_WIRED, WEBHOOK_DID_NOT_RUN -> Code.POD_NOT_MUTATED;
        case STALE_OTHER_ROLE, STALE_ANNOTATION_REMOVED -> Code.POD_ROLE_MISMATCH;
        case TOKEN_UNREADABLE, TOKEN_NOT_MOUNTED -> Code.TOKEN_UNREADABLE;
        case OVERRIDDEN_STATIC_KEYS, OVERRIDDEN_PROFILE -> Code.CREDENTIALS_OVERRIDDEN;
        default -> null;
      };
      if (code != null) {
        evidence.computeIfAbsent(code, k -> new ArrayList<>()).add(f.toString());
      }
    }
    String created = pod.getMetadata() == null ? null : pod.getMetadata().getCreationTimestamp();
    evidence.forEach((code, ev) -> {
      List<String> all = new ArrayList<>(ev);
      String message;
      String fix;
      switch (code) {
        case POD_NOT_MUTATED -> {
          if (created != null) {
            all.add("pod created " + created);
          }
          message = "the pod has no AWS_ROLE_ARN/AWS_WEB_IDENTITY_TOKEN_FILE although its service account names "
              + w.expectedRole().orElse("a role");
          fix = ev.stream().anyMatch(e -> e.startsWith("WEBHOOK_DID_NOT_RUN"))
              ? "check the MutatingWebhookConfiguration pod-identity-webhook and its pods, then " + restart(kubePod)
              : restart(kubePod) + " (the webhook mutates pods only when they are created)";
        }
        case POD_ROLE_MISMATCH -> {
          message = "the pod is wired for " + w.role().orElse("no role") + " but its service account names "
              + w.expectedRole().orElse("no role");
          fix = restart(kubePod);
        }
        case TOKEN_UNREADABLE -> {
          message = "a container cannot read the web identity token";
          fix = "set spec.securityContext.fsGroup (e.g. 65534) in the pod template, or mount the token volume; then "
              + restart(kubePod);
        }
        default -> {
          message = "static keys or AWS_PROFILE come before the web identity token in the SDKs' credential chain";
          fix = "remove AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN/AWS_PROFILE from the container's "
              + "env and envFrom sources; then " + restart(kubePod);
        }
      }
      out.add(new Finding(code, subject, message, all, fix));
    });
    return out;
  }

  /** The command that recreates the pod: a rollout restart of its controller, or delete and create. */
  static String restart(KubePod pod) {
    for (String owner : pod.owners()) {
      int slash = owner.indexOf('/');
      String kind = owner.substring(0, slash);
      String name = owner.substring(slash + 1);
      if (kind.equals("ReplicaSet") && name.lastIndexOf('-') > 0) {
        return "kubectl -n " + pod.namespace() + " rollout restart deployment/" + name.substring(0, name.lastIndexOf('-'));
      }
      if (kind.equals("StatefulSet") || kind.equals("DaemonSet") || kind.equals("Deployment")) {
        return "kubectl -n " + pod.namespace() + " rollout restart " + kind.toLowerCase(java.util.Locale.ROOT) + "/" + name;
      }
    }
    return "recreate the pod: kubectl -n " + pod.namespace() + " delete pod " + pod.name() + " (and create it again)";
  }
}
