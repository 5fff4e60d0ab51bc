package dev.irsa.core.policy.internal;

import java.nio.charset.StandardCharsets;

/**
 * The characters of a JSON text and a position in them, with the lexing {@link FastPolicyReader}
 * needs: strict RFC 8259 strings, numbers and punctuation, as {@link
 * dev.irsa.core.internal.json.JsonParser} reads them, giving up ({@link #GIVE_UP}) wherever that
 * parser would report an error, and at some rarer valid input it leaves to it.
 *
 * <p>The text is read as ISO 8859-1 bytes: for the usual text (every character below U+0100) both
 * taking the bytes and making strings of them are plain array copies, where a char array would
 * cost a widening and a narrowing loop per character before the JIT has warmed up. A character
 * above U+00FF becomes {@code '?'} in those bytes, so a {@code '?'} is checked against the text,
 * and any other character gives up: the tree reader reads such text.
 */
abstract class FastJsonCursor {
  /** Gives up: the slow reader decides. Carries no stack trace, so giving up costs little. */
  static final class GiveUp extends RuntimeException {
    private GiveUp() {
      super("not a plainly valid policy", null, false, false);
    }
  }

  static final GiveUp GIVE_UP = new GiveUp();

  private final String text;
  final byte[] t; // Latin1.bytes: t[i] & 0xff is text.charAt(i) unless that is above U+00FF ('?' then)
  final int n;
  int pos;

  /** The characters {@code [from, to)} of {@code text}, whose {@link dev.irsa.core.internal.Latin1#bytes} are {@code latin1}. */
  FastJsonCursor(String text, byte[] latin1, int from, int to) {
    this.text = text;
    this.t = latin1;
    this.pos = from;
    this.n = to;
  }

  /** After a member or element: true at a comma (another follows), false at {@code close} (consumed). */
  final boolean more(char close) {
    ws();
    if (pos < n) {
      byte c = t[pos++];
      if (c == ',') {
        return true;
      }
      if (c == close) {
        return false;
      }
    }
    throw GIVE_UP;
  }

  /** A JSON number, as the strict parser reads it; its text. */
  final String number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (digit(peek())) {
        throw GIVE_UP;
      }
    } else if (digit(peek())) {
      digits();
    } else {
      throw GIVE_UP;
    }
    if (peek() == '.') {
      pos++;
      if (!digit(peek())) {
        throw GIVE_UP;
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digit(peek())) {
        throw GIVE_UP;
      }
      digits();
    }
    return latin1(start, pos);
  }

  /** The text's characters {@code [from, to)}, when none is above U+00FF. */
  private String latin1(int from, int to) {
    return new String(t, from, to - from, StandardCharsets.ISO_8859_1);
  }

  static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  final void digits() {
    while (pos < n && digit((char) t[pos])) {
      pos++;
    }
  }

  /**
   * A string at {@code pos}. Escapes are decoded as the strict parser decodes them; a control
   * character, a character above U+00FF or a backslash-u escape of a surrogate gives up.
   */
  final String string() {
    if (pos >= n || t[pos] != '"') {
      throw GIVE_UP;
    }
    int start = ++pos;
    StringBuilder sb = null;
    while (pos < n) {
      int c = t[pos] & 0xff;
      if (c == '"') {
        String s = sb == null ? latin1(start, pos) : sb.append(latin1(start, pos)).toString();
        pos++;
        return s;
      }
      if (c < 0x20 || (c == '?' && text.charAt(pos) != '?')) {
        throw GIVE_UP;
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder(pos - start + 16);
        }
        sb.append(latin1(start, pos));
        sb.append(escape());
        start = pos;
        continue;
      }
      pos++;
    }
    throw GIVE_UP;
  }

  /** The character of the escape at {@code pos} (its backslash); {@code pos} moves past it. */
  final char escape() {
    if (pos + 1 >= n) {
      throw GIVE_UP;
    }
    char e = (char) (t[pos + 1] & 0xff);
    pos += 2;
    switch (e) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': {
        if (pos + 4 > n) {
          throw GIVE_UP;
        }
        int cp = 0;
        for (int i = 0; i < 4; i++) {
          char h = (char) (t[pos + i] & 0xff);
          int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
          if (d < 0) {
            throw GIVE_UP;
          }
          cp = cp * 16 + d;
        }
        pos += 4;
        if (Character.isSurrogate((char) cp)) {
          throw GIVE_UP;
        }
        return (char) cp;
      }
      default:
        throw GIVE_UP;
    }
  }

  /** The character at {@code pos} ('\\0' at the end; '?' may stand for one above U+00FF, see the class). */
  final char peek() {
    return pos < n ? (char) (t[pos] & 0xff) : '\0';
  }

  final void expect(char c) {
    if (pos >= n || t[pos] != c) {
      throw GIVE_UP;
    }
    pos++;
  }

  final void ws() {
    while (pos < n) {
      byte c = t[pos];
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }
}
