package dev.irsa.verify.eval.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per distinct service prefix and action name, shared by compiled policies and
 * requests, so that a decision's lookups ({@link StringTable}) find their key by identity instead
 * of comparing characters in two places in memory. Bounded: past {@value #MAX} strings it returns
 * its argument, and lookups fall back to {@link String#equals} (correct either way).
 */
public final class Interner {
  private static final int MAX = 1 << 16;
  private static final ConcurrentHashMap<String, String> STRINGS = new ConcurrentHashMap<>();

  private Interner() {}

  /** The shared instance equal to {@code s} (or {@code s} when the table is full). */
  public static String intern(String s) {
    String c = STRINGS.get(s);
    if (c != null) {
      return c;
    }
    if (STRINGS.size() >= MAX) {
      return s;
    }
    String prev = STRINGS.putIfAbsent(s, s);
    return prev == null ? s : prev;
  }
}
