package dev.irsa.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Source-level rules for one module of the build, shared by each module's {@code SourceRulesTest}
 * through irsa-core's test jar. It reads source text only (no compiler), so it is deliberately
 * simple:
 *
 * <ul>
 *   <li><b>Import rule</b>: a main source file may use another irsa module's package (by import or by
 *       a fully qualified name) only if that module's {@code module-info.java} exports it, to everyone
 *       or to this module by name; an {@code internal} package is never exported to everyone, and a
 *       library module (one that exports anything) exports every package outside {@code internal}.
 *   <li><b>Size rule</b>: no main source file over {@value #MAX_CLASS_LINES} lines and no method,
 *       constructor or initializer over {@value #MAX_METHOD_LINES} lines unless it is listed in the
 *       README's "Size exceptions" list, and every listed entry of this module is still over its limit
 *       (so the list only shrinks). A class is measured as its file's line count; a method from the
 *       line of its name to its closing brace (body comments and blank lines count), found by brace
 *       matching after comments, strings, text blocks and character literals are blanked out.
 * </ul>
 */
public final class SourceRules {
  public static final int MAX_CLASS_LINES = 500;
  public static final int MAX_METHOD_LINES = 80;

  /** The heading in README.md under which the size exceptions are listed. */
  public static final String SIZE_EXCEPTIONS_HEADING = "### Size exceptions";

  private static final Pattern MODULE = Pattern.compile("\\bmodule\\s+([\\w.]+)\\s*\\{");
  private static final Pattern EXPORTS =
      Pattern.compile("\\bexports\\s+([\\w.]+)\\s*(?:to\\s+([\\w.,\\s]+?))?\\s*;");
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;");
  private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");
  private static final Pattern EXCEPTION_ENTRY = Pattern.compile("^\\s*[-*]\\s+`([\\w.$]+)(?:#([\\w<>]+))?`");
  private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|record)\\s+\\w+");
  private static final Pattern CONTROL =
      Pattern.compile("^(if|for|while|switch|try|catch|finally|synchronized|else|do|return|new|throw|case|default)\\b.*");
  private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\s*\\((?:[^()]|\\([^()]*\\))*\\))?");

  private SourceRules() {}

  /** A module of the build as its sources declare it. */
  public record Module(String name, Path dir, Set<String> packages, Map<String, Set<String>> exports) {
    /** True when {@code pkg} is exported to everyone or to {@code reader} by name. */
    boolean exportsTo(String pkg, String reader) {
      Set<String> to = exports.get(pkg);
      return to != null && (to.isEmpty() || to.contains(reader));
    }
  }

  /** The build's modules: every {@code <dir>/src/main/java/module-info.java} under {@code root}. */
  public static Map<String, Module> modules(Path root) {
    Map<String, Module> modules = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : (Iterable<Path>) dirs.sorted()::iterator) {
        Path info = dir.resolve("src/main/java/module-info.java");
        if (Files.isRegularFile(info)) {
          Module m = module(dir, info);
          modules.put(m.name(), m);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return modules;
  }

  private static Module module(Path dir, Path info) throws IOException {
    String text = blank(Files.readString(info, StandardCharsets.UTF_8));
    Matcher m = MODULE.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(info + ": no module declaration");
    }
    Map<String, Set<String>> exports = new LinkedHashMap<>();
    Matcher e = EXPORTS.matcher(text);
    while (e.find()) {
      Set<String> to = new LinkedHashSet<>();
      if (e.group(2) != null) {
        for (String t : e.group(2).split(",")) {
          to.add(t.strip());
        }
      }
      exports.put(e.group(1), to);
    }
    Set<String> packages = new LinkedHashSet<>();
    Path src = dir.resolve("src/main/java");
    for (Path f : javaFiles(src)) {
      if (!f.getFileName().toString().equals("module-info.java")) {
        packages.add(src.relativize(f.getParent()).toString().replace('/', '.'));
      }
    }
    return new Module(m.group(1), dir, packages, exports);
  }

  /**
   * Violations of the import rule by the main sources of {@code module} (a directory under
   * {@code root}), one line each: {@code file:line: what}.
   */
  public static List<String> importViolations(Path root, Path module) {
    Map<String, Module> modules = modules(root);
    Module self = modules.values().stream().filter(m -> m.dir().equals(module))
        .findFirst().orElseThrow(() -> new IllegalStateException(module + ": no src/main/java/module-info.java"));
    Map<String, Module> owners = new TreeMap<>();
    for (Module m : modules.values()) {
      for (String p : m.packages()) {
        owners.put(p, m);
      }
    }
    List<String> violations = new ArrayList<>();
    String info = root.relativize(module.resolve("src/main/java/module-info.java")).toString();
    for (Map.Entry<String, Set<String>> e : self.exports().entrySet()) {
      if (isInternal(e.getKey()) && e.getValue().isEmpty()) {
        violations.add(info + ": exports " + e.getKey()
            + " to everyone; an internal package needs a qualified export (exports ... to ...)");
      }
    }
    // a library exports its whole public tree; a module that exports nothing is an application
    for (String pkg : self.packages()) {
      if (!self.exports().isEmpty() && !isInternal(pkg) && !self.exports().containsKey(pkg)) {
        violations.add(info + ": does not export " + pkg + "; every package outside internal is public API");
      }
    }
    Path src = module.resolve("src/main/java");
    for (Path f : javaFiles(src)) {
      String text = read(f);
      String code = blank(text);
      String rel = root.relativize(f).toString();
      Matcher i = IMPORT.matcher(code);
      while (i.find()) {
        check(violations, rel, lineOf(code, i.start(2)), i.group(2), i.group(3) != null, self, owners);
      }
      // fully qualified names in the code (import and package lines blanked, offsets kept)
      String body = Pattern.compile("(?m)^[ \\t]*(import|package)\\b.*$").matcher(code)
          .replaceAll(r -> " ".repeat(r.group().length()));
      Matcher q = QUALIFIED.matcher(body);
      while (q.find()) {
        check(violations, rel, lineOf(body, q.start()), q.group(), false, self, owners);
      }
    }
    return violations;
  }

  private static void check(List<String> violations, String file, int line, String name, boolean star,
      Module self, Map<String, Module> owners) {
    String pkg = packageOf(name, star);
    Module owner = owners.get(pkg);
    if (owner == null || owner == self || owner.exportsTo(pkg, self.name())) {
      return;
    }
    String why = owner.exports().containsKey(pkg)
        ? owner.name() + " exports " + pkg + " only to " + String.join(", ", owner.exports().get(pkg))
        : owner.name() + " does not export " + pkg;
    violations.add(file + ":" + line + ": uses " + name + (star ? ".*" : "") + ", but " + why
        + (isInternal(pkg) ? " (add a qualified export: exports " + pkg + " to " + self.name() + ";)" : ""));
  }

  /** The package of a type name: its segments before the first one that starts with a capital. */
  static String packageOf(String name, boolean star) {
    String[] parts = name.split("\\.");
    List<String> pkg = new ArrayList<>();
    for (String p : parts) {
      if (!p.isEmpty() && Character.isUpperCase(p.charAt(0))) {
        return String.join(".", pkg);
      }
      pkg.add(p);
    }
    return star ? name : String.join(".", pkg.subList(0, Math.max(0, pkg.size() - 1)));
  }

  private static boolean isInternal(String pkg) {
    return ("." + pkg + ".").contains(".internal.");
  }

  /** A class or method over its limit: {@code id} is {@code pkg.Class} or {@code pkg.Class#method}. */
  public record Oversize(String id, String file, int line, int lines, int limit) {
    @Override
    public String toString() {
      return id + " (" + file + ":" + line + "): " + lines + " lines, limit " + limit;
    }
  }

  /** Every class and method of {@code module}'s main sources over its limit. */
  public static List<Oversize> oversize(Path root, Path module) {
    List<Oversize> found = new ArrayList<>();
    Path src = module.resolve("src/main/java");
    for (Path f : javaFiles(src)) {
      String name = f.getFileName().toString();
      if (name.equals("module-info.java") || name.equals("package-info.java")) {
        continue;
      }
      String cls = src.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
      String rel = root.relativize(f).toString();
      String text = read(f);
      int lines = (int) text.lines().count();
      if (lines > MAX_CLASS_LINES) {
        found.add(new Oversize(cls, rel, 1, lines, MAX_CLASS_LINES));
      }
      for (Oversize m : methods(cls, rel, text)) {
        if (m.lines() > MAX_METHOD_LINES) {
          found.add(m);
        }
      }
    }
    return found;
  }

  /**
   * Methods, constructors and initializers of one source file with their length in lines. Nested
   * and local classes are part of the method that contains them; methods of member classes are
   * reported under the top-level class's name.
   */
  static List<Oversize> methods(String cls, String file, String text) {
    String code = blank(text);
    List<Oversize> methods = new ArrayList<>();
    // one entry per open brace: 'T' type body, 'M' method body, 'B' any other block
    List<Character> kinds = new ArrayList<>();
    List<Integer> firstLines = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Boolean> inParens = new ArrayList<>();
    int headerStart = 0;
    int parens = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(') {
        parens++;
      } else if (c == ')') {
        parens--;
      } else if (c == ';' && parens == 0) {
        headerStart = i + 1;
      } else if (c == '{') {
        char kind = 'B';
        String name = null;
        int first = 0;
        boolean inMethod = kinds.contains('M');
        boolean inType = !kinds.isEmpty() && kinds.get(kinds.size() - 1) == 'T';
        String header = code.substring(headerStart, i);
        String flat = ANNOTATION.matcher(header).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (parens > 0 || inMethod) {
          kind = 'B';
        } else if (kinds.isEmpty() || TYPE_HEADER.matcher(flat).find() && !flat.contains("=")) {
          kind = 'T';
        } else if (inType && (name = methodName(flat)) != null) {
          kind = 'M';
          Matcher at = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*(\\(|$)").matcher(header);
          first = lineOf(code, name.startsWith("<") || !at.find() ? i : headerStart + at.start());
        }
        kinds.add(kind);
        firstLines.add(first);
        names.add(name);
        inParens.add(parens > 0);
        if (parens == 0) {
          headerStart = i + 1;
        }
      } else if (c == '}' && !kinds.isEmpty()) {
        int top = kinds.size() - 1;
        if (kinds.get(top) == 'M') {
          int last = lineOf(code, i);
          methods.add(new Oversize(cls + "#" + names.get(top), file, firstLines.get(top),
              last - firstLines.get(top) + 1, MAX_METHOD_LINES));
        }
        boolean wasInParens = inParens.get(top);
        kinds.remove(top);
        firstLines.remove(top);
        names.remove(top);
        inParens.remove(top);
        if (!wasInParens) {
          headerStart = i + 1;
        }
      }
    }
    return methods;
  }

  /** The name a member block's header declares, or null when it is not a method's. */
  private static String methodName(String flat) {
    if (flat.equals("static")) {
      return "<clinit>";
    }
    if (flat.isEmpty()) {
      return "<init>";
    }
    if (CONTROL.matcher(flat).matches() || flat.contains("=") || flat.contains("->")) {
      return null;
    }
    int paren = flat.indexOf('(');
    String before = (paren < 0 ? flat : flat.substring(0, paren)).strip();
    String[] words = before.split("[\\s>]+");
    String last = words[words.length - 1];
    if (!last.matches("[A-Za-z_$][\\w$]*")) {
      return null;
    }
    // without a parameter list only a record's compact constructor ("public Name {") is a method
    return paren < 0 && !Character.isUpperCase(last.charAt(0)) ? null : last;
  }

  /**
   * The entries of README's size-exception list: lines {@code - `pkg.Class`: why} or
   * {@code - `pkg.Class#method`: why} under {@link #SIZE_EXCEPTIONS_HEADING}, up to the next heading.
   */
  public static Set<String> sizeExceptions(Path readme) {
    Set<String> ids = new LinkedHashSet<>();
    boolean in = false;
    for (String line : read(readme).lines().toList()) {
      if (line.startsWith("#")) {
        in = line.strip().equals(SIZE_EXCEPTIONS_HEADING);
        continue;
      }
      Matcher m = EXCEPTION_ENTRY.matcher(line);
      if (in && m.find()) {
        ids.add(m.group(2) == null ? m.group(1) : m.group(1) + "#" + m.group(2));
      }
    }
    return ids;
  }

  /**
   * Violations of the size rule by {@code module}'s main sources: unlisted oversize classes and
   * methods, and listed entries of this module's packages that are no longer over their limit.
   */
  public static List<String> sizeViolations(Path root, Path module, Path readme) {
    Set<String> listed = sizeExceptions(readme);
    List<Oversize> over = oversize(root, module);
    List<String> violations = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Oversize o : over) {
      seen.add(o.id());
      if (!listed.contains(o.id())) {
        violations.add(o + ": split it, or list `" + o.id() + "` with a reason under \""
            + SIZE_EXCEPTIONS_HEADING + "\" in README.md");
      }
    }
    Set<String> packages = new LinkedHashSet<>();
    Path src = module.resolve("src/main/java");
    for (Path f : javaFiles(src)) {
      packages.add(src.relativize(f.getParent()).toString().replace('/', '.'));
    }
    for (String id : listed) {
      String cls = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
      if (packages.contains(packageOf(cls, false)) && !seen.contains(id)) {
        violations.add(id + " is listed under \"" + SIZE_EXCEPTIONS_HEADING
            + "\" in README.md but is within its limit (or gone): remove the line");
      }
    }
    return violations;
  }

  /**
   * The text with comments, string and character literals and text blocks replaced by spaces
   * (line breaks kept, so offsets and line numbers stay those of the original).
   */
  static String blank(String s) {
    StringBuilder out = new StringBuilder(s);
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        int end = s.indexOf('\n', i);
        i = fill(out, i, end < 0 ? n : end);
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = fill(out, i, end < 0 ? n : end + 2);
      } else if (s.startsWith("\"\"\"", i)) {
        int j = i + 3;
        while (j < n && !s.startsWith("\"\"\"", j)) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        i = fill(out, i, Math.min(n, j + 3));
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        i = fill(out, i, Math.min(n, j + 1));
      } else {
        i++;
      }
    }
    return out.toString();
  }

  private static int fill(StringBuilder out, int from, int to) {
    for (int k = from; k < to; k++) {
      if (out.charAt(k) != '\n') {
        out.setCharAt(k, ' ');
      }
    }
    return to;
  }

  private static int lineOf(String s, int offset) {
    int line = 1;
    for (int k = 0; k < offset && k < s.length(); k++) {
      if (s.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static List<Path> javaFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
