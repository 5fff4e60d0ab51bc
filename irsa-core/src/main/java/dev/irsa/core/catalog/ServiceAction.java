package dev.irsa.core.catalog;

import dev.irsa.core.iam.internal.Glob;
import java.util.List;
import java.util.Set;

/**
 * One action of the service authorization reference, e.g. {@code s3:GetObject}: its access levels,
 * the resource types it accepts and the condition keys it supports.
 */
public final class ServiceAction {
  private final String service;
  private final String name;
  private final Set<AccessLevel> accessLevels;
  private final List<ActionResource> resources;
  private final List<String> conditionKeys;

  ServiceAction(String service, String name, Set<AccessLevel> accessLevels, List<ActionResource> resources,
      List<String> conditionKeys) {
    this.service = service;
    this.name = name;
    this.accessLevels = Set.copyOf(accessLevels);
    this.resources = List.copyOf(resources);
    this.conditionKeys = List.copyOf(conditionKeys);
  }

  /** The service prefix, e.g. {@code s3}. */
  public String service() {
    return service;
  }

  /** The action name as documented, e.g. {@code GetObject}. */
  public String name() {
    return name;
  }

  /** {@code service:Name}, e.g. {@code s3:GetObject}. */
  public String fullName() {
    return service + ":" + name;
  }

  /** One or two levels ({@code Permissions management} and {@code Write}, for example). */
  public Set<AccessLevel> accessLevels() {
    return accessLevels;
  }

  public boolean hasAccessLevel(AccessLevel level) {
    return accessLevels.contains(level);
  }

  /** The resource types it accepts; empty when it supports only {@code "Resource": "*"}. */
  public List<ActionResource> resources() {
    return resources;
  }

  /** True when the action has no resource-level permissions: only {@code "Resource": "*"} matches it. */
  public boolean requiresWildcardResource() {
    return resources.isEmpty();
  }

  /** Condition keys documented for the action (resource-type keys are on {@link ResourceType}). */
  public List<String> conditionKeys() {
    return conditionKeys;
  }

  /**
   * True when a policy resource {@code pattern} can ever apply to this action: for an action without
   * resource types only a pattern matching {@code *} does, otherwise one that can name a resource of
   * one of its types.
   */
  public boolean canMatch(String pattern) {
    if (resources.isEmpty()) {
      return Glob.matches(pattern, "*", false);
    }
    for (ActionResource r : resources) {
      if (r.type().canMatch(pattern)) {
        return true;
      }
    }
    return false;
  }

  /** The resource types a concrete ARN (or pattern) can be for this action. */
  public List<ResourceType> resourceTypesFor(String arn) {
    return resources.stream().map(ActionResource::type).filter(t -> t.canMatch(arn)).toList();
  }

  @Override
  public String toString() {
    return fullName() + " " + accessLevels + " " + resources;
  }
}
