package dev.irsa.core.iam.internal;

import dev.irsa.core.policy.OperatorType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * The typed values that Numeric, Date, Bool, Binary and IpAddress conditions compare: the one
 * reading of them that the linter and the evaluator share, for policy values and request values
 * alike. Every parser returns {@code null} for text it does not accept and never throws; none
 * trims white space (IAM compares the value as written).
 *
 * <p>The rules, from the IAM User Guide's condition operators page:
 * <ul>
 *   <li>Numeric: "an integer or decimal value": {@code -?[0-9]+(.[0-9]+)?}. No exponent
 *       ({@code 1e3}), no sign {@code +}, no bare {@code .5}; compared exactly, however long.</li>
 *   <li>Date: "one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time":
 *       {@code YYYY-MM}, {@code YYYY-MM-DD}, {@code YYYY-MM-DDThh:mmTZD},
 *       {@code YYYY-MM-DDThh:mm:ssTZD}, {@code YYYY-MM-DDThh:mm:ss.sTZD} (TZD {@code Z} or
 *       {@code +hh:mm}/{@code -hh:mm}; a four-digit year, so {@code +999999999-12-31T23:59:59Z}
 *       is refused), or whole epoch seconds {@code -?[0-9]+} (so {@code 1700000000.5} is refused;
 *       a bare {@code YYYY} is read as epoch seconds). Both forms compare as instants.</li>
 *   <li>Bool (and Null): {@code true} or {@code false}, letters in any case.</li>
 *   <li>Binary: base64 (RFC 4648, standard alphabet).</li>
 *   <li>IpAddress: an IPv4 dotted quad or an IPv6 address (RFC 4291 text form, {@code ::} at most
 *       once, an IPv4 tail allowed), optionally {@code /prefix}; ASCII digits only, so
 *       {@code ๑.๒.๓.๔} is refused. A bare address is a /32 or /128.</li>
 * </ul>
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM condition operators</a>
 */
public final class Values {
  private Values() {}

  /**
   * What a value of {@code category} must look like, or {@code null} when {@code text} is one
   * (String, ARN: any text). The wording reads "expects <this>" in the linter's findings.
   */
  public static String problem(OperatorType.Category category, String text) {
    return switch (category) {
      case NUMERIC -> number(text) != null ? null : "a number";
      case DATE -> date(text) != null ? null : "a date (ISO 8601 such as 2026-01-31T00:00:00Z, or epoch seconds)";
      case BOOLEAN, NULL -> bool(text) != null ? null : "true or false";
      case IP_ADDRESS -> cidr(text) != null ? null : "an IPv4 or IPv6 address or CIDR block such as 203.0.113.0/24";
      case BINARY -> binary(text) != null ? null : "base64-encoded bytes";
      case STRING, ARN -> null;
    };
  }

  // ------------------------------------------------------------------ numbers

  /** A decimal number, or {@code null}. */
  public static Decimal number(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (i < n && s.charAt(i) == '-') {
      negative = true;
      i++;
    }
    int intStart = i;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    int intEnd = i;
    if (intEnd == intStart) {
      return null;
    }
    int fracStart = intEnd;
    int fracEnd = intEnd;
    if (i < n && s.charAt(i) == '.') {
      i++;
      fracStart = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      fracEnd = i;
      if (fracEnd == fracStart) {
        return null;
      }
    }
    if (i != n) {
      return null;
    }
    while (intStart < intEnd - 1 && s.charAt(intStart) == '0') {
      intStart++;
    }
    while (fracEnd > fracStart && s.charAt(fracEnd - 1) == '0') {
      fracEnd--;
    }
    String whole = s.substring(intStart, intEnd);
    String fraction = s.substring(fracStart, fracEnd);
    boolean zero = whole.equals("0") && fraction.isEmpty();
    return new Decimal(negative && !zero, whole, fraction);
  }

  /**
   * An exact decimal of any length, compared in time linear in its digits: {@code whole} has no
   * leading zeros (or is {@code 0}), {@code fraction} no trailing zeros; zero is never negative.
   */
  public record Decimal(boolean negative, String whole, String fraction) implements Comparable<Decimal> {
    @Override
    public int compareTo(Decimal o) {
      if (negative != o.negative) {
        return negative ? -1 : 1;
      }
      int magnitude = magnitude(o);
      return negative ? -magnitude : magnitude;
    }

    private int magnitude(Decimal o) {
      if (whole.length() != o.whole.length()) {
        return whole.length() < o.whole.length() ? -1 : 1;
      }
      int c = whole.compareTo(o.whole);
      if (c != 0) {
        return Integer.signum(c);
      }
      return Integer.signum(fraction.compareTo(o.fraction)); // no trailing zeros: a prefix is smaller
    }

    @Override
    public String toString() {
      return (negative ? "-" : "") + whole + (fraction.isEmpty() ? "" : "." + fraction);
    }
  }

  // ------------------------------------------------------------------ dates

  /** A date (see the class comment), or {@code null}; never throws, whatever the text. */
  public static Instant date(String s) {
    int n = s.length();
    if (n == 0) {
      return null;
    }
    if (isEpoch(s)) {
      return epoch(s);
    }
    return iso(s);
  }

