package dev.irsa.examples;

import dev.irsa.core.internal.Latin1;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.verify.eval.RequestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One pass over a batch line that finds the case's members without building a JSON tree: policies
 * are kept as spans of the line's text (compiled, or found in the cache, by {@link CaseCodec}), the
 * request is read strictly. What this scan does not check itself (members it does not know, string
 * escapes, numbers) sets {@link #needsStrictCheck()}, and any structure it cannot read throws
 * {@link SyntaxException}: the strict JSON parser then has the last word and gives the error.
 */
final class CaseScanner {
  /** The line is not what this scan reads; the strict parser decides and reports. */
  static final class SyntaxException extends RuntimeException {
    private static final SyntaxException INSTANCE = new SyntaxException();

    private SyntaxException() {
      super("not readable by the scan", null, false, false);
    }
  }

  /** A JSON value's text: {@code [start, end)} of the line, and its kind as the parser names it. */
  record Span(int start, int end, String kind, int hash) {}

  private static final Set<String> MEMBERS = Set.of("id", "identityPolicies", "resourcePolicy",
      "permissionBoundaries", "scps", "rcps", "sessionPolicy", "request");

  private final String s;
  // The line as ISO 8859-1 bytes (an array copy for the usual text, where toCharArray would widen
  // each char before the JIT has warmed up): the scan looks only for ASCII punctuation, digits and
  // literals, and a character above U+00FF, a '?' here, is none of them. Values are taken from the
  // string itself.
  private final byte[] chars;
  private final int n;
  private final int bom;
  private int pos;
  private boolean strict;
  private final Map<String, Span> members = new HashMap<>(16);
  private String id;

  private CaseScanner(String line) {
    this.s = line;
    this.chars = Latin1.bytes(line);
    this.n = chars.length;
    this.bom = n > 0 && line.charAt(0) == '\uFEFF' ? 1 : 0;
    this.pos = bom;
  }

  /**
   * Scans the top level of a line.
   *
   * @throws SyntaxException when it is not an object of members this scan can read
   */
  static CaseScanner scan(String line) {
    CaseScanner c = new CaseScanner(line);
    c.ws();
    if (c.peek() != '{') {
      throw SyntaxException.INSTANCE;
    }
    c.pos++;
    c.object((name, value) -> {
      if (!MEMBERS.contains(name)) {
        c.strict = true;
      }
      if (c.members.put(name, value) != null) {
        throw SyntaxException.INSTANCE; // duplicate member
      }
    });
    c.ws();
    if (c.pos != c.n) {
      throw SyntaxException.INSTANCE;
    }
    c.readId();
    return c;
  }

  /** True when parts of the line were skipped unchecked: accept the case only if the strict parser does. */
  boolean needsStrictCheck() {
    return strict;
  }

  /** The value of a top-level member, or null when absent. */
  Span member(String name) {
    return members.get(name);
  }

  /** The case's id: a string, or a number's text; null otherwise. */
  String id() {
    return id;
  }

  /** 1-based column of an index of the line (a leading byte-order mark is not counted). */
  int column(int index) {
    return index - bom + 1;
  }

  String text(Span span) {
    return s.substring(span.start(), span.end());
  }

  /** The line. */
  String line() {
    return s;
  }

  /** The line's {@link Latin1#bytes}: one per char, a '?' for a char above U+00FF. */
  byte[] bytes() {
    return chars;
  }

  /** The elements of an array span. */
  List<Span> elements(Span array) {
    pos = array.start() + 1;
    List<Span> out = new ArrayList<>();
    ws();
    if (peek() == ']') {
      return out;
    }
    while (true) {
      ws();
      out.add(value());
      ws();
      char c = next();
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        throw SyntaxException.INSTANCE;
      }
    }
  }

  private void readId() {
    Span span = members.get("id");
    if (span == null) {
      return;
    }
    if (span.kind().equals("string")) {
      pos = span.start();
      id = string();
    } else if (span.kind().equals("number")) {
      strict = true; // the number's grammar is the strict parser's to check
      id = text(span);
    }
  }

  /**
   * The request, read strictly, as {@code CaseCodec}'s format defines it.
   *
   * @throws PolicyParseException for a field that is missing or that the request builder refuses,
   *     with its path and column
   */
  RequestContext request() {
    Span r = members.get("request");
    if (r == null || !r.kind().equals("object")) {
      throw new PolicyParseException("$.request", 1, r == null ? 1 : column(r.start()),
          r == null ? "missing request" : "expected an object, got " + r.kind());
    }
    Map<String, Span> fields = new HashMap<>(8);
    pos = r.start() + 1;
    object((name, value) -> {
      if (fields.put(name, value) != null) {
        throw SyntaxException.INSTANCE;
      }
    });
    RequestContext.Builder b = RequestContext.builder();
    Span principal = present(fields.get("principal"));
    if (principal != null) {
      set(principal, "$.request.principal", b::principal);
    }
    set(required(fields, "action", r), "$.request.action", b::action);
    set(required(fields, "resource", r), "$.request.resource", b::resource);
    Span account = present(fields.get("resourceAccount"));
    if (account != null) {
      set(account, "$.request.resourceAccount", b::resourceAccount);
    }
    Span ctx = present(fields.get("context"));
    if (ctx != null) {
      context(ctx, b);
    }
    for (String name : fields.keySet()) {
      if (!name.equals("principal") && !name.equals("action") && !name.equals("resource")
          && !name.equals("resourceAccount") && !name.equals("context")) {
        strict = true;
      }
    }
    return b.build();
  }

  private void context(Span ctx, RequestContext.Builder b) {
    if (!ctx.kind().equals("object")) {
      throw new PolicyParseException("$.request.context", 1, column(ctx.start()), "expected an object, got " + ctx.kind());
    }
    List<String> keys = new ArrayList<>();
    List<Span> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    pos = ctx.start() + 1;
    object((name, value) -> {
      if (!seen.add(name)) {
        throw SyntaxException.INSTANCE;
      }
      keys.add(name);
      values.add(value);
    });
    for (int k = 0; k < keys.size(); k++) {
      Span v = values.get(k);
      if (v.kind().equals("array")) {
        List<Span> elements = elements(v);
        List<String> texts = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
          texts.add(text(elements.get(i), null, keys.get(k), i));
        }
        b.context(keys.get(k), texts);
      } else {
        b.context(keys.get(k), text(v, null, keys.get(k), -1));
      }
    }
  }

  private static Span present(Span span) {
    return span == null || span.kind().equals("null") ? null : span;
  }

  private Span required(Map<String, Span> fields, String field, Span request) {
    Span span = present(fields.get(field));
    if (span == null) {
      throw new PolicyParseException("$.request", 1, column(request.start()), "missing " + field);
    }
    return span;
  }

  /** Sets a request field, reporting a value the builder rejects at its path and position. */
  private void set(Span span, String path, Consumer<String> setter) {
    String v = text(span, path);
    try {
      setter.accept(v);
    } catch (IllegalArgumentException e) {
      throw new PolicyParseException(path, 1, column(span.start()), e.getMessage());
    }
  }

  private String text(Span span, String path) {
    return text(span, path, null, -1);
  }

  /**
   * A string's value, a number's text, or a boolean's word, as the batch format reads request
   * values. The error's path is {@code path}, or that of context key {@code contextKey} (element
   * {@code index} when not -1), made only for the error.
   */
  private String text(Span span, String path, String contextKey, int index) {
    switch (span.kind()) {
      case "string":
        pos = span.start();
        return string();
      case "number":
        strict = true;
        return text(span);
      case "boolean":
        return s.charAt(span.start()) == 't' ? "true" : "false";
      default:
        String at = path;
        if (at == null) {
          at = JsonPath.member("$.request.context", contextKey);
          at = index < 0 ? at : JsonPath.index(at, index);
        }
        throw new PolicyParseException(at, 1, column(span.start()), "expected a string, got " + span.kind());
    }
  }

  /** Reads members after an object's '{' up to its '}', passing each name and value span. */
  private void object(java.util.function.BiConsumer<String, Span> member) {
    ws();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw SyntaxException.INSTANCE;
      }
      String name = string();
      ws();
      if (next() != ':') {
        throw SyntaxException.INSTANCE;
      }
      ws();
      member.accept(name, value());
      ws();
      char c = next();
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw SyntaxException.INSTANCE;
      }
    }
  }

  /** Skips one value, returning its span; only its brackets and strings are followed, not checked. */
  private Span value() {
    int start = pos;
    char c = peek();
    String kind;
    int hash = 0;
    switch (c) {
      case '{', '[' -> {
        kind = c == '{' ? "object" : "array";
        hash = skipNested();
      }
      case '"' -> {
        kind = "string";
        skipString();
      }
      case 't', 'f' -> {
        kind = "boolean";
        literal(c == 't' ? "true" : "false");
      }
      case 'n' -> {
        kind = "null";
        literal("null");
      }
      default -> {
        if (c != '-' && (c < '0' || c > '9')) {
          throw SyntaxException.INSTANCE;
        }
        kind = "number";
        while (pos < n && "0123456789+-.eE".indexOf((char) (chars[pos] & 0xff)) >= 0) {
          pos++;
        }
      }
    }
    return new Span(start, pos, kind, hash);
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) {
      throw SyntaxException.INSTANCE;
    }
    pos += word.length();
  }

  /**
   * Skips an object or array, returning {@link PolicyCache#hash} of its text (computed here, in
   * the one pass over it, so a policy's cache key costs no second pass).
   */
  private int skipNested() {
    byte[] b = chars;
    int depth = 0;
    int h = 0;
    int p = pos;
    while (p < n) {
      byte c = b[p++];
      h = 31 * h + (c & 0xff);
      if (c == '"') {
        while (true) {
          if (p >= n) {
            throw SyntaxException.INSTANCE;
          }
          byte d = b[p++];
          h = 31 * h + (d & 0xff);
          if (d == '"') {
            break;
          }
          if (d == '\\' && p < n) {
            h = 31 * h + (b[p++] & 0xff);
          }
        }
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        pos = p;
        return h;
      }
    }
    throw SyntaxException.INSTANCE;
  }

  private void skipString() {
    pos++;
    while (pos < n) {
      char c = (char) (chars[pos++] & 0xff);
      if (c == '"') {
        return;
      }
      if (c == '\\') {
        pos++;
      }
    }
    throw SyntaxException.INSTANCE;
  }

  /** Reads a string at its opening quote; escapes are decoded and leave the check to the strict parser. */
  private String string() {
    int start = ++pos;
    while (pos < n) {
      char c = (char) (chars[pos] & 0xff);
      if (c == '"') {
        return s.substring(start, pos++);
      }
      if (c == '\\') {
        strict = true;
        return escaped(start);
      }
      if (c < 0x20) {
        throw SyntaxException.INSTANCE;
      }
      pos++;
    }
    throw SyntaxException.INSTANCE;
  }

  private String escaped(int start) {
    StringBuilder sb = new StringBuilder().append(s, start, pos);
    while (pos < n) {
      char c = (char) (chars[pos++] & 0xff);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw SyntaxException.INSTANCE;
      }
      if (c != '\\') {
        sb.append(s.charAt(pos - 1)); // the char itself: c is '?' for one above U+00FF
        continue;
      }
      if (pos >= n) {
        throw SyntaxException.INSTANCE;
      }
      char e = (char) (chars[pos++] & 0xff);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > n) {
            throw SyntaxException.INSTANCE;
          }
          int v = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit((char) (chars[pos++] & 0xff), 16);
            if (d < 0) {
              throw SyntaxException.INSTANCE;
            }
            v = v * 16 + d;
          }
          sb.append((char) v);
        }
        default -> throw SyntaxException.INSTANCE;
      }
    }
    throw SyntaxException.INSTANCE;
  }

  private void ws() {
    while (pos < n) {
      char c = (char) (chars[pos] & 0xff);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < n ? (char) (chars[pos] & 0xff) : '\0';
  }

  private char next() {
    return pos < n ? (char) (chars[pos++] & 0xff) : '\0';
  }
}
