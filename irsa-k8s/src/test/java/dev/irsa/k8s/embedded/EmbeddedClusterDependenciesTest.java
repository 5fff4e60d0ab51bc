package dev.irsa.k8s.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The embedded cluster's optional jars (irsa-k8s declares them optional) are checked at its front
 * door: with one of them hidden from the class loader, {@code EmbeddedCluster.start()} names the
 * missing Maven artifact instead of failing with a NoClassDefFoundError from inside.
 */
class EmbeddedClusterDependenciesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "io.fabric8.kubernetes.client.server.mock. | EmbeddedCluster needs io.fabric8:kubernetes-server-mock on the "
          + "class path: irsa-k8s declares it optional, add it to your build",
      "io.fabric8.mockwebserver.                 | EmbeddedCluster needs io.fabric8:mockwebserver (a dependency of "
          + "kubernetes-server-mock) on the class path: irsa-k8s declares it optional, add it to your build",
      "io.fabric8.kubernetes.client.impl.        | EmbeddedCluster needs io.fabric8:kubernetes-client on the "
          + "class path: irsa-k8s declares it optional, add it to your build",
      "io.fabric8.kubernetes.client.jdkhttp.     | EmbeddedCluster needs an HTTP client for fabric8 on the class "
          + "path, such as io.fabric8:kubernetes-httpclient-jdk: irsa-k8s declares it optional, add it to your build"})
  void aMissingOptionalJarIsNamedAtTheFrontDoor(String hiddenPackage, String message) throws Exception {
    Class<?> cluster = Class.forName(EmbeddedCluster.class.getName(), true, new Hiding(hiddenPackage));
    Method start = cluster.getMethod("start");

    assertThatThrownBy(() -> {
      try {
        start.invoke(null);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }).isExactlyInstanceOf(IllegalStateException.class).hasMessage(message);
  }

  /** Loads irsa-k8s's own classes itself, so their references resolve here, and hides one package. */
  private static final class Hiding extends ClassLoader {
    private final String hidden;

    Hiding(String hidden) {
      super(EmbeddedClusterDependenciesTest.class.getClassLoader());
      this.hidden = hidden;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith(hidden)) {
          throw new ClassNotFoundException(name + " (hidden by the test)");
        }
        if (!name.startsWith("dev.irsa.k8s.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }
  }
}
