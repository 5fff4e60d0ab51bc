package dev.irsa.core.policy;

/** The kinds of principal a policy can name, in the order IAM documents them. */
public enum PrincipalType {
  AWS("AWS"),
  FEDERATED("Federated"),
  SERVICE("Service"),
  CANONICAL_USER("CanonicalUser");

  private final String json;

  PrincipalType(String json) {
    this.json = json;
  }

  /** The JSON key: {@code AWS}, {@code Federated}, {@code Service} or {@code CanonicalUser}. */
  public String json() {
    return json;
  }

  /** The type for a JSON key (case-sensitive), or {@code null}. */
  public static PrincipalType fromJson(String key) {
    for (PrincipalType t : values()) {
      if (t.json.equals(key)) {
        return t;
      }
    }
    return null;
  }
}
