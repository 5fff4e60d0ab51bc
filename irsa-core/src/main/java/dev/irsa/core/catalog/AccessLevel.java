package dev.irsa.core.catalog;

/**
 * The access levels of the AWS service authorization reference. Some actions carry two (e.g.
 * {@code Permissions management, Write}).
 *
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Service authorization reference</a>
 */
public enum AccessLevel {
  LIST("List"),
  READ("Read"),
  WRITE("Write"),
  PERMISSIONS_MANAGEMENT("Permissions management"),
  TAGGING("Tagging");

  private final String label;

  AccessLevel(String label) {
    this.label = label;
  }

  /** The reference's wording, e.g. {@code Permissions management}. */
  public String label() {
    return label;
  }

  /** The level with this label (case-insensitive), or {@code null}. */
  public static AccessLevel fromLabel(String label) {
    for (AccessLevel l : values()) {
      if (l.label.equalsIgnoreCase(label)) {
        return l;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return label;
  }
}
