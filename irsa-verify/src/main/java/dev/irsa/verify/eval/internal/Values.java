package dev.irsa.verify.eval.internal;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** Parsing the typed values that Numeric, Date, IpAddress and Bool conditions compare. */
public final class Values {
  private Values() {}

  /** A decimal number, or {@code null}. */
  public static BigDecimal number(String s) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A date as epoch milliseconds, or {@code Long.MIN_VALUE}: epoch seconds ({@code 1700000000},
   * also with a fraction), or ISO 8601 with or without time and offset ({@code 2020-01-01},
   * {@code 2020-01-01T00:00:00Z}, {@code 2020-01-01T00:00:00+02:00}, {@code 2020-01-01T00:00Z}).
   */
  public static long date(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return Long.MIN_VALUE;
    }
    boolean numeric = true;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && !(i == 0 && c == '-')) {
        numeric = false;
        break;
      }
    }
    long fast = fastIso(t);
    if (fast != Long.MIN_VALUE) {
      return fast;
    }
    if (numeric) {
      BigDecimal d = number(t);
      if (d == null) {
        return Long.MIN_VALUE;
      }
      try {
        return d.movePointRight(3).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
      } catch (ArithmeticException e) {
        return Long.MIN_VALUE;
      }
    }
    try {
      TemporalAccessor ta = DateTimeFormatter.ISO_DATE_TIME.parseBest(t, OffsetDateTime::from,
          java.time.LocalDateTime::from);
      if (ta instanceof OffsetDateTime odt) {
        return odt.toInstant().toEpochMilli();
      }
      return ((java.time.LocalDateTime) ta).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return Instant.parse(t).toEpochMilli();
    } catch (DateTimeParseException e) {
      return Long.MIN_VALUE;
    }
  }

  /** {@code yyyy-MM-dd} or {@code yyyy-MM-ddTHH:mm:ssZ} (the forms AWS supplies) without a formatter; else MIN_VALUE. */
  private static long fastIso(String t) {
    int n = t.length();
    if (n != 10 && n != 20) {
      return Long.MIN_VALUE;
    }
    if (t.charAt(4) != '-' || t.charAt(7) != '-') {
      return Long.MIN_VALUE;
    }
    int y = digits(t, 0, 4);
    int mo = digits(t, 5, 2);
    int d = digits(t, 8, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) {
      return Long.MIN_VALUE;
    }
    long seconds = 0;
    if (n == 20) {
      if (t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
        return Long.MIN_VALUE;
      }
      int h = digits(t, 11, 2);
      int mi = digits(t, 14, 2);
      int se = digits(t, 17, 2);
      if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) {
        return Long.MIN_VALUE;
      }
      seconds = h * 3600L + mi * 60L + se;
    }
    try {
      return (LocalDate.of(y, mo, d).toEpochDay() * 86_400L + seconds) * 1000L;
    } catch (java.time.DateTimeException e) {
      return Long.MIN_VALUE;
    }
  }

  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** An address or CIDR block as bytes (4 or 16) and a prefix length; {@code null} when invalid. */
  public static Cidr cidr(String s) {
    String t = s.trim();
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    byte[] bytes = address(addr);
    if (bytes == null) {
      return null;
    }
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return null;
      }
      prefix = Integer.parseInt(p);
      if (prefix > max) {
        return null;
      }
    }
    return new Cidr(bytes, prefix);
  }

  /** Parses a literal IPv4 or IPv6 address without any name lookup; {@code null} when invalid. */
  public static byte[] address(String a) {
    if (a.isEmpty()) {
      return null;
    }
    if (a.indexOf(':') < 0) {
      String[] parts = a.split("\\.", -1);
      if (parts.length != 4) {
        return null;
      }
      byte[] out = new byte[4];
      for (int i = 0; i < 4; i++) {
        String p = parts[i];
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
          return null;
        }
        int v = Integer.parseInt(p);
        if (v > 255) {
          return null;
        }
        out[i] = (byte) v;
      }
      return out;
    }
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return null;
      }
    }
    try {
      byte[] b = InetAddress.getByName(a).getAddress(); // literal only: checked above, no DNS
      if (b.length == 4) { // IPv4-mapped ::ffff:a.b.c.d comes back as 4 bytes
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(b, 0, out, 12, 4);
        return out;
      }
      return b;
    } catch (java.net.UnknownHostException e) {
      return null;
    }
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
