package dev.irsa.core.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a policy's resource pattern ({@code arn:aws:s3:::bucket/*}, with {@code *},
 * {@code ?} and policy variables) and an ARN template from the service authorization reference
 * ({@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}) can describe the same ARN.
 *
 * <p>Both are compiled to token sequences (a literal character, one character of a class, or a run
 * of characters of a class) and the intersection is decided by a reachability search over pairs of
 * positions, O(n·m). Template variables stand for one or more characters; in the partition,
 * service, region and account parts they never contain {@code :}, and a few variables known to be
 * plain names ({@code ${BucketName}}, {@code ${TableName}} ...) never contain {@code /}. Every other
 * variable may contain anything, so the answer errs towards "can match".
 */
public final class ArnPatterns {
  private static final Set<String> NO_SLASH_VARIABLES = Set.of(
      "Partition", "Region", "Account", "BucketName", "TableName", "IndexName", "StreamLabel", "FunctionName",
      "AccessPointName");

  private static final int LIT = 0;
  private static final int ONE = 1;
  private static final int RUN = 2;
  /** Character-class flags for ONE and RUN tokens. */
  private static final int NO_COLON = 1;
  private static final int NO_SLASH = 2;

  private ArnPatterns() {}

  /** A compiled pattern: kind, character (for LIT) or class flags, per token. */
  public record Tokens(int[] kind, int[] value) {}

  /** Compiles a policy resource: {@code *} and policy variables {@code ${...}} are runs, {@code ?} one character. */
  public static Tokens policy(String pattern) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        out.add(new int[] {RUN, 0});
      } else if (c == '?') {
        out.add(new int[] {ONE, 0});
      } else if (c == '$' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
        int end = pattern.indexOf('}', i);
        if (end < 0) {
          out.add(new int[] {LIT, c});
        } else {
          out.add(new int[] {RUN, 0});
          i = end;
        }
      } else {
        out.add(new int[] {LIT, c});
      }
    }
    return pack(out);
  }

  /** Compiles an ARN template from the reference. */
  public static Tokens template(String template) {
    List<int[]> out = new ArrayList<>();
    int colons = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        int end = template.indexOf('}', i);
        if (end > 0) {
          String name = template.substring(i + 2, end);
          int cls = colons < 5 ? NO_COLON | NO_SLASH : NO_SLASH_VARIABLES.contains(name) ? NO_SLASH : 0;
          out.add(new int[] {ONE, cls});
          out.add(new int[] {RUN, cls});
          i = end;
          continue;
        }
      }
      if (c == ':') {
        colons++;
      }
      out.add(new int[] {LIT, c});
    }
    return pack(out);
  }

  private static Tokens pack(List<int[]> list) {
    int[] kind = new int[list.size()];
    int[] value = new int[list.size()];
    for (int i = 0; i < list.size(); i++) {
      kind[i] = list.get(i)[0];
      value[i] = list.get(i)[1];
    }
    return new Tokens(kind, value);
  }

  /** True when some string is described by both. */
  public static boolean intersects(Tokens a, Tokens b) {
    int n = a.kind.length;
    int m = b.kind.length;
    boolean[][] seen = new boolean[n + 1][m + 1];
    int[] stack = new int[(n + 1) * (m + 1) * 2];
    int sp = 0;
    stack[sp++] = 0;
    stack[sp++] = 0;
    seen[0][0] = true;
    while (sp > 0) {
      int j = stack[--sp];
      int i = stack[--sp];
      if (i == n && j == m) {
        return true;
      }
      int[][] next = new int[4][];
      int k = 0;
      if (i < n && a.kind[i] == RUN) {
        next[k++] = new int[] {i + 1, j};
        if (j < m && b.kind[j] != RUN && compatible(a.kind[i], a.value[i], b.kind[j], b.value[j])) {
          next[k++] = new int[] {i, j + 1};
        }
      }
      if (j < m && b.kind[j] == RUN) {
        next[k++] = new int[] {i, j + 1};
        if (i < n && a.kind[i] != RUN && compatible(b.kind[j], b.value[j], a.kind[i], a.value[i])) {
          next[k++] = new int[] {i + 1, j};
        }
      }
      if (i < n && j < m && a.kind[i] != RUN && b.kind[j] != RUN
          && compatible(a.kind[i], a.value[i], b.kind[j], b.value[j])) {
        next[k++] = new int[] {i + 1, j + 1};
      }
      for (int x = 0; x < k; x++) {
        int ni = next[x][0];
        int nj = next[x][1];
        if (!seen[ni][nj]) {
          seen[ni][nj] = true;
          stack[sp++] = ni;
          stack[sp++] = nj;
        }
      }
    }
    return false;
  }

  /** Whether one character can satisfy both tokens (RUN and ONE are read as their character class). */
  private static boolean compatible(int ka, int va, int kb, int vb) {
    if (ka == LIT && kb == LIT) {
      return va == vb;
    }
    if (ka == LIT) {
      return allowed((char) va, vb);
    }
    if (kb == LIT) {
      return allowed((char) vb, va);
    }
    return true;
  }

  private static boolean allowed(char c, int cls) {
    return !((cls & NO_COLON) != 0 && c == ':' || (cls & NO_SLASH) != 0 && c == '/');
  }
}
