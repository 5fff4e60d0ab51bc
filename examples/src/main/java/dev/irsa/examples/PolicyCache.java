package dev.irsa.examples;

import dev.irsa.verify.eval.CompiledPolicy;
import java.util.LinkedHashMap;

/**
 * Compiled policies by their exact JSON text, least recently used first out, bounded by the total
 * length of the texts it holds so that memory does not grow with the input. Thread-safe; a policy
 * two threads miss at once is compiled twice, which is harmless (compiled policies are values).
 */
final class PolicyCache {
  private final long maxChars;
  private long chars;
  private final LinkedHashMap<String, CompiledPolicy> map = new LinkedHashMap<>(1024, 0.75f, true);

  /** A cache holding policies whose texts add up to at most {@code maxChars} characters. */
  PolicyCache(long maxChars) {
    this.maxChars = maxChars;
  }

  /** A budget that scales with the heap: a 1/64 of it in characters of policy text. */
  static PolicyCache forHeap() {
    return new PolicyCache(Math.max(64 * 1024, Runtime.getRuntime().maxMemory() / 64));
  }

  synchronized CompiledPolicy get(String text) {
    return map.get(text);
  }

  synchronized void put(String text, CompiledPolicy policy) {
    if (text.length() > maxChars / 4) {
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
