package dev.irsa.core.trust;

import dev.irsa.core.internal.Names;
import dev.irsa.core.internal.Quote;
import java.util.Objects;

/**
 * A Kubernetes service account by namespace and name; its IRSA token subject is
 * {@code system:serviceaccount:<namespace>:<name>}.
 *
 * <pre>{@code
 * ServiceAccountRef sa = ServiceAccountRef.of("payments", "api");
 * sa.subject();   // "system:serviceaccount:payments:api"
 * }</pre>
 *
 * A <em>pattern</em> ({@link #pattern}) may hold {@code *} and {@code ?}; trust builders accept one
 * only after an explicit opt-in to {@code StringLike} matching.
 */
public final class ServiceAccountRef {
  /** The prefix of every service-account token subject. */
  public static final String SUBJECT_PREFIX = "system:serviceaccount:";

  private final String namespace;
  private final String name;
  private final boolean pattern;

  private ServiceAccountRef(String namespace, String name, boolean pattern) {
    this.namespace = namespace;
    this.name = name;
    this.pattern = pattern;
  }

  /**
   * A service account.
   *
   * @throws IllegalArgumentException if the namespace is not a DNS-1123 label or the name not a
   *     DNS-1123 subdomain; the message quotes the value
   */
  public static ServiceAccountRef of(String namespace, String name) {
    return new ServiceAccountRef(Names.namespace(namespace), Names.subdomain("service account name", name), false);
  }

  /**
   * A subject pattern such as {@code ("payments", "api-*")}: {@code *} and {@code ?} are wildcards.
   * A wildcard in the namespace lets service accounts in other namespaces assume the role; the
   * linter flags it.
   *
   * @throws IllegalArgumentException if a part is empty or has characters that no name can have
   */
  public static ServiceAccountRef pattern(String namespace, String name) {
    check("namespace pattern", namespace);
    check("service account name pattern", name);
    boolean wild = hasWildcard(namespace) || hasWildcard(name);
    if (!wild) {
      return of(namespace, name);
    }
    return new ServiceAccountRef(namespace, name, true);
  }

  private static void check(String what, String v) {
    if (v == null || v.isEmpty() || !v.matches("[a-z0-9.*?-]+")) {
      throw new IllegalArgumentException(what + " must be lowercase letters, digits, '-', '.', '*' or '?', got: " + Quote.single(v));
    }
  }

  /**
   * Parses {@code namespace:name}, or a full subject {@code system:serviceaccount:namespace:name}.
   *
   * @throws IllegalArgumentException when the text has another shape or invalid names
   */
  public static ServiceAccountRef parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.startsWith(SUBJECT_PREFIX) ? text.substring(SUBJECT_PREFIX.length()) : text;
    int colon = t.indexOf(':');
    if (colon <= 0 || colon == t.length() - 1 || t.indexOf(':', colon + 1) >= 0) {
      throw new IllegalArgumentException("service account must be written NAMESPACE:NAME, got: " + Quote.single(text));
    }
    String ns = t.substring(0, colon);
    String name = t.substring(colon + 1);
    return hasWildcard(ns) || hasWildcard(name) ? pattern(ns, name) : of(ns, name);
  }

  private static boolean hasWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** True when namespace or name holds a wildcard. */
  public boolean isPattern() {
    return pattern;
  }

  /** {@code system:serviceaccount:<namespace>:<name>}, the token's {@code sub} claim. */
  public String subject() {
    return SUBJECT_PREFIX + namespace + ":" + name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceAccountRef s && s.namespace.equals(namespace) && s.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, name);
  }

  /** {@code namespace:name}. */
  @Override
  public String toString() {
    return namespace + ":" + name;
  }
}
