package dev.irsa.core.internal.json;

import dev.irsa.core.internal.Quote;
import java.util.List;

/** JSONPath strings such as {@code $.Statement[0].Condition.StringEquals['oidc.eks...:sub']}. */
public final class JsonPath {
  private JsonPath() {}

  /** Path from segments: {@code String} member names and {@code Integer} indexes. */
  public static String of(List<Object> segments) {
    StringBuilder sb = new StringBuilder("$");
    for (Object s : segments) {
      if (s instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        member(sb, (String) s);
      }
    }
    return sb.toString();
  }

  /** {@code parent} extended by a member name. */
  public static String member(String parent, String name) {
    if (name.length() <= 64 && isIdentifier(name)) { // the common case, without a growing buffer
      return parent.concat(".").concat(name);
    }
    return member(new StringBuilder(parent), name).toString();
  }

  /** {@code parent} extended by an array index. */
  public static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /**
   * A member name as {@code .name} or {@code ['name']}; a name with control characters has them
   * escaped, and one longer than {@link Quote#MAX_CHARS} is cut with its length said, so that an
   * error about a 50 MB name stays short: {@code $['aaa...' (52428800 characters)]}.
   */
  private static StringBuilder member(StringBuilder sb, String name) {
    boolean cut = name.length() > Quote.MAX_CHARS;
    String shown = cut ? name.substring(0, Quote.MAX_CHARS) : name;
    if (!cut && isIdentifier(name)) {
      return sb.append('.').append(name);
    }
    StringBuilder q = new StringBuilder(shown.length() + 4);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c == '\'' || c == '\\') {
        q.append('\\');
      }
      q.append(c);
    }
    sb.append("['").append(Quote.escape(q.toString()));
    return cut ? sb.append("...' (").append(name.length()).append(" characters)]") : sb.append("']");
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
        return false;
      }
    }
    return true;
  }
}
