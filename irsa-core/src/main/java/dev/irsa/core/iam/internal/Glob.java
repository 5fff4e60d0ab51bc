package dev.irsa.core.iam.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * IAM's wildcard matching, the one implementation the linter, the catalog and the evaluator share:
 * {@code *} is any run of characters (it spans {@code /} and {@code :}), {@code ?} exactly one.
 *
 * <p>The pattern is split on {@code *} into pieces; the first piece must be a prefix, the last a
 * suffix, and the middle pieces are found leftmost, in order (leftmost is always safe for such
 * patterns, so there is no backtracking). Finding a piece never compares it at every position: a
 * piece without {@code ?} is found with Knuth-Morris-Pratt, and a piece holding {@code ?} runs as
 * a small automaton (see {@link Piece}) whose cost per input character does not depend on the
 * length of literal runs or of {@code ?} runs. Each input character is read by at most one piece,
 * so a match costs O(pattern + input) for patterns made of long runs, and at most O(input x
 * pattern / 64) for patterns made of very many alternating short runs ({@code a?a?a?...}).
 *
 * <p>A literal {@code *} or {@code ?} (from the policy variables {@code ${*}} and {@code ${?}}, or
 * a substituted value) is added with {@link Builder#literal(char)} and is never a wildcard.
 */
public final class Glob {
  private static final Glob ANY = new Glob(new Piece[] {Piece.EMPTY, Piece.EMPTY}, true, 0);

  private final Piece[] pieces; // pieces.length == stars + 1
  private final boolean ignoreCase;
  private final int minLength;
  private String text; // toString, made on first use (a racy but idempotent cache of an immutable value)

  private Glob(Piece[] pieces, boolean ignoreCase, int minLength) {
    this.pieces = pieces;
    this.ignoreCase = ignoreCase;
    this.minLength = minLength;
  }

  /** The pattern {@code *}. */
  public static Glob any() {
    return ANY;
  }

  /**
   * Compiles {@code pattern} where every {@code *} and {@code ?} is a wildcard: as the {@link
   * Builder} would, in one pass over the pattern (policies hold thousands of these).
   */
  public static Glob compile(String pattern, boolean ignoreCase) {
    int stars = 0;
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '*') {
        stars++;
      }
    }
    Piece[] pieces = new Piece[stars + 1];
    int min = 0;
    int from = 0;
    for (int k = 0; k <= stars; k++) {
      int to = k == stars ? pattern.length() : pattern.indexOf('*', from);
      Piece p = Piece.of(pattern, from, to, ignoreCase);
      min += p.length();
      pieces[k] = k > 0 && k < stars && p.length() > 0 ? p.searchable() : p;
      from = to + 1;
    }
    Glob g = new Glob(pieces, ignoreCase, min);
    if (!ignoreCase) {
      g.text = pattern;
    }
    return g;
  }

  /** A pattern that matches exactly {@code text} (no wildcards). */
  public static Glob literal(String text, boolean ignoreCase) {
    return new Builder(ignoreCase).literal(text).build();
  }

  /**
   * True when {@code text} matches {@code pattern}; with {@code ignoreCase} characters compare
   * lower-cased one by one (IAM actions), else exactly (resources, StringLike).
   */
  public static boolean matches(String pattern, String text, boolean ignoreCase) {
    return compile(pattern, ignoreCase).matches(text);
  }

  /** True when {@code s} contains {@code *} or {@code ?}. */
  public static boolean hasWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  /** True when the pattern is exactly {@code *}. */
  public boolean isAny() {
    return pieces.length == 2 && pieces[0].length() == 0 && pieces[1].length() == 0;
  }

  /** True when the pattern holds no wildcard at all. */
  public boolean isLiteral() {
    return pieces.length == 1 && !pieces[0].hasAnyChar;
  }

  /** The literal text before the first wildcard. */
  public String literalPrefix() {
    Piece p = pieces[0];
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.length() && !p.wild[i]; i++) {
      sb.append(p.chars[i]);
    }
    return sb.toString();
  }

  /** Matches the whole of {@code s}. */
  public boolean matches(String s) {
    return matches(s, 0, s.length(), null);
  }

  /** Matches {@code s[from, to)}; with {@code ignoreCase} the input is compared lower-cased per char. */
  public boolean matches(String s, int from, int to) {
    return matches(s, from, to, null);
  }

  /** As {@link #matches(String, int, int)}, adding the work done to {@code steps} when not null (tests). */
  boolean matches(String s, int from, int to, long[] steps) {
    int n = to - from;
    if (n < minLength) {
      return false;
    }
    Piece first = pieces[0];
    if (pieces.length == 1) {
      return n == first.length() && first.matchesAt(s, from, ignoreCase);
    }
    if (!first.matchesAt(s, from, ignoreCase)) {
      return false;
    }
    Piece last = pieces[pieces.length - 1];
    int lastStart = to - last.length();
    if (!last.matchesAt(s, lastStart, ignoreCase)) {
      return false;
    }
    int pos = from + first.length();
    add(steps, first.length() + last.length() + pieces.length);
    for (int k = 1; k < pieces.length - 1; k++) {
      Piece p = pieces[k];
      int at = p.find(s, pos, lastStart, ignoreCase, steps);
      if (at < 0) {
        return false;
      }
      pos = at + p.length();
    }
    return pos <= lastStart;
  }

  /** Adds {@code work} to {@code steps[0]} when counting (tests pass an array; matching passes null). */
  static void add(long[] steps, long work) {
    if (steps != null) {
      steps[0] += work;
    }
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = text();
      text = t;
    }
    return t;
  }

  private String text() {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < pieces.length; k++) {
      if (k > 0) {
        sb.append('*');
      }
      Piece p = pieces[k];
      for (int i = 0; i < p.length(); i++) {
        sb.append(p.wild[i] ? '?' : p.chars[i]);
      }
    }
    return sb.toString();
  }

  /** Assembles a pattern from literal characters, {@code ?} and {@code *}. */
  public static final class Builder {
    private final boolean ignoreCase;
    private final List<Piece> pieces = new ArrayList<>();
    private final StringBuilder chars = new StringBuilder();
    private final StringBuilder wild = new StringBuilder();

    public Builder(boolean ignoreCase) {
      this.ignoreCase = ignoreCase;
    }

    /** A character matched as itself, even {@code *} or {@code ?}. */
    public Builder literal(char c) {
      chars.append(ignoreCase ? Character.toLowerCase(c) : c);
      wild.append('0');
      return this;
    }

    /** Characters matched as themselves, even {@code *} or {@code ?}. */
    public Builder literal(String s) {
      for (int i = 0; i < s.length(); i++) {
        literal(s.charAt(i));
      }
      return this;
    }

    /** The wildcard {@code ?}: exactly one character. */
    public Builder anyChar() {
      chars.append('?');
      wild.append('1');
      return this;
    }

    /** The wildcard {@code *}: any run of characters. */
    public Builder star() {
      pieces.add(piece());
      return this;
    }

    private Piece piece() {
      char[] c = chars.toString().toCharArray();
      boolean[] w = new boolean[c.length];
      for (int i = 0; i < c.length; i++) {
        w[i] = wild.charAt(i) == '1';
      }
      chars.setLength(0);
      wild.setLength(0);
      return c.length == 0 ? Piece.EMPTY : new Piece(c, w);
    }

    public Glob build() {
      List<Piece> all = new ArrayList<>(pieces);
      all.add(piece());
      int min = 0;
      for (int k = 0; k < all.size(); k++) {
        Piece p = all.get(k);
        min += p.length();
        if (k > 0 && k < all.size() - 1 && p.length() > 0) {
          all.set(k, p.searchable()); // only pieces between two stars are searched for
        }
      }
      return new Glob(all.toArray(new Piece[0]), ignoreCase, min);
    }
  }

  /** A run of literal characters and {@code ?}s between two stars. */
  static final class Piece {
    static final Piece EMPTY = new Piece(new char[0], new boolean[0]);

    /** {@code pattern[from, to)}, holding no {@code *}: its {@code ?}s are wildcards. */
    static Piece of(String pattern, int from, int to, boolean ignoreCase) {
      if (from == to) {
        return EMPTY;
      }
      char[] c = new char[to - from];
      boolean[] w = new boolean[c.length];
      for (int i = 0; i < c.length; i++) {
        char ch = pattern.charAt(from + i);
        w[i] = ch == '?';
        c[i] = w[i] || !ignoreCase ? ch : Character.toLowerCase(ch);
      }
      return new Piece(c, w);
    }
    /** Literal pieces up to this length are found with String.indexOf (at most this many compares per char). */
    private static final int SHORT = 16;

    final char[] chars;
    final boolean[] wild;
    final boolean hasAnyChar;
    private final String plain;       // the text when there is no '?'
    private final int[] border;       // KMP failure function of a literal piece
    private final WildFinder finder;  // for pieces holding '?'

    Piece(char[] chars, boolean[] wild) {
      this(chars, wild, false);
    }

    private Piece(char[] chars, boolean[] wild, boolean searchable) {
      this.chars = chars;
      this.wild = wild;
      boolean any = false;
      for (boolean b : wild) {
        any |= b;
      }
      this.hasAnyChar = any;
      this.plain = any ? null : new String(chars);
      this.border = searchable && !any ? borders(chars) : null;
      this.finder = searchable && any ? new WildFinder(chars, wild) : null;
    }

    /** The same piece, ready to be searched for (KMP table or automaton built once, here). */
    Piece searchable() {
      return new Piece(chars, wild, true);
    }

    int length() {
      return chars.length;
    }

    boolean matchesAt(String s, int at, boolean ignoreCase) {
      if (at < 0 || at + chars.length > s.length()) {
        return false;
      }
      for (int i = 0; i < chars.length; i++) {
        if (wild[i]) {
          continue;
        }
        char c = s.charAt(at + i);
        if (ignoreCase) {
          c = Character.toLowerCase(c);
        }
        if (c != chars[i]) {
          return false;
        }
      }
      return true;
    }

    /** Leftmost start in {@code [from, limit - length]}, or -1; adds the work done to {@code steps} (may be null). */
    int find(String s, int from, int limit, boolean ignoreCase, long[] steps) {
      int last = limit - chars.length;
      if (last < from) {
        return -1;
      }
      if (chars.length == 0) {
        return from; // between two adjacent stars
      }
      if (hasAnyChar) {
        return finder.find(s, from, limit, ignoreCase, steps);
      }
      if (!ignoreCase && chars.length <= SHORT) {
        int at = s.indexOf(plain, from);
        int found = at >= 0 && at <= last ? at : -1;
        add(steps, (long) ((found < 0 ? limit : found + chars.length) - from) * chars.length);
        return found;
      }
      return kmp(s, from, limit, ignoreCase, steps);
    }

    private int kmp(String s, int from, int limit, boolean ignoreCase, long[] steps) {
      int[] b = border;
      int m = chars.length;
      int q = 0;
      long work = 0;
      for (int i = from; i < limit; i++) {
        char c = s.charAt(i);
        if (ignoreCase) {
          c = Character.toLowerCase(c);
        }
        while (q > 0 && chars[q] != c) {
          q = b[q - 1];
          work++;
        }
        work++;
        if (chars[q] == c) {
          q++;
        }
        if (q == m) {
          add(steps, work);
          return i - m + 1;
        }
      }
      add(steps, work);
      return -1;
    }
  }

  /** KMP's failure function: {@code b[i]} is the longest proper border of {@code p[0..i]}. */
  static int[] borders(char[] p) {
    int[] b = new int[p.length];
    int k = 0;
    for (int i = 1; i < p.length; i++) {
      while (k > 0 && p[i] != p[k]) {
        k = b[k - 1];
      }
      if (p[i] == p[k]) {
        k++;
      }
      b[i] = k;
    }
    return b;
  }
}
