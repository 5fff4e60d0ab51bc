package dev.irsa.core.lint.internal;

import dev.irsa.core.iam.internal.Glob;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wildcard entries of one list (Action or Resource), bucketed by their literal prefix, so that
 * finding the first entry that covers a value looks only at entries whose prefix and suffix the
 * value has: one pass over the value to find the buckets (rolling hashes of its prefixes), then
 * the linear {@link Glob} on each candidate. Comparisons stop at {@link #BUDGET} characters per
 * list, so hostile lists of near-identical patterns cannot make a lint slow.
 */
final class WildcardIndex {
  /** Characters of pattern and value compared by {@link Glob} for one list before giving up. */
  static final long BUDGET = 50_000_000L;

  private record Entry(int index, String pattern, Glob glob, String suffix, int minLength) {}

  private final boolean ignoreCase;
  /** Buckets by (prefix length, prefix hash). */
  private final Map<Long, List<Entry>> buckets = new HashMap<>();
  private final BitSet prefixLengths = new BitSet();
  private long work;
  private long globCalls;

  WildcardIndex(boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
  }

  /** Adds wildcard entry {@code index}; add each distinct spelling once, at its first index, in index order. */
  void add(String pattern, int index) {
    Glob glob = Glob.compile(pattern, ignoreCase);
    int first = firstWildcard(pattern);
    int last = Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'));
    String suffix = pattern.substring(last + 1);
    int questionMarks = 0;
    for (int i = first; i <= last; i++) {
      if (pattern.charAt(i) == '?') {
        questionMarks++;
      }
    }
    long h = 0;
    for (int i = 0; i < first; i++) {
      h = h * 31 + fold(pattern.charAt(i));
    }
    buckets.computeIfAbsent(key(first, h), k -> new ArrayList<>())
        .add(new Entry(index, pattern, glob, suffix, first + suffix.length() + questionMarks));
    prefixLengths.set(first);
  }

  /**
   * The smallest index below {@code limit} of an entry that matches {@code text}, or -1 (also when
   * the comparison budget is spent).
   */
  int firstMatch(String text, int limit) {
    int best = -1;
    long h = 0;
    int max = Math.min(text.length(), prefixLengths.length() - 1);
    for (int len = 0; len <= max; len++) {
      if (len > 0) {
        h = h * 31 + fold(text.charAt(len - 1));
      }
      if (!prefixLengths.get(len)) {
        continue;
      }
      List<Entry> bucket = buckets.get(key(len, h));
      if (bucket == null) {
        continue;
      }
      for (Entry e : bucket) {
        if (e.index() >= (best >= 0 ? best : limit)) {
          break; // entries are in index order
        }
        if (candidate(e, text, len) && matches(e, text)) {
          best = e.index();
          break;
        }
      }
    }
    return best;
  }

  private boolean candidate(Entry e, String text, int prefixLength) {
    if (text.length() < e.minLength()) {
      return false;
    }
    String pattern = e.pattern();
    for (int i = 0; i < prefixLength; i++) {
      if (fold(pattern.charAt(i)) != fold(text.charAt(i))) {
        return false; // a hash collision
      }
    }
    String suffix = e.suffix();
    int off = text.length() - suffix.length();
    for (int i = 0; i < suffix.length(); i++) {
      if (fold(suffix.charAt(i)) != fold(text.charAt(off + i))) {
        return false;
      }
    }
    return true;
  }

  private boolean matches(Entry e, String text) {
    long cost = (long) text.length() + e.pattern().length();
    if (work + cost > BUDGET) {
      return false;
    }
    work += cost;
    globCalls++;
    return e.glob().matches(text);
  }

  /** How many times {@link Glob} ran (for tests). */
  long globCalls() {
    return globCalls;
  }

  private char fold(char c) {
    return ignoreCase ? Character.toLowerCase(c) : c;
  }

  private static long key(int length, long hash) {
    return hash * 1_000_003L + length;
  }

  private static int firstWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '*' || s.charAt(i) == '?') {
        return i;
      }
    }
    return s.length();
  }
}
