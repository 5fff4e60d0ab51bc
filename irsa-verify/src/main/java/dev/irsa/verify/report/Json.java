package dev.irsa.verify.report;

/** A small JSON writer for the report's stable form: two-space indent, fields in a fixed order. */
final class Json {
  private final StringBuilder sb = new StringBuilder();
  private int depth;
  private boolean first = true;
  private boolean afterName;

  Json beginObject() {
    prefix();
    sb.append('{');
    depth++;
    first = true;
    return this;
  }

  Json endObject() {
    return end('}');
  }

  Json beginArray() {
    prefix();
    sb.append('[');
    depth++;
    first = true;
    return this;
  }

  Json endArray() {
    return end(']');
  }

  private Json end(char c) {
    depth--;
    if (!first) {
      newline();
    }
    sb.append(c);
    first = false;
    return this;
  }

  Json name(String name) {
    prefix();
    string(name);
    sb.append(": ");
    afterName = true;
    return this;
  }

  Json value(String s) {
    prefix();
    if (s == null) {
      sb.append("null");
    } else {
      string(s);
    }
    return this;
  }

  Json value(long n) {
    prefix();
    sb.append(n);
    return this;
  }

  Json value(boolean b) {
    prefix();
    sb.append(b);
    return this;
  }

  Json field(String name, String value) {
    return name(name).value(value);
  }

  private void prefix() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (!first) {
        sb.append(',');
      }
      newline();
    }
    first = false;
  }

  private void newline() {
    sb.append('\n');
    sb.append("  ".repeat(depth));
  }

  private void string(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