  private static boolean isEpoch(String s) {
    int i = s.charAt(0) == '-' ? 1 : 0;
    if (i == s.length()) {
      return false;
    }
    for (; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static Instant epoch(String s) {
    int digits = s.charAt(0) == '-' ? s.length() - 1 : s.length();
    if (digits > 18) {
      return null; // beyond any instant Java can hold (about 3.2e16 seconds)
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(s));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** The W3C profile of ISO 8601: YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm[:ss[.s+]]TZD. */
  private static Instant iso(String s) {
    int n = s.length();
    if (n < 7 || s.charAt(4) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = 1;
    if (n == 7) {
      return instant(year, month, 1, 0, 0, 0, 0, 0);
    }
    if (n < 10 || s.charAt(7) != '-') {
      return null;
    }
    day = digits(s, 8, 2);
    if (n == 10) {
      return instant(year, month, day, 0, 0, 0, 0, 0);
    }
    if (n < 17 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
      return null;
    }
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = 0;
    int nanos = 0;
    int i = 16;
    if (s.charAt(i) == ':') {
      if (n < i + 3) {
        return null;
      }
      second = digits(s, i + 1, 2);
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && isDigit(s.charAt(i))) {
          if (i - start < 9) {
            nanos = nanos * 10 + (s.charAt(i) - '0');
          }
          i++;
        }
        if (i == start) {
          return null;
        }
        for (int k = Math.min(i - start, 9); k < 9; k++) {
          nanos *= 10;
        }
      }
    }
    int offset = offset(s, i);
    if (offset == Integer.MIN_VALUE || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    return instant(year, month, day, hour, minute, second, nanos, offset);
  }

  /** Seconds east of UTC for {@code Z}, {@code +hh:mm} or {@code -hh:mm} ending the text at {@code i}; else MIN_VALUE. */
  private static int offset(String s, int i) {
    int n = s.length();
    if (i == n - 1 && s.charAt(i) == 'Z') {
      return 0;
    }
    if (i != n - 6 || (s.charAt(i) != '+' && s.charAt(i) != '-') || s.charAt(i + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    int h = digits(s, i + 1, 2);
    int m = digits(s, i + 4, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = h * 3600 + m * 60;
    return s.charAt(i) == '-' ? -seconds : seconds;
  }

  private static Instant instant(int y, int mo, int d, int h, int mi, int s, int nanos, int offset) {
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) {
      return null;
    }
    try {
      long day = LocalDate.of(y, mo, d).toEpochDay();
      return Instant.ofEpochSecond(day * 86_400L + h * 3600L + mi * 60L + s - offset, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code len} ASCII digits at {@code from} as a number, or -1. */
  private static int digits(String s, int from, int len) {
    if (from + len > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ------------------------------------------------------------------ bool, binary

  /** {@code true} or {@code false} in any letter case, or {@code null}. */
  public static Boolean bool(String s) {
    if (s.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    return s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
  }

  /** The bytes of base64 text, or {@code null}. */
  public static byte[] binary(String s) {
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ IP addresses

  /** An address or CIDR block, or {@code null} when invalid. */
  public static Cidr cidr(String s) {
    int slash = s.indexOf('/');
    byte[] bytes = address(slash < 0 ? s : s.substring(0, slash));
    if (bytes == null) {
      return null;
    }
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      int len = p.length();
      prefix = len >= 1 && len <= 3 ? digits(p, 0, len) : -1;
      if (prefix < 0 || prefix > max) {
        return null;
      }
    }
    return new Cidr(bytes, prefix);
  }

  /** A literal IPv4 (4 bytes) or IPv6 (16 bytes) address, ASCII only and without any name lookup; else {@code null}. */
  public static byte[] address(String a) {
    if (a.indexOf(':') >= 0) {
      return ipv6(a);
    }
    return ipv4(a, 0, a.length());
  }

  private static byte[] ipv4(String a, int from, int to) {
    byte[] out = new byte[4];
    int part = 0;
    int i = from;
    while (part < 4) {
      int start = i;
      int v = 0;
      while (i < to && isDigit(a.charAt(i)) && i - start < 3) {
        v = v * 10 + (a.charAt(i) - '0');
        i++;
      }
      if (i == start || v > 255) {
        return null;
      }
      out[part++] = (byte) v;
      if (part < 4) {
        if (i >= to || a.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == to ? out : null;
  }

  private static byte[] ipv6(String a) {
    int n = a.length();
    byte[] out = new byte[16];
    int[] groups = new int[8];
    int count = 0;
    int gap = -1; // index in groups where "::" stands
    int i = 0;
    if (a.startsWith("::")) {
      gap = 0;
      i = 2;
    } else if (a.startsWith(":")) {
      return null;
    }
    while (i < n) {
      int start = i;
      int v = 0;
      while (i < n && i - start < 4 && hex(a.charAt(i)) >= 0) {
        v = v * 16 + hex(a.charAt(i));
        i++;
      }
      if (i < n && a.charAt(i) == '.') { // an IPv4 tail takes the last two groups
        byte[] v4 = count <= 6 ? ipv4(a, start, n) : null;
        if (v4 == null) {
          return null;
        }
        groups[count++] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
        groups[count++] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
        i = n;
        break;
      }
      if (i == start || count == 8) {
        return null;
      }
      groups[count++] = v;
      if (i == n) {
        break;
      }
      if (a.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < n && a.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
      } else if (i == n) {
        return null; // a single trailing colon
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    int[] full = new int[8];
    if (gap < 0) {
      full = groups;
    } else {
      System.arraycopy(groups, 0, full, 0, gap);
      int tail = count - gap;
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    }
    for (int g = 0; g < 8; g++) {
      out[2 * g] = (byte) (full[g] >>> 8);
      out[2 * g + 1] = (byte) full[g];
    }
    return out;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** A CIDR block. */
  public record Cidr(byte[] bytes, int prefix) {
    /** True when {@code address} (same family) lies in the block. */
    public boolean contains(byte[] address) {
      if (address == null || address.length != bytes.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != bytes[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (bytes[full] & mask);
    }
  }
}
