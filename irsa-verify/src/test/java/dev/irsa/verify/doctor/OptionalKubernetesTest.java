package dev.irsa.verify.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.policy.PolicyDocument;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * irsa-k8s is an optional dependency of irsa-verify: without it (and fabric8's model) on the class
 * path, the doctor's front door says which artifact to add instead of a NoClassDefFoundError deep inside.
 */
class OptionalKubernetesTest {
  @Test
  void theFrontDoorNamesTheMissingArtifact() throws Exception {
    URL verify = Doctor.class.getProtectionDomain().getCodeSource().getLocation();
    URL core = PolicyDocument.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader offline = new URLClassLoader(new URL[] {verify, core}, ClassLoader.getPlatformClassLoader())) {
      Class<?> doctor = Class.forName(Doctor.class.getName(), true, offline);
      Throwable t = null;
      try {
        doctor.getMethod("create").invoke(null);
      } catch (InvocationTargetException e) {
        t = e.getCause();
      }
      assertThat(t).isInstanceOf(IllegalStateException.class).hasMessage("the irsa doctor needs dev.irsa:irsa-k8s (and "
          + "fabric8's kubernetes-model) on the class path to inspect pods: add the dependency dev.irsa:irsa-k8s "
          + "(missing class dev.irsa.k8s.webhook.PodInspector)");
      // the snapshot and its readers work without it
      Class<?> snapshot = Class.forName(Snapshot.class.getName(), true, offline);
      assertThat(snapshot.getMethod("builder").invoke(null)).isNotNull();
    }
  }
}
