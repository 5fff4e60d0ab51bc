package dev.irsa.verify.eval.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled wildcard pattern ({@code *} any run of characters, {@code ?} one character) matched
 * without backtracking: the pattern is split on {@code *} into pieces, the first piece must be a
 * prefix, the last a suffix, and the middle pieces are found leftmost, in order. Leftmost is always
 * safe for such patterns, so the cost is at most the input length times the longest piece, however
 * many stars the pattern holds (a thousand {@code *} against 100 KB is one pass).
 *
 * <p>A literal {@code *} or {@code ?} (from the policy variables {@code ${*}} and {@code ${?}})
 * is kept as a {@link Piece} character with its wildcard flag off.
 */
public final class Glob {
  private static final Glob ANY = new Glob(new Piece[] {Piece.EMPTY, Piece.EMPTY}, true, 0);

  private final Piece[] pieces; // pieces.length == stars + 1
  private final boolean ignoreCase;
  private final int minLength;

  private Glob(Piece[] pieces, boolean ignoreCase, int minLength) {
    this.pieces = pieces;
    this.ignoreCase = ignoreCase;
    this.minLength = minLength;
  }

  /** The pattern {@code *}. */
  public static Glob any() {
    return ANY;
  }

  /** Compiles {@code pattern} where every {@code *} and {@code ?} is a wildcard. */
  public static Glob compile(String pattern, boolean ignoreCase) {
    Builder b = new Builder(ignoreCase);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        b.star();
      } else if (c == '?') {
        b.anyChar();
      } else {
        b.literal(c);
      }
    }
    return b.build();
  }

  /** A pattern that matches exactly {@code text} (no wildcards). */
  public static Glob literal(String text, boolean ignoreCase) {
    Builder b = new Builder(ignoreCase);
    for (int i = 0; i < text.length(); i++) {
      b.literal(text.charAt(i));
    }
    return b.build();
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
    return matches(s, 0, s.length());
  }

  /** Matches {@code s[from, to)}; with {@code ignoreCase} the input is compared lower-cased per char. */
  public boolean matches(String s, int from, int to) {
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
    for (int k = 1; k < pieces.length - 1; k++) {
      Piece p = pieces[k];
      int at = p.find(s, pos, lastStart, ignoreCase);
      if (at < 0) {
        return false;
      }
      pos = at + p.length();
    }
    return pos <= lastStart;
  }

  @Override
  public String toString() {
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

    public Builder literal(char c) {
      chars.append(ignoreCase ? Character.toLowerCase(c) : c);
      wild.append('0');
      return this;
    }

    public Builder literal(String s) {
      for (int i = 0; i < s.length(); i++) {
        literal(s.charAt(i));
      }
      return this;
    }

    public Builder anyChar() {
      chars.append('?');
      wild.append('1');
      return this;
    }

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
      for (Piece p : all) {
        min += p.length();
      }
      return new Glob(all.toArray(new Piece[0]), ignoreCase, min);
    }
  }

  /** A run of literal characters and {@code ?}s between two stars. */
  static final class Piece {
    static final Piece EMPTY = new Piece(new char[0], new boolean[0]);

    final char[] chars;
    final boolean[] wild;
    final boolean hasAnyChar;
    final String plain; // the text when there is no '?', for String.indexOf

    Piece(char[] chars, boolean[] wild) {
      this.chars = chars;
      this.wild = wild;
      boolean any = false;
      for (boolean b : wild) {
        any |= b;
      }
      this.hasAnyChar = any;
      this.plain = any ? null : new String(chars);
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

    /** Leftmost start in {@code [from, limit - length]}, or -1. */
    int find(String s, int from, int limit, boolean ignoreCase) {
      int last = limit - chars.length;
      if (last < from) {
        return -1;
      }
      if (!ignoreCase && plain != null) {
        int at = s.indexOf(plain, from);
        return at >= 0 && at <= last ? at : -1;
      }
      for (int at = from; at <= last; at++) {
        if (matchesAt(s, at, ignoreCase)) {
          return at;
        }
      }
      return -1;
    }
  }
}
