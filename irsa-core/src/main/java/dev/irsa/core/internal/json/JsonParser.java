package dev.irsa.core.internal.json;

import dev.irsa.core.internal.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A strict RFC 8259 parser that builds a {@link JsonNode} tree with source positions. It rejects
 * duplicate member names (IAM does too), limits nesting depth so hostile input cannot overflow
 * the stack, and never throws anything but {@link JsonSyntaxException} on bad text.
 */
public final class JsonParser {
  /** Deeper than any policy needs; guards the recursive descent. */
  public static final int MAX_DEPTH = 128;

  private final char[] text; // indexing an array is cheaper than String.charAt before the JIT has warmed up
  private final int n;
  private int pos;
  private int line = 1;
  private int lineStart;
  /** Member names (String) and array indexes (Integer) from the root to the value being read. */
  private final ArrayList<Object> path = new ArrayList<>();

  private JsonParser(String text) {
    this.text = text.toCharArray();
    this.n = this.text.length;
  }

  /** Parses exactly one JSON value, allowing surrounding whitespace (and a leading BOM). */
  public static JsonNode parse(String text) {
    if (text == null) {
      throw new JsonSyntaxException("no input (null)", "$", 1, 1);
    }
    JsonParser p = new JsonParser(text);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      p.pos++;
      p.lineStart = 1;
    }
    p.skipWhitespace();
    if (p.pos >= p.n) {
      throw p.error("empty input: expected a JSON value");
    }
    JsonNode node = p.value(0);
    p.skipWhitespace();
    if (p.pos < p.n) {
      throw p.error("unexpected " + p.describeHere() + " after the end of the JSON value");
    }
    return node;
  }

  private JsonNode value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
    if (pos >= n) {
      throw error("unexpected end of input: expected a value");
    }
    char c = text[pos];
    int l = line;
    int col = column();
    switch (c) {
      case '{':
        return object(depth, l, col);
      case '[':
        return array(depth, l, col);
      case '"':
        return new JsonNode.Str(l, col, string());
      case 't':
        literal("true");
        return new JsonNode.Bool(l, col, true);
      case 'f':
        literal("false");
        return new JsonNode.Bool(l, col, false);
      case 'n':
        literal("null");
        return new JsonNode.Null(l, col);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return new JsonNode.Num(l, col, number());
        }
        throw error("unexpected " + describeHere() + ": expected a value");
    }
  }

  private JsonNode.Obj object(int depth, int l, int col) {
    pos++; // {
    LinkedHashMap<String, JsonNode> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return new JsonNode.Obj(l, col, members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error(pos >= n
            ? "unexpected end of input: expected a member name or '}'"
            : "unexpected " + describeHere() + ": expected a member name in double quotes");
      }
      int keyLine = line;
      int keyCol = column();
      String key = string();
      if (members.containsKey(key)) {
        throw new JsonSyntaxException("duplicate key " + Quote.dbl(key), JsonPath.member(JsonPath.of(path), key), keyLine, keyCol);
      }
      skipWhitespace();
      if (peek() == ':') { // the message below is built only on failure: this runs for every member
        pos++;
      } else {
        expect(':', "':' after member name " + Quote.dbl(key));
      }
      skipWhitespace();
      path.add(key);
      members.put(key, value(depth + 1));
      path.remove(path.size() - 1);
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
        continue;
      }
      if (c == '}') {
        pos++;
        return new JsonNode.Obj(l, col, members);
      }
      throw error(pos >= n
          ? "unexpected end of input: expected ',' or '}'"
          : "unexpected " + describeHere() + ": expected ',' or '}'");
    }
  }

  private JsonNode.Arr array(int depth, int l, int col) {
    pos++; // [
    List<JsonNode> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return new JsonNode.Arr(l, col, elements);
    }
    while (true) {
      skipWhitespace();
      path.add(elements.size());
      elements.add(value(depth + 1));
      path.remove(path.size() - 1);
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
        continue;
      }
      if (c == ']') {
        pos++;
        return new JsonNode.Arr(l, col, elements);
      }
      throw error(pos >= n
          ? "unexpected end of input: expected ',' or ']'"
          : "unexpected " + describeHere() + ": expected ',' or ']'");
    }
  }

  private String string() {
    int startLine = line;
    int startCol = column();
    pos++; // opening quote
    StringBuilder sb = null;
    int runStart = pos;
    while (true) {
      if (pos >= n) {
        throw new JsonSyntaxException("unterminated string", JsonPath.of(path), startLine, startCol);
      }
      char c = text[pos];
      if (c == '"') {
        String s = sb == null ? new String(text, runStart, pos - runStart) : sb.append(text, runStart, pos - runStart).toString();
        pos++;
        return s;
      }
      if (c < 0x20) {
        throw error(c == '\n' ? "unterminated string (newline inside a string)"
            : String.format("control character U+%04X inside a string must be escaped", (int) c));
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(text, runStart, pos - runStart);
        pos++;
        if (pos >= n) {
          throw new JsonSyntaxException("unterminated string", JsonPath.of(path), startLine, startCol);
        }
        char e = text[pos];
        switch (e) {
          case '"': sb.append('"'); break;
          case '\\': sb.append('\\'); break;
          case '/': sb.append('/'); break;
          case 'b': sb.append('\b'); break;
          case 'f': sb.append('\f'); break;
          case 'n': sb.append('\n'); break;
          case 'r': sb.append('\r'); break;
          case 't': sb.append('\t'); break;
          case 'u': unicodeEscape(sb); break;
          default:
            throw error("invalid escape " + Quote.single("\\" + e));
        }
        pos++;
        runStart = pos;
        continue;
      }
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || pos + 1 >= n || !Character.isLowSurrogate(text[pos + 1])) {
          throw unpaired(c, pos);
        }
        pos++;
      }
      pos++;
    }
  }

  /** Appends the character of the backslash-u escape at {@code pos} (a surrogate pair when two escapes form one). */
  private void unicodeEscape(StringBuilder sb) {
    if (pos + 4 >= n) {
      throw error("incomplete \\u escape");
    }
    int cp = 0;
    for (int i = 1; i <= 4; i++) {
      int d = hex(text[pos + i]);
      if (d < 0) {
        throw error("invalid \\u escape: expected 4 hex digits");
      }
      cp = cp * 16 + d;
    }
    pos += 4;
    if (Character.isLowSurrogate((char) cp)) {
      throw unpaired(cp, pos - 5);
    }
    if (Character.isHighSurrogate((char) cp)) {
      int low = lowSurrogateEscape();
      if (low < 0) {
        throw unpaired(cp, pos - 5);
      }
      sb.append((char) cp);
      cp = low;
      pos += 6;
    }
    sb.append((char) cp);
  }

  /** The low surrogate of a backslash-u escape (U+DC00 to U+DFFF) right after {@code pos}, or -1. */
  private int lowSurrogateEscape() {
    if (pos + 6 >= n || text[pos + 1] != '\\' || text[pos + 2] != 'u') {
      return -1;
    }
    int cp = 0;
    for (int i = 3; i <= 6; i++) {
      int d = hex(text[pos + i]);
      if (d < 0) {
        return -1;
      }
      cp = cp * 16 + d;
    }
    return Character.isLowSurrogate((char) cp) ? cp : -1;
  }

  /**
   * A surrogate without its pair is not Unicode text; kept, it would print as {@code ?}, a wildcard
   * in IAM. {@code at} is the offset of the character or of its backslash-u escape.
   */
  private JsonSyntaxException unpaired(int c, int at) {
    return new JsonSyntaxException(String.format("unpaired surrogate \\u%04x in a string (not valid Unicode)", c),
        JsonPath.of(path), line, at - lineStart + 1);
  }

  private String number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw new JsonSyntaxException("numbers may not have leading zeros (quote the value, e.g. an account ID)",
            JsonPath.of(path), line, start - lineStart + 1);
      }
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("invalid number: expected a digit");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("invalid number: expected a digit after '.'");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("invalid number: expected a digit in the exponent");
      }
      digits();
    }
    return new String(text, start, pos - start);
  }

  /** ASCII digits only: {@code Character.isDigit} also takes Thai, Arabic-Indic, fullwidth ... digits. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private void digits() {
    while (pos < n && text[pos] >= '0' && text[pos] <= '9') {
      pos++;
    }
  }

  private void literal(String word) {
    boolean same = pos + word.length() <= n;
    for (int i = 0; same && i < word.length(); i++) {
      same = text[pos + i] == word.charAt(i);
    }
    if (!same) {
      throw error("unexpected " + describeHere() + ": expected a value");
    }
    pos += word.length();
  }

  private void expect(char c, String what) {
    if (peek() != c) {
      throw error(pos >= n ? "unexpected end of input: expected " + what
          : "unexpected " + describeHere() + ": expected " + what);
    }
    pos++;
  }

  private char peek() {
    return pos < n ? text[pos] : '\0';
  }

  private void skipWhitespace() {
    while (pos < n) {
      char c = text[pos];
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private String describeHere() {
    if (pos >= n) {
      return "end of input";
    }
    char c = text[pos];
    if (Character.isLetter(c)) {
      int end = pos;
      while (end < n && end - pos < 20 && Character.isLetterOrDigit(text[end])) {
        end++;
      }
      return Quote.single(new String(text, pos, end - pos));
    }
    return c < 0x20 || Quote.needsEscape(String.valueOf(c)) ? String.format("character U+%04X", (int) c) : "'" + c + "'";
  }

  private JsonSyntaxException error(String problem) {
    return new JsonSyntaxException(problem, JsonPath.of(path), line, column());
  }
}
