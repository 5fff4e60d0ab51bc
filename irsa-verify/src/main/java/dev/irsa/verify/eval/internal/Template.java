package dev.irsa.verify.eval.internal;

import dev.irsa.core.iam.internal.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * Text that may hold policy variables: {@code ${aws:username}}, {@code ${aws:PrincipalTag/team,
 * 'company-wide'}} (a default), and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} for the
 * literal characters. Substituted values and escapes are literal; the rest of the text keeps its
 * wildcards.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM policy variables</a>
 */
public final class Template {
  /** One part of the text. */
  sealed interface Part permits Text, Escaped, Variable {}

  /** Policy text: {@code *} and {@code ?} are wildcards where the consumer matches patterns. */
  record Text(String text) implements Part {}

  /** A literal character from {@code ${*}}, {@code ${?}} or {@code ${$}}. */
  record Escaped(char c) implements Part {}

  /** A variable: lower-cased context key and an optional default. */
  record Variable(String key, String name, String defaultValue) implements Part {}

  private final String source;
  private final List<Part> parts;
  private final boolean variables;

  private Template(String source, List<Part> parts, boolean variables) {
    this.source = source;
    this.parts = parts;
    this.variables = variables;
  }

  /** Parses {@code text}; when {@code substitute} is false (Version 2008-10-17) it is all literal text. */
  public static Template parse(String text, boolean substitute) {
    List<Part> parts = new ArrayList<>();
    if (!substitute || text.indexOf("${") < 0) {
      parts.add(new Text(text));
      return new Template(text, parts, false);
    }
    boolean vars = false;
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      if (open < 0) {
        plain.append(text, i, text.length());
        break;
      }
      int close = text.indexOf('}', open + 2);
      if (close < 0) {
        plain.append(text, i, text.length());
        break;
      }
      plain.append(text, i, open);
      String body = text.substring(open + 2, close);
      Part part = variable(body);
      if (part == null) {
        plain.append(text, open, close + 1);
      } else {
        if (plain.length() > 0) {
          parts.add(new Text(plain.toString()));
          plain.setLength(0);
        }
        parts.add(part);
        vars |= part instanceof Variable;
      }
      i = close + 1;
    }
    if (plain.length() > 0) {
      parts.add(new Text(plain.toString()));
    }
    return new Template(text, parts, vars);
  }

  private static Part variable(String body) {
    String b = body.trim();
    if (b.equals("*") || b.equals("?") || b.equals("$")) {
      return new Escaped(b.charAt(0));
    }
    String name = b;
    String def = null;
    int comma = b.indexOf(',');
    if (comma >= 0) {
      name = b.substring(0, comma).trim();
      String d = b.substring(comma + 1).trim();
      if (d.length() >= 2 && d.charAt(0) == '\'' && d.charAt(d.length() - 1) == '\'') {
        def = d.substring(1, d.length() - 1);
      } else {
        return null;
      }
    }
    if (name.isEmpty()) {
      return null;
    }
    return new Variable(Ascii.lower(name), name, def);
  }

  public String source() {
    return source;
  }

  /** True when the text holds at least one variable (escapes alone do not count). */
  public boolean hasVariables() {
    return variables;
  }

  /** True when the text holds a variable or an escape, so it cannot be matched as plain text. */
  public boolean isPlain() {
    return parts.size() == 1 && parts.get(0) instanceof Text;
  }

  /** The names of the context keys used as variables. */
  public List<String> variableKeys() {
    List<String> out = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Variable v) {
        out.add(v.name());
      }
    }
    return out;
  }

  /**
   * The text with variables substituted, or {@code null} when a variable has no value and no
   * default. Wildcard escapes become their plain characters.
   */
  public String resolve(Lookup context) {
    if (isPlain()) {
      return source;
    }
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Text t) {
        sb.append(t.text());
      } else if (p instanceof Escaped e) {
        sb.append(e.c());
      } else {
        String v = value((Variable) p, context);
        if (v == null) {
          return null;
        }
        sb.append(v);
      }
    }
    return sb.toString();
  }

  /**
   * A wildcard pattern: {@code *}/{@code ?} in the policy text are wildcards, substituted values and
   * escapes literal. {@code null} when a variable has no value and no default.
   */
  public Glob resolveGlob(Lookup context, boolean ignoreCase) {
    Glob.Builder b = new Glob.Builder(ignoreCase);
    for (Part p : parts) {
      if (p instanceof Text t) {
        String s = t.text();
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == '*') {
            b.star();
          } else if (c == '?') {
            b.anyChar();
          } else {
            b.literal(c);
          }
        }
      } else if (p instanceof Escaped e) {
        b.literal(e.c());
      } else {
        String v = value((Variable) p, context);
        if (v == null) {
          return null;
        }
        b.literal(v);
      }
    }
    return b.build();
  }

  /**
   * The text with variables substituted, marking which characters are literal: escapes and
   * substituted values are, the policy's own text is not (its {@code *} and {@code ?} stay
   * wildcards). {@code null} when a variable has no value and no default.
   */
  public Marked resolveMarked(Lookup context) {
    StringBuilder sb = new StringBuilder();
    java.util.BitSet literal = new java.util.BitSet();
    for (Part p : parts) {
      if (p instanceof Text t) {
        sb.append(t.text());
      } else if (p instanceof Escaped e) {
        literal.set(sb.length());
        sb.append(e.c());
      } else {
        String v = value((Variable) p, context);
        if (v == null) {
          return null;
        }
        literal.set(sb.length(), sb.length() + v.length());
        sb.append(v);
      }
    }
    return new Marked(sb.toString(), literal);
  }

  /** Resolved text and the positions that are literal characters (never wildcards). */
  public record Marked(String text, java.util.BitSet literal) {
    /** Adds {@code text[from, to)} to {@code b}: wildcards where the policy wrote them, literals elsewhere. */
    public void appendTo(Glob.Builder b, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (literal.get(i)) {
          b.literal(c);
        } else if (c == '*') {
          b.star();
        } else if (c == '?') {
          b.anyChar();
        } else {
          b.literal(c);
        }
      }
    }
  }

  private static String value(Variable v, Lookup context) {
    String value = context.single(v.key());
    if (value == null) {
      value = v.defaultValue();
    }
    return value;
  }

  /** Where variables get their values: the request context by lower-cased key. */
  public interface Lookup {
    /** The key's value when it has exactly one, else {@code null}. */
    String single(String lowerCaseKey);
  }

  @Override
  public String toString() {
    return source;
  }
}
