package dev.irsa.core.policy.internal;

/**
 * The characters of a JSON text and a position in them, with the lexing {@link FastPolicyReader}
 * needs: strict RFC 8259 strings, numbers and punctuation, as {@link
 * dev.irsa.core.internal.json.JsonParser} reads them, giving up ({@link #GIVE_UP}) wherever that
 * parser would report an error, and at some rarer valid input (surrogates) it leaves to it.
 */
abstract class FastJsonCursor {
  /** Gives up: the slow reader decides. Carries no stack trace, so giving up costs little. */
  static final class GiveUp extends RuntimeException {
    private GiveUp() {
      super("not a plainly valid policy", null, false, false);
    }
  }

  static final GiveUp GIVE_UP = new GiveUp();

  final char[] t;
  final int n;
  int pos;

  FastJsonCursor(String text) {
    this.t = text.toCharArray();
    this.n = t.length;
  }

  /** After a member or element: true at a comma (another follows), false at {@code close} (consumed). */
  final boolean more(char close) {
    ws();
    if (pos < n) {
      char c = t[pos++];
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
    return new String(t, start, pos - start);
  }

  static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  final void digits() {
    while (pos < n && digit(t[pos])) {
      pos++;
    }
  }

  /**
   * A string at {@code pos}. Escapes are decoded as the strict parser decodes them; a control
   * character, a surrogate (paired or not) or a backslash-u escape of one gives up.
   */
  final String string() {
    if (pos >= n || t[pos] != '"') {
      throw GIVE_UP;
    }
    int start = ++pos;
    StringBuilder sb = null;
    while (pos < n) {
      char c = t[pos];
      if (c == '"') {
        String s = sb == null ? new String(t, start, pos - start) : sb.append(t, start, pos - start).toString();
        pos++;
        return s;
      }
      if (c < 0x20 || Character.isSurrogate(c)) {
        throw GIVE_UP;
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder(pos - start + 16);
        }
        sb.append(t, start, pos - start);
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
    char e = t[pos + 1];
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
          char h = t[pos + i];
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

  final char peek() {
    return pos < n ? t[pos] : '\0';
  }

  final void expect(char c) {
    if (pos >= n || t[pos] != c) {
      throw GIVE_UP;
    }
    pos++;
  }

  final void ws() {
    while (pos < n) {
      char c = t[pos];
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }
}
