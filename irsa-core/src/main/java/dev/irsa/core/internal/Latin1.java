package dev.irsa.core.internal;

import java.nio.charset.StandardCharsets;

/** A string as one byte per char, for scanners that look only for ASCII punctuation. */
public final class Latin1 {
  private Latin1() {}

  /**
   * {@code s} as one byte per char: {@code b[i] & 0xff} is {@code s.charAt(i)} when that is at most
   * U+00FF, else {@code '?'}. Index {@code i} of the bytes is always index {@code i} of the string
   * ({@code getBytes(ISO_8859_1)} alone writes one {@code '?'} for a surrogate pair, which would
   * shift every index after it). For the usual text this is one array copy.
   */
  public static byte[] bytes(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length == s.length()) {
      return b;
    }
    b = new byte[s.length()];
    for (int i = 0; i < b.length; i++) {
      char c = s.charAt(i);
      b[i] = (byte) (c <= 0xff ? c : '?');
    }
    return b;
  }
}
