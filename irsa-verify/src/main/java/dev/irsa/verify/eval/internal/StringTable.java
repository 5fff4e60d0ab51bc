package dev.irsa.verify.eval.internal;

import java.util.Map;

/**
 * An immutable map from strings, for the lookups a decision makes by a request's service or action
 * in a compiled policy or statement. Open addressing over parallel arrays: a lookup reads the
 * key's cached hash code, then an int array, and compares a string only when the hash codes are
 * equal, where a {@link java.util.HashMap} follows a node and its key for each probe; and it holds
 * no node objects, which matters with tens of thousands of compiled policies in memory.
 */
public final class StringTable<V> {
  private static final StringTable<Object> EMPTY = new StringTable<>(new int[1], new String[1], new Object[1], 0);

  private final int[] hashes;
  private final String[] keys;
  private final Object[] values;
  private final int size;

  private StringTable(int[] hashes, String[] keys, Object[] values, int size) {
    this.hashes = hashes;
    this.keys = keys;
    this.values = values;
    this.size = size;
  }

  /** The table of {@code map}'s entries (null values are not allowed). */
  public static <V> StringTable<V> of(Map<String, ? extends V> map) {
    if (map.isEmpty()) {
      return empty();
    }
    int capacity = Integer.highestOneBit(Math.max(1, map.size()) * 2 - 1) << 1; // a power of two >= 2 x size
    int[] hashes = new int[capacity];
    String[] keys = new String[capacity];
    Object[] values = new Object[capacity];
    int mask = capacity - 1;
    for (Map.Entry<String, ? extends V> e : map.entrySet()) {
      String k = e.getKey();
      int h = k.hashCode();
      int i = spread(h) & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      hashes[i] = h;
      keys[i] = k;
      values[i] = java.util.Objects.requireNonNull(e.getValue(), "value");
    }
    return new StringTable<>(hashes, keys, values, map.size());
  }

  @SuppressWarnings("unchecked")
  public static <V> StringTable<V> empty() {
    return (StringTable<V>) EMPTY;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(String key) {
    if (size == 0) {
      return null;
    }
    int h = key.hashCode();
    int mask = keys.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return null;
      }
      if (hashes[i] == h && (k == key || k.equals(key))) {
        return (V) values[i];
      }
    }
  }

  public boolean containsKey(String key) {
    return get(key) != null;
  }

  public int size() {
    return size;
  }
}
