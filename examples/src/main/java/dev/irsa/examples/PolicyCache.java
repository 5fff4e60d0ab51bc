package dev.irsa.examples;

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
 */
final class PolicyCache {
  private final long maxChars;
  private long chars;
  private final LinkedHashMap<String, CompiledPolicy> map = new LinkedHashMap<>(1024, 0.75f, true);
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

  synchronized CompiledPolicy get(String text) {
    return map.get(text);
  }

  synchronized void put(String text, CompiledPolicy policy) {
    if (text.length() > maxChars / 4) {
      return;
    }
    int h = text.hashCode();
    int slot = (h ^ (h >>> 16)) & (seenOnce.length - 1);
    if (!keepFirstSight && seenOnce[slot] != h) {
      seenOnce[slot] = h; // first sight: remembered, not kept
      return;
    }
    if (map.put(text, policy) == null) {
      chars += text.length();
    }
    while (chars > maxChars && !map.isEmpty()) {
      String eldest = map.keySet().iterator().next();
      map.remove(eldest);
      chars -= eldest.length();
    }
  }

  synchronized int size() {
    return map.size();
  }
}
