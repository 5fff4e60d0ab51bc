package dev.irsa.core.policy;

/** A statement's effect, written {@code "Allow"} or {@code "Deny"} (case-sensitive) in JSON. */
public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String json;

  Effect(String json) {
    this.json = json;
  }

  /** The JSON spelling: {@code Allow} or {@code Deny}. */
  public String json() {
    return json;
  }

  @Override
  public String toString() {
    return json;
  }
}
