package dev.irsa.core.iam.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the leftmost occurrence of a piece that holds {@code ?} (a pattern with single-character
 * wildcards, no {@code *}) by running its automaton over the input once.
 *
 * <p>Write {@code S_i[j]} for "the piece's first j+1 characters match the input ending at i". The
 * piece is cut into elements, each of which updates the {@code S} bit of its last position from
 * the bit of the position before it (its predecessor) in constant work per input character:
 * <ul>
 *   <li>a run of {@code q >= LONG} question marks is a delay line: its bit at i is the predecessor's
 *       bit at i - q (a ring buffer of q bits);</li>
 *   <li>a run of {@code l >= LONG} literal characters: the run occurs ending at i (a KMP automaton
 *       over the input, independent of the rest) and the predecessor's bit at i - l was set (a
 *       delay line of l bits);</li>
 *   <li>everything between (short literal and short {@code ?} runs) is a bit-parallel Shift-And
 *       block: one shift and one mask per 64 positions.</li>
 * </ul>
 * Elements are stepped last to first so each reads its predecessor's bit from the previous
 * character. The cost per input character is the number of elements plus the Shift-And words,
 * never the length of a long run.
 */
final class WildFinder {
  /** Runs at least this long get their own constant-cost element. */
  static final int LONG = 64;

  private final int length;
  private final Element[] elements;
  private final Bits single; // the whole piece when it fits one machine word: a tight loop, no allocation

  WildFinder(char[] chars, boolean[] wild) {
    this.length = chars.length;
    List<Element> out = new ArrayList<>();
    int blockStart = -1;
    int i = 0;
    while (i < chars.length) {
      int j = i;
      while (j < chars.length && wild[j] == wild[i]) {
        j++;
      }
      if (j - i >= LONG) {
        if (blockStart >= 0) {
          out.add(new Bits(chars, wild, blockStart, i));
          blockStart = -1;
        }
        out.add(wild[i] ? new Delay(j - i) : new Literal(Arrays.copyOfRange(chars, i, j)));
      } else if (blockStart < 0) {
        blockStart = i;
      }
      i = j;
    }
    if (blockStart >= 0) {
      out.add(new Bits(chars, wild, blockStart, chars.length));
    }
    this.elements = out.toArray(new Element[0]);
    this.single = elements.length == 1 && elements[0] instanceof Bits b && b.words == 1 ? b : null;
  }

  /** Leftmost start of the piece in {@code s[from, limit)}, or -1; adds the work done to {@code steps} (may be null). */
  int find(String s, int from, int limit, boolean ignoreCase, long[] steps) {
    if (single != null) {
      return single.findOneWord(s, from, limit, ignoreCase, steps);
    }
    int n = elements.length;
    Object[] state = new Object[n];
    long perChar = 0;
    for (int e = 0; e < n; e++) {
      state[e] = elements[e].start();
      perChar += elements[e].cost();
    }
    boolean[] out = new boolean[n];
    long work = n;
    for (int i = from; i < limit; i++) {
      char c = s.charAt(i);
      if (ignoreCase) {
        c = Character.toLowerCase(c);
      }
      for (int e = n - 1; e >= 0; e--) {
        boolean pred = e == 0 || out[e - 1];
        out[e] = elements[e].step(state[e], c, pred);
      }
      work += perChar;
      if (out[n - 1]) {
        Glob.add(steps, work);
        return i - length + 1;
      }
    }
    Glob.add(steps, work);
    return -1;
  }

  /** One part of the piece; its mutable state lives outside, so a compiled piece is shared safely. */
  private interface Element {
    Object start();

    /** Consumes {@code c}; {@code pred} is the predecessor's bit for the previous character. */
    boolean step(Object state, char c, boolean pred);

    /** Work per character, for the step count. */
    int cost();
  }

  /** A ring buffer of the last {@code size} predecessor bits. */
  private static final class Ring {
    final long[] bits;
    final int size;
    int head;

    Ring(int size) {
      this.size = size;
      this.bits = new long[(size + 63) >>> 6];
    }

    /** Stores the bit for this character and returns the one stored {@code size} characters ago (or now, size 1). */
    boolean push(boolean bit) {
      int h = head;
      if (bit) {
        bits[h >>> 6] |= 1L << h;
      } else {
        bits[h >>> 6] &= ~(1L << h);
      }
      int oldest = h + 1 == size ? 0 : h + 1;
      head = oldest;
      return (bits[oldest >>> 6] & (1L << oldest)) != 0;
    }
  }

