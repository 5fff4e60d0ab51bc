package dev.irsa.core.internal;

/**
 * Input quoted in a human-readable line (an error message, a finding, a table cell): control
 * characters escaped, so no value can break the line or forge another one, and a long value cut after
 * {@link #MAX_CHARS} characters with its length said, so a 50 MB name gives a short line:
 * {@code 'aaaa...' (52428800 characters)}.
 *
 * <p>Escaped: {@code \n}, {@code \r}, {@code \t}; as {@code \}{@code uXXXX} every other C0 and C1
 * control, DEL, the line and paragraph separators U+2028/U+2029, the bidirectional controls (U+200E,
 * U+200F, U+202A to U+202E, U+2066 to U+2069, which reorder what a terminal shows) and unpaired
 * surrogates (which an encoder would print as {@code ?}, a wildcard in IAM).
 */
public final class Quote {
  /** Characters of a value quoted before it is cut. */
  public static final int MAX_CHARS = 200;

  private Quote() {}

  /** {@code 'value'}, escaped and cut; {@code null} for null. */
  public static String single(String value) {
    return quoted(value, '\'');
  }

  /** {@code "value"}, escaped and cut; {@code null} for null. */
  public static String dbl(String value) {
    return quoted(value, '"');
  }

  /** The value escaped and cut, without quotes: {@code aaaa... (52428800 characters)}. */
  public static String cut(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= MAX_CHARS) {
      return escape(value);
    }
    return escape(value, 0, cutAt(value)) + "... (" + value.length() + " characters)";
  }

  /** The whole text with control characters escaped (not cut): for lines assembled from several values. */
  public static String escape(String text) {
    return text == null ? "null" : escape(text, 0, text.length());
  }

  /** Characters of a whole line (an error, a finding) before {@link #line} cuts it. */
  public static final int MAX_LINE = 4_000;

  /**
   * A line assembled from several parts, made safe as a whole: control characters escaped, every run of
   * more than {@code 2 *} {@link #MAX_CHARS} characters without a space (a value no part quoted through
   * {@link #single}, {@link #dbl} or {@link #cut}) cut as {@link #cut} does, and the result cut after
   * {@link #MAX_LINE} characters. The backstop for messages built elsewhere; quote each value as well.
   */
  public static String line(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_LINE) + 32);
    int i = 0;
    while (i < text.length() && sb.length() <= MAX_LINE) {
      int end = text.indexOf(' ', i);
      end = end < 0 ? text.length() : end;
      String token = text.substring(i, end);
      sb.append(token.length() > 2 * MAX_CHARS ? cut(token) : escape(token));
      if (end < text.length()) {
        sb.append(' ');
      }
      i = end + 1;
    }
    if (sb.length() > MAX_LINE || i < text.length()) {
      sb.setLength(Math.min(sb.length(), MAX_LINE));
      sb.append("... (cut: the line had ").append(text.length()).append(" characters)");
    }
    return sb.toString();
  }

  /** Whether {@link #escape} would change {@code text}. */
  public static boolean needsEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (escapeOf(text, i) != null) {
        return true;
      }
    }
    return false;
  }

  private static String quoted(String value, char q) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= MAX_CHARS) {
      return q + escape(value) + q;
    }
    return q + escape(value, 0, cutAt(value)) + "..." + q + " (" + value.length() + " characters)";
  }

  /** Cuts at {@link #MAX_CHARS}, or one earlier so that a surrogate pair stays whole. */
  private static int cutAt(String value) {
    return Character.isHighSurrogate(value.charAt(MAX_CHARS - 1)) && Character.isLowSurrogate(value.charAt(MAX_CHARS))
        ? MAX_CHARS - 1 : MAX_CHARS;
  }

  private static String escape(String s, int from, int to) {
    StringBuilder sb = null;
    for (int i = from; i < to; i++) {
      String e = escapeOf(s, i);
      if (e != null && sb == null) {
        sb = new StringBuilder(to - from + 16).append(s, from, i);
      }
      if (sb != null) {
        if (e != null) {
          sb.append(e);
        } else {
          sb.append(s.charAt(i));
        }
      }
    }
    return sb == null ? s.substring(from, to) : sb.toString();
  }

  /** The escape for the character at {@code i}, or null when it is printed as it is. */
  private static String escapeOf(String s, int i) {
    char c = s.charAt(i);
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
        || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    boolean unpaired = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
        : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    return control || unpaired ? String.format("\\u%04x", (int) c) : null;
  }
}
