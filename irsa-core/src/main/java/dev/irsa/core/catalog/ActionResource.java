package dev.irsa.core.catalog;

import java.util.Objects;

/** A resource type an action accepts, and whether the reference marks it required. */
public record ActionResource(ResourceType type, boolean required) {
  public ActionResource {
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return type.name() + (required ? "*" : "");
  }
}
