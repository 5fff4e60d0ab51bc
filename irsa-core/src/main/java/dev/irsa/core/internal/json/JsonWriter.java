package dev.irsa.core.internal.json;

/**
 * Writes JSON text: compact, or pretty with two-space indentation. The caller drives it member by
 * member; it only handles separators, indentation and string escaping.
 */
public final class JsonWriter {
  private final StringBuilder out;
  private final boolean pretty;
  private int depth;
  private boolean first = true;
  private boolean afterName;
  /** The separator before the next token is already written (by {@link #mark()}). */
  private boolean marked;

  public JsonWriter(boolean pretty) {
    this(new StringBuilder(256), pretty);
  }

  public JsonWriter(StringBuilder out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  public JsonWriter beginObject() {
    prefix();
    out.append('{');
    depth++;
    first = true;
    return this;
  }

  public JsonWriter endObject() {
    return close('}');
  }

  public JsonWriter beginArray() {
    prefix();
    out.append('[');
    depth++;
    first = true;
    return this;
  }

  public JsonWriter endArray() {
    return close(']');
  }

  public JsonWriter name(String name) {
    prefix();
    quote(out, name);
    out.append(pretty ? ": " : ":");
    afterName = true;
    return this;
  }

  public JsonWriter value(String s) {
    prefix();
    quote(out, s);
    return this;
  }

  /** Writes a number or boolean literal exactly as given. */
  public JsonWriter raw(String literal) {
    prefix();
    out.append(literal);
    return this;
  }

  private JsonWriter close(char c) {
    depth--;
    if (pretty && !first) {
      newline();
    }
    out.append(c);
    first = false;
    return this;
  }

  /**
   * Writes the separator and indentation due before the next token and returns the offset in the
   * output where that token will start (for source maps of written JSON).
   */
  public int mark() {
    prefix();
    marked = true;
    return out.length();
  }

  private void prefix() {
    if (marked) {
      marked = false;
      return;
    }
    if (afterName) {
      afterName = false;
      first = false;
      return;
    }
    if (depth > 0) {
      if (!first) {
        out.append(',');
      }
      if (pretty) {
        newline();
      }
    }
    first = false;
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** Appends {@code s} as a JSON string literal. */
  public static void quote(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    int i = 0;
    while (i < n) { // the usual string needs no escape: appended whole
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c >= '\u2028') {
        break;
      }
      i++;
    }
    if (i == n) {
      out.append(s).append('"');
      return;
    }
    out.append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpaired(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /**
   * A surrogate without its pair is written as a {@code \\u} escape: encoded as it is, it would print
   * as {@code ?}, a wildcard in IAM.
   */
  private static boolean unpaired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  /** Writes a parsed tree back as compact (or pretty) JSON, numbers as written. */
  public static String write(JsonNode node, boolean pretty) {
    JsonWriter w = new JsonWriter(pretty);
    w.node(node);
    return w.toString();
  }

  /** Writes a parsed tree at the current position. */
  public JsonWriter node(JsonNode node) {
    if (node instanceof JsonNode.Obj o) {
      beginObject();
      o.members().forEach((k, v) -> {
        name(k);
        node(v);
      });
      return endObject();
    }
    if (node instanceof JsonNode.Arr a) {
      beginArray();
      a.elements().forEach(this::node);
      return endArray();
    }
    if (node instanceof JsonNode.Str s) {
      return value(s.value());
    }
    if (node instanceof JsonNode.Num n) {
      return raw(n.text());
    }
    if (node instanceof JsonNode.Bool b) {
      return raw(Boolean.toString(b.value()));
    }
    return raw("null");
  }

  /** {@code s} as a JSON string literal. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(sb, s);
    return sb.toString();
  }
}
