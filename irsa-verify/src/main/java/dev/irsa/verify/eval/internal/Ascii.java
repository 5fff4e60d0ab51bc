package dev.irsa.verify.eval.internal;

/** Lower-casing that keeps string length (char by char), as IAM's case-insensitive compares need. */
public final class Ascii {
  private Ascii() {}

  /** {@code s} with each char lower-cased by {@link Character#toLowerCase(char)}; ASCII without a table lookup. */
  public static String lower(String s) {
    int n = s.length();
    boolean upper = false;
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      upper |= c >= 'A' && c <= 'Z';
    }
    if (i == n) { // ASCII: String.toLowerCase maps each char as Character.toLowerCase does, without a char array
      return upper ? s.toLowerCase(java.util.Locale.ROOT) : s;
    }
    for (i = 0; i < n; i++) {
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
