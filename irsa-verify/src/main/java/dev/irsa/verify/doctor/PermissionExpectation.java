package dev.irsa.verify.doctor;

import java.util.Objects;

/**
 * What the role's pods should (or should not) be able to do: an action on a resource, expected
 * allowed or denied. Checked offline against the role's policies and boundary.
 */
public record PermissionExpectation(String action, String resource, boolean allowed) {
  public PermissionExpectation {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
  }

  public static PermissionExpectation allowed(String action, String resource) {
    return new PermissionExpectation(action, resource, true);
  }

  public static PermissionExpectation denied(String action, String resource) {
    return new PermissionExpectation(action, resource, false);
  }

  @Override
  public String toString() {
    return (allowed ? "allowed: " : "denied: ") + action + " on " + resource;
  }
}
