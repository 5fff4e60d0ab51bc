package dev.irsa.core.lint.internal;

import dev.irsa.core.internal.Quote;
import dev.irsa.core.lint.Finding;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one run, in the order found. A finding repeated more than {@link #LISTED} times
 * in one element (same code, severity and message, at {@code $.Statement[0].Action} or its
 * entries {@code $.Statement[0].Action[i]}) becomes one finding with a count and the first
 * {@link #PATHS} paths, so a hostile list of a million copies costs one line, not a million.
 * Real policies stay listed one by one (AWS's managed policies repeat a finding at most about
 * twenty times in one element: every action of a retired service).
 */
final class Findings {
  /** Repeats up to this many are listed one by one; beyond it they are grouped. */
  static final int LISTED = 100;
  /** Paths a grouped finding keeps. */
  static final int PATHS = 10;

  private record Key(FindingCode code, Severity severity, String message, String element) {}

  /** One code and message: where it was seen first and how often. */
  private static final class Group {
    final List<Integer> slots = new ArrayList<>(1);
    final List<String> paths = new ArrayList<>(1);
    int count;
  }

  private final List<Finding> slots = new ArrayList<>();
  private final Map<Key, Group> groups = new HashMap<>();
  private final Map<Integer, Group> grouped = new HashMap<>();

  void add(FindingCode code, String path, String message) {
    add(code, code.severity(), path, message);
  }

  void add(FindingCode code, Severity severity, String path, String raw) {
    String message = Quote.line(raw); // control characters escaped, long values cut: a finding is one line
    Group g = groups.computeIfAbsent(new Key(code, severity, message, element(path)), k -> new Group());
    g.count++;
    if (g.count <= LISTED) {
      g.slots.add(slots.size());
      if (g.paths.size() < PATHS) {
        g.paths.add(path);
      }
      slots.add(new Finding(code, severity, message, path));
    } else if (g.count == LISTED + 1) {
      for (int i = 1; i < g.slots.size(); i++) {
        slots.set(g.slots.get(i), null);
      }
      grouped.put(g.slots.get(0), g);
    }
  }

  /** The path without a final array index: the element whose entries the path names. */
  private static String element(String path) {
    if (!path.endsWith("]")) {
      return path;
    }
    int open = path.lastIndexOf('[');
    for (int i = open + 1; i < path.length() - 1; i++) {
      if (path.charAt(i) < '0' || path.charAt(i) > '9') {
        return path; // a quoted member name, not an index
      }
    }
    String element = path.substring(0, open);
    return open + 1 < path.length() - 1 && !element.equals("$.Statement") ? element : path; // statements stay apart
  }

  /** All findings, most severe first, then in the order found. */
  List<Finding> sorted() {
    List<Finding> out = new ArrayList<>(slots.size());
    for (int i = 0; i < slots.size(); i++) {
      Finding f = slots.get(i);
      if (f == null) {
        continue;
      }
      Group g = grouped.get(i);
      out.add(g == null ? f : new Finding(f.code(), f.severity(), f.message(), f.path(), g.count, g.paths));
    }
    out.sort(Comparator.comparing(Finding::severity)); // stable: document order within a severity
    return out;
  }
}
