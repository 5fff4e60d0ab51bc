package dev.irsa.verify.eval;

/** The layers of IAM's evaluation, named as in results ({@code blockedBy}) and batch output. */
public enum PolicyType {
  IDENTITY("identity"),
  RESOURCE("resource"),
  PERMISSIONS_BOUNDARY("boundary"),
  SESSION("session"),
  SCP("scp"),
  RCP("rcp");

  private final String label;

  PolicyType(String label) {
    this.label = label;
  }

  /** The short lower-case name: identity, resource, boundary, session, scp, rcp. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
