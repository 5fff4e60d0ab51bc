package dev.irsa.examples;

import dev.irsa.core.internal.Latin1;
import dev.irsa.verify.eval.CompiledPolicy;
import java.util.LinkedHashMap;

/**
 * Compiled policies by their exact JSON text, least recently used first out, bounded by the total
 * length of the texts it holds so that memory does not grow with the input. A policy is kept only
 * the second time it is compiled (a "doorkeeper" remembers the hash codes of texts seen once): in a
 * batch most policies occur once, and keeping each of them would fill the old generation with
 * objects never used again, which costs more in garbage collection than compiling a repeated
 * policy twice. Thread-safe; a policy two threads miss at once is compiled twice, which is harmless
 * (compiled policies are values).
 *
 * <p>A policy is looked up where it is written, as characters {@code [from, to)} of a batch line,
 * with a hash of its ISO 8859-1 bytes that the line's scan computes as it passes over them
 * ({@link #hash}): a policy seen once is never copied out of its line nor hashed a second time.
 */
final class PolicyCache {
  private final long maxChars;
  private long chars;
  private final LinkedHashMap<Key, CompiledPolicy> map = new LinkedHashMap<>(1024, 0.75f, true);
  private final int[] seenOnce = new int[1 << 16]; // hash codes of texts put once, direct-mapped

  private final boolean keepFirstSight;

  /** A cache holding policies whose texts add up to at most {@code maxChars} characters. */
  PolicyCache(long maxChars) {
    this(maxChars, false);
  }

  /**
   * As {@link #PolicyCache(long)}; with {@code keepFirstSight} a policy is kept the first time it
   * is compiled (for {@code evaluate --bench}, which holds every case anyway: cases then share
   * the compiled policies they have in common, as an application compiling each policy once does).
   */
  PolicyCache(long maxChars, boolean keepFirstSight) {
    this.maxChars = maxChars;
    this.keepFirstSight = keepFirstSight;
  }

  /** A budget that scales with the heap: a 1/64 of it in characters of policy text. */
  static PolicyCache forHeap() {
    return new PolicyCache(Math.max(64 * 1024, Runtime.getRuntime().maxMemory() / 64));
  }

  /** As {@link #forHeap()}, keeping each policy the first time it is compiled. */
  static PolicyCache forHeapKeepingAll() {
    return new PolicyCache(Math.max(64 * 1024, Runtime.getRuntime().maxMemory() / 64), true);
  }

  /** The text's key: {@code h = 31 * h + b} over its {@link Latin1#bytes}, as {@link CaseScanner} computes it. */
  static int hash(String text) {
    int h = 0;
    for (byte b : Latin1.bytes(text)) {
      h = 31 * h + (b & 0xff);
    }
    return h;
  }

  synchronized CompiledPolicy get(String text) {
    return get(text, 0, text.length(), hash(text));
  }

  /** The policy written as {@code line}'s characters {@code [from, to)}, whose {@link #hash} is {@code hash}. */
  synchronized CompiledPolicy get(String line, int from, int to, int hash) {
    return map.get(new Key(line, from, to, hash));
  }

  synchronized void put(String text, CompiledPolicy policy) {
    put(text, 0, text.length(), hash(text), policy);
  }

  /** Keeps the policy written as {@code line}'s characters {@code [from, to)} (if admitted; see the class). */
  synchronized void put(String line, int from, int to, int hash, CompiledPolicy policy) {
    int length = to - from;
    if (length > maxChars / 4) {
      return;
    }
    int slot = (hash ^ (hash >>> 16)) & (seenOnce.length - 1);
    if (!keepFirstSight && seenOnce[slot] != hash) {
      seenOnce[slot] = hash; // first sight: remembered, not kept
      return;
    }
    if (map.put(new Key(line.substring(from, to), 0, length, hash), policy) == null) {
      chars += length;
    }
    while (chars > maxChars && !map.isEmpty()) {
      Key eldest = map.keySet().iterator().next();
      map.remove(eldest);
      chars -= eldest.to - eldest.from;
    }
  }

  /** Characters {@code [from, to)} of a text, equal to another key with the same characters. */
  private static final class Key {
    final String text;
    final int from;
    final int to;
    final int hash;

    Key(String text, int from, int to, int hash) {
      this.text = text;
      this.from = from;
      this.to = to;
      this.hash = hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.to - k.from == to - from
          && text.regionMatches(from, k.text, k.from, to - from);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  synchronized int size() {
    return map.size();
  }
}