  /** q question marks. */
  private record Delay(int q) implements Element {
    @Override
    public Object start() {
      return new Ring(q);
    }

    @Override
    public boolean step(Object state, char c, boolean pred) {
      return ((Ring) state).push(pred);
    }

    @Override
    public int cost() {
      return 1;
    }
  }

  /** A long literal run: KMP finds where it ends, a delay line says whether the piece led up to its start. */
  private static final class Literal implements Element {
    private final char[] text;
    private final int[] border;

    Literal(char[] text) {
      this.text = text;
      this.border = Glob.borders(text);
    }

    private static final class State {
      final Ring ring;
      int q;

      State(int size) {
        this.ring = new Ring(size);
      }
    }

    @Override
    public Object start() {
      return new State(text.length);
    }

    @Override
    public boolean step(Object state, char c, boolean pred) {
      State st = (State) state;
      boolean before = st.ring.push(pred);
      int q = st.q;
      while (q > 0 && text[q] != c) {
        q = border[q - 1];
      }
      if (text[q] == c) {
        q++;
      }
      boolean ends = q == text.length;
      st.q = ends ? border[q - 1] : q;
      return ends && before;
    }

    @Override
    public int cost() {
      return 2; // amortized: KMP falls back at most as often as it advances
    }
  }

  /** Short runs of literals and question marks, matched by bit-parallel Shift-And. */
  private static final class Bits implements Element {
    private final int size;
    private final int words;
    private final char[] keys;      // sorted distinct literal characters
    private final long[][] masks;   // per key: positions holding it or '?'
    private final long[] wildMask;  // positions holding '?'
    private final long[] ascii;     // one-word blocks: the mask of each ASCII character

    Bits(char[] chars, boolean[] wild, int from, int to) {
      this.size = to - from;
      this.words = (size + 63) >>> 6;
      TreeSet<Character> distinct = new TreeSet<>();
      this.wildMask = new long[words];
      for (int i = from; i < to; i++) {
        if (wild[i]) {
          wildMask[(i - from) >>> 6] |= 1L << (i - from);
        } else {
          distinct.add(chars[i]);
        }
      }
      this.keys = new char[distinct.size()];
      this.masks = new long[keys.length][];
      int k = 0;
      for (char c : distinct) {
        keys[k] = c;
        long[] m = wildMask.clone();
        for (int i = from; i < to; i++) {
          if (!wild[i] && chars[i] == c) {
            m[(i - from) >>> 6] |= 1L << (i - from);
          }
        }
        masks[k++] = m;
      }
      this.ascii = new long[words == 1 ? 128 : 0];
      for (char c = 0; c < ascii.length; c++) {
        int at = Arrays.binarySearch(keys, c);
        ascii[c] = at >= 0 ? masks[at][0] : wildMask[0];
      }
    }

    /** The leftmost end of a one-word block in {@code s[from, limit)} as its start, or -1. */
    int findOneWord(String s, int from, int limit, boolean ignoreCase, long[] steps) {
      long d = 0;
      long top = 1L << (size - 1);
      long wild = wildMask[0];
      for (int i = from; i < limit; i++) {
        char c = s.charAt(i);
        if (ignoreCase) {
          c = Character.toLowerCase(c);
        }
        long mask;
        if (c < 128) {
          mask = ascii[c];
        } else {
          int k = Arrays.binarySearch(keys, c);
          mask = k >= 0 ? masks[k][0] : wild;
        }
        d = ((d << 1) | 1L) & mask;
        if ((d & top) != 0) {
          Glob.add(steps, 2L * (i - from + 1));
          return i - size + 1;
        }
      }
      Glob.add(steps, 2L * (limit - from));
      return -1;
    }

    @Override
    public Object start() {
      return new long[words];
    }

    @Override
    public boolean step(Object state, char c, boolean pred) {
      long[] d = (long[]) state;
      int k = Arrays.binarySearch(keys, c);
      long[] mask = k >= 0 ? masks[k] : wildMask;
      long carry = pred ? 1L : 0L;
      for (int w = 0; w < words; w++) {
        long v = d[w];
        d[w] = ((v << 1) | carry) & mask[w];
        carry = v >>> 63;
      }
      int top = size - 1;
      return (d[top >>> 6] & (1L << top)) != 0;
    }

    @Override
    public int cost() {
      return 1 + words;
    }
  }
}
