package dev.irsa.core.internal;

/**
 * The front-door check of an optional integration: when a marker class of the optional artifact is
 * missing, fail at once with the artifact's Maven coordinates instead of a
 * {@link NoClassDefFoundError} from deep inside.
 */
public final class OptionalDependency {
  private OptionalDependency() {}

  /**
   * @param feature what needs the artifact, e.g. {@code "IamProvisioner"}
   * @param artifact its Maven coordinates, e.g. {@code "software.amazon.awssdk:iam"}
   * @param declaredBy the irsa module that declares it optional, e.g. {@code "irsa-core"}
   * @param markerClass a class of the artifact, looked up without initializing it
   * @param loader where to look (the feature's own class loader)
   * @throws IllegalStateException when {@code markerClass} cannot be loaded
   */
  public static void require(String feature, String artifact, String declaredBy, String markerClass,
      ClassLoader loader) {
    if (!present(markerClass, loader)) {
      throw new IllegalStateException(feature + " needs " + artifact + " on the class path: " + declaredBy
          + " declares it optional, add it to your build");
    }
  }

  /** True when {@code className} can be loaded by {@code loader}. */
  public static boolean present(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
