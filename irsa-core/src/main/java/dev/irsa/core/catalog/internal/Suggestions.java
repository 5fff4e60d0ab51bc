package dev.irsa.core.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Nearest names for a typo: names within a small edit distance (case ignored), plus names whose
 * camel-case words contain the typo's words in order ({@code ListBuckets} → {@code ListAllMyBuckets}).
 */
public final class Suggestions {
  /**
   * Words of catalog names, split once: a lint of a long list of unknown actions asks about every
   * name of the service for each of them. Keys are catalog names only, so the map stays bounded.
   */
  private static final java.util.Map<String, Name> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

  /** A catalog name lower-cased and split into words. */
  private record Name(String lower, List<String> words) {
    static Name of(String name) {
      return new Name(name.toLowerCase(Locale.ROOT), Suggestions.words(name));
    }
  }

  private Suggestions() {}

  /** Up to {@code limit} candidates, nearest first. */
  public static List<String> nearest(String typo, Iterable<String> candidates, int limit) {
    String t = typo.toLowerCase(Locale.ROOT);
    List<String> words = words(typo);
    int max = Math.max(2, t.length() / 4);
    record Scored(String name, int score) {}
    List<Scored> hits = new ArrayList<>();
    for (String c : candidates) {
      Name n = NAMES.computeIfAbsent(c, Name::of);
      int d = distance(t, n.lower(), max);
      if (d <= max) {
        hits.add(new Scored(c, d));
      } else if (words.size() > 1 && containsInOrder(n.words(), words)) {
        hits.add(new Scored(c, max + 1 + Math.abs(c.length() - typo.length())));
      }
    }
    hits.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < hits.size() && i < limit; i++) {
      out.add(hits.get(i).name());
    }
    return out;
  }

  /** {@code "ListAllMyBuckets"} → {@code [list, all, my, buckets]}. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(w, out);
        continue;
      }
      if (Character.isUpperCase(c) && w.length() > 0 && !Character.isUpperCase(w.charAt(w.length() - 1))) {
        flush(w, out);
      }
      w.append(c);
    }
    flush(w, out);
    return out;
  }

  private static void flush(StringBuilder w, List<String> out) {
    if (w.length() > 0) {
      out.add(w.toString().toLowerCase(Locale.ROOT));
      w.setLength(0);
    }
  }

  private static boolean containsInOrder(List<String> haystack, List<String> needles) {
    int i = 0;
    for (String h : haystack) {
      if (i < needles.size() && h.equals(needles.get(i))) {
        i++;
      }
    }
    return i == needles.size();
  }

  /**
   * Levenshtein distance, or {@code max + 1} once it is certainly larger than {@code max}. Only the
   * cells within {@code max} of the diagonal are computed (the others already exceed {@code max}).
   */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int big = max + 1;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = Math.min(j, big);
    }
    for (int i = 1; i <= a.length(); i++) {
      int from = Math.max(1, i - max);
      int to = Math.min(b.length(), i + max);
      cur[0] = Math.min(i, big);
      if (from > 1) {
        cur[from - 1] = big;
      }
      int rowMin = from == 1 ? cur[0] : big;
      for (int j = from; j <= to; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int up = j <= i - 1 + max ? prev[j] : big;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, up + 1), prev[j - 1] + cost);
        cur[j] = Math.min(cur[j], big);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (to < b.length()) {
        cur[to + 1] = big;
      }
      if (rowMin > max) {
        return big;
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[b.length()];
  }
}
