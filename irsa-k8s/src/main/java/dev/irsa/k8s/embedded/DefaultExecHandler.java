package dev.irsa.k8s.embedded;

import dev.irsa.k8s.ExecResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the embedded cluster's containers can do by default: {@code env}/{@code printenv [NAME]} from
 * the container's spec, and {@code cat FILE} of a projected service-account token (a fresh token,
 * as the kubelet would have written it).
 */
final class DefaultExecHandler implements ExecHandler {
  private final TokenMinter minter;

  DefaultExecHandler(TokenMinter minter) {
    this.minter = minter;
  }

  static ExecResult notFound(ExecRequest r) {
    String cmd = r.command().isEmpty() ? "" : r.command().get(0);
    return new ExecResult(127, "", "embedded cluster: " + cmd + ": command not found (configure an ExecHandler)\n");
  }

  @Override
  public ExecResult exec(ExecRequest r) {
    List<String> cmd = r.command();
    if (cmd.isEmpty()) {
      return null;
    }
    if (cmd.size() == 1 && (cmd.get(0).equals("env") || cmd.get(0).equals("printenv"))) {
      StringBuilder out = new StringBuilder();
      for (Map.Entry<String, String> e : r.env().entrySet()) {
        out.append(e.getKey()).append('=').append(e.getValue()).append('\n');
      }
      return ExecResult.ok(out.toString());
    }
    if (cmd.size() == 2 && cmd.get(0).equals("printenv")) {
      String v = r.env().get(cmd.get(1));
      return v == null ? new ExecResult(1, "", "") : ExecResult.ok(v + "\n");
    }
    if (cmd.size() == 2 && cmd.get(0).equals("cat")) {
      return cat(r, cmd.get(1));
    }
    return null;
  }

  private ExecResult cat(ExecRequest r, String path) {
    Pod pod = r.pod();
    List<Container> all = new ArrayList<>(pod.getSpec().getContainers());
    if (pod.getSpec().getInitContainers() != null) {
      all.addAll(pod.getSpec().getInitContainers());
    }
    for (Container c : all) {
      if (!c.getName().equals(r.container()) || c.getVolumeMounts() == null) {
        continue;
      }
      for (VolumeMount m : c.getVolumeMounts()) {
        for (Volume v : pod.getSpec().getVolumes() == null ? List.<Volume>of() : pod.getSpec().getVolumes()) {
          if (!v.getName().equals(m.getName()) || v.getProjected() == null) {
            continue;
          }
          for (VolumeProjection p : v.getProjected().getSources()) {
            ServiceAccountTokenProjection t = p.getServiceAccountToken();
            if (t != null && path.equals(m.getMountPath() + "/" + t.getPath())) {
              long exp = t.getExpirationSeconds() == null ? 3600 : t.getExpirationSeconds();
              String sa = pod.getSpec().getServiceAccountName() == null ? "default" : pod.getSpec().getServiceAccountName();
              List<String> aud = t.getAudience() == null ? List.of("https://kubernetes.default.svc") : List.of(t.getAudience());
              return ExecResult.ok(minter.mint(pod.getMetadata().getNamespace(), sa, null, aud, exp,
                  pod.getMetadata().getName(), pod.getMetadata().getUid()).jwt());
            }
          }
        }
      }
    }
    return new ExecResult(1, "", "cat: " + path + ": No such file or directory\n");
  }
}
