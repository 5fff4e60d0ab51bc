package dev.irsa.verify.eval.internal;

/** Lower-casing that keeps string length (char by char), as IAM's case-insensitive compares need. */
public final class Ascii {
  private Ascii() {}

  /** {@code s} with each char lower-cased by {@link Character#toLowerCase(char)}; ASCII without a table lookup. */
  public static String lower(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80 ? c >= 'A' && c <= 'Z' : Character.toLowerCase(c) != c) {
        char[] out = s.toCharArray();
        for (int j = i; j < n; j++) {
          char d = out[j];
          out[j] = d < 0x80 ? (d >= 'A' && d <= 'Z' ? (char) (d + 32) : d) : Character.toLowerCase(d);
        }
        return new String(out);
      }
    }
    return s;
  }
}
