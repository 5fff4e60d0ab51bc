package dev.irsa.core.internal.json;

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

  private static StringBuilder member(StringBuilder sb, String name) {
    if (isIdentifier(name)) {
      return sb.append('.').append(name);
    }
    sb.append("['");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\'' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append("']");
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
