package dev.irsa.core.policy;

/** Counting policy size the way IAM does: every character of the JSON except whitespace. */
public final class PolicySize {
  private PolicySize() {}

  /**
   * The characters IAM counts in {@code json}: all but whitespace. IAM's quotas say white space is
   * not counted; irsa counts the canonical compact form and skips whitespace anywhere, inside
   * strings included.
   */
  public static int count(String json) {
    int n = 0;
    for (int i = 0; i < json.length(); i++) {
      if (!Character.isWhitespace(json.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
