package dev.irsa.core.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One service of the catalog: its actions, resource types and service-specific condition keys. */
public final class Service {
  private final String prefix;
  private final String name;
  private final Map<String, ServiceAction> actions;
  private final Map<String, ResourceType> resourceTypes;
  private final Map<String, ConditionKey> conditionKeys;

  Service(String prefix, String name, Map<String, ServiceAction> actionsByLowerName,
      Map<String, ResourceType> resourceTypes, Map<String, ConditionKey> conditionKeysByLowerName) {
    this.prefix = prefix;
    this.name = name;
    this.actions = Collections.unmodifiableMap(new LinkedHashMap<>(actionsByLowerName));
    this.resourceTypes = Collections.unmodifiableMap(new LinkedHashMap<>(resourceTypes));
    this.conditionKeys = Collections.unmodifiableMap(new LinkedHashMap<>(conditionKeysByLowerName));
  }

  /** The action prefix, e.g. {@code s3}. */
  public String prefix() {
    return prefix;
  }

  /** The service's name, e.g. {@code Amazon S3}. */
  public String name() {
    return name;
  }

  /** All actions, sorted by name. */
  public Collection<ServiceAction> actions() {
    return actions.values();
  }

  /** The action with this name, ignoring case ({@code getobject} finds {@code GetObject}). */
  public Optional<ServiceAction> action(String actionName) {
    return Optional.ofNullable(actions.get(actionName.toLowerCase(Locale.ROOT)));
  }

  /** Resource types by name. */
  public Map<String, ResourceType> resourceTypes() {
    return resourceTypes;
  }

  /** Service-specific condition keys, sorted by name. */
  public Collection<ConditionKey> conditionKeys() {
    return conditionKeys.values();
  }

  /**
   * The key with this name, ignoring case; a concrete key also finds its template
   * ({@code s3:ExistingObjectTag/team} finds {@code s3:ExistingObjectTag/<key>}).
   */
  public Optional<ConditionKey> conditionKey(String key) {
    return ServiceCatalog.findKey(conditionKeys, key);
  }

  @Override
  public String toString() {
    return prefix + " (" + name + ", " + actions.size() + " actions)";
  }
}
