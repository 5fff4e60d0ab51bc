package dev.irsa.verify.eval.internal;

import java.util.function.Function;

/**
 * A bounded, lock-free memo for compiling the same pattern once across policies: direct-mapped
 * (a key that lands on an occupied slot replaces its entry), so its size never grows. Values must
 * be immutable; an entry is a record with final fields, so a thread that reads it sees it whole.
 * A failing computation stores nothing.
 */
final class Memo<K, V> {
  private record Entry<K, V>(K key, V value) {}

  private final Entry<?, ?>[] slots;
  private final int mask;

  /** A memo of {@code size} slots, a power of two. */
  Memo(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two, got " + size);
    }
    this.slots = new Entry<?, ?>[size];
    this.mask = size - 1;
  }

  @SuppressWarnings("unchecked")
  V get(K key, Function<? super K, ? extends V> compute) {
    int h = key.hashCode();
    int i = (h ^ (h >>> 16)) & mask;
    Entry<?, ?> e = slots[i];
    if (e != null && e.key().equals(key)) {
      return (V) e.value();
    }
    V v = compute.apply(key);
    slots[i] = new Entry<>(key, v);
    return v;
  }
}
