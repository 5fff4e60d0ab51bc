package dev.irsa.core.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value of a {@code Principal} or {@code NotPrincipal} element: either {@code "*"} (everyone,
 * anonymous callers included) or a map from principal type to identifiers, kept in the order
 * written.
 *
 * <pre>{@code
 * Principal.federated("arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC")
 * Principal.service("pods.eks.amazonaws.com")
 * Principal.aws("111122223333").and(PrincipalType.SERVICE, "ec2.amazonaws.com")
 * }</pre>
 */
public final class Principal {
  private static final Principal ALL = new Principal(true, Map.of());

  private final boolean wildcard;
  private final Map<PrincipalType, List<String>> ids;

  private Principal(boolean wildcard, Map<PrincipalType, List<String>> ids) {
    this.wildcard = wildcard;
    this.ids = ids;
  }

  /** {@code "Principal": "*"}. */
  public static Principal all() {
    return ALL;
  }

  /** {@code {"AWS": [...]}}: account IDs, account root, role, user or session ARNs, or {@code "*"}. */
  public static Principal aws(String... ids) {
    return of(PrincipalType.AWS, Arrays.asList(ids));
  }

  /** {@code {"Federated": [...]}}: OIDC or SAML provider ARNs, or web identity providers. */
  public static Principal federated(String... ids) {
    return of(PrincipalType.FEDERATED, Arrays.asList(ids));
  }

  /** {@code {"Service": [...]}}: service principals such as {@code pods.eks.amazonaws.com}. */
  public static Principal service(String... ids) {
    return of(PrincipalType.SERVICE, Arrays.asList(ids));
  }

  /** {@code {"CanonicalUser": [...]}}. */
  public static Principal canonicalUser(String... ids) {
    return of(PrincipalType.CANONICAL_USER, Arrays.asList(ids));
  }

  /** One type with its identifiers. */
  public static Principal of(PrincipalType type, List<String> ids) {
    Map<PrincipalType, List<String>> m = new LinkedHashMap<>();
    m.put(Objects.requireNonNull(type, "type"), copy(ids));
    return new Principal(false, Collections.unmodifiableMap(m));
  }

  /** Several types, in the map's iteration order. */
  public static Principal of(Map<PrincipalType, ? extends List<String>> ids) {
    Map<PrincipalType, List<String>> m = new LinkedHashMap<>();
    ids.forEach((k, v) -> m.put(Objects.requireNonNull(k, "type"), copy(v)));
    return new Principal(false, Collections.unmodifiableMap(m));
  }

  /** This principal with {@code more} identifiers of {@code type} appended (no duplicates). */
  public Principal and(PrincipalType type, String... more) {
    if (wildcard) {
      throw new IllegalStateException("cannot add identifiers to Principal \"*\"");
    }
    Map<PrincipalType, List<String>> m = new LinkedHashMap<>(ids);
    List<String> list = new ArrayList<>(m.getOrDefault(type, List.of()));
    for (String id : more) {
      if (!list.contains(id)) {
        list.add(Objects.requireNonNull(id, "id"));
      }
    }
    m.put(type, Collections.unmodifiableList(list));
    return new Principal(false, Collections.unmodifiableMap(m));
  }

  private static List<String> copy(List<String> ids) {
    List<String> list = new ArrayList<>(ids.size());
    for (String id : ids) {
      list.add(Objects.requireNonNull(id, "principal identifier"));
    }
    return Collections.unmodifiableList(list);
  }

  /** True for {@code "Principal": "*"} (not for {@code {"AWS": "*"}}). */
  public boolean isWildcard() {
    return wildcard;
  }

  /** Identifiers by type, in the order written; empty for {@code "*"}. */
  public Map<PrincipalType, List<String>> ids() {
    return ids;
  }

  /** The identifiers of one type, or an empty list. */
  public List<String> ids(PrincipalType type) {
    return ids.getOrDefault(type, List.of());
  }

  /** The types present, in enum order. */
  public Map<PrincipalType, List<String>> byType() {
    return Collections.unmodifiableMap(new EnumMap<>(ids));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Principal p && p.wildcard == wildcard && p.ids.equals(ids);
  }

  @Override
  public int hashCode() {
    return wildcard ? 1 : ids.hashCode();
  }

  @Override
  public String toString() {
    if (wildcard) {
      return "*";
    }
    StringBuilder sb = new StringBuilder("{");
    ids.forEach((k, v) -> {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(k.json()).append('=').append(v.size() == 1 ? v.get(0) : v.toString());
    });
    return sb.append('}').toString();
  }
}
