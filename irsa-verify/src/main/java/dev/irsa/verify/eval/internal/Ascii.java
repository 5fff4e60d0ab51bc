package dev.irsa.verify.eval.internal;

/** Lower-casing that keeps string length (char by char), as IAM's case-insensitive compares need. */
public final class Ascii {
  private Ascii() {}

  public static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.toLowerCase(c) != c) {
        char[] out = s.toCharArray();
        for (int j = i; j < out.length; j++) {
          out[j] = Character.toLowerCase(out[j]);
        }
        return new String(out);
      }
    }
    return s;
  }
}
