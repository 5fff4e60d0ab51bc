package dev.irsa.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Scans the public classes of one module's compiled output for public or protected signatures
 * (methods, constructors, fields, superclasses) that mention forbidden type-name fragments. Shared
 * by each module's {@code ApiBoundaryTest} through irsa-core's test jar.
 */
public final class ApiBoundary {
  /** What a scan found: how many public classes it checked and the offending members. */
  public record Result(int checkedClasses, List<String> violations) {}

  private ApiBoundary() {}

  /**
   * @param anchor any class of the module to scan (its code source is the directory scanned)
   * @param skip class names not to check (internal packages, packages allowed to use the SDK, ...)
   * @param forbidden fragments of type names that must not appear, e.g. {@code "tools.jackson."}
   */
  public static Result scan(Class<?> anchor, Predicate<String> skip, List<String> forbidden) {
    Path classes;
    try {
      classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> violations = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.endsWith("package-info") || name.equals("module-info") || skip.test(name)) {
          continue;
        }
        Class<?> c = Class.forName(name, false, anchor.getClassLoader());
        if (!Modifier.isPublic(c.getModifiers())) {
          continue;
        }
        checked++;
        for (Method m : c.getDeclaredMethods()) {
          if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
            check(violations, forbidden, c, m.toGenericString(), m.getGenericReturnType());
            checkExecutable(violations, forbidden, c, m);
          }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (Modifier.isPublic(k.getModifiers())) {
            checkExecutable(violations, forbidden, c, k);
          }
        }
        for (Field fd : c.getDeclaredFields()) {
          if (Modifier.isPublic(fd.getModifiers())) {
            check(violations, forbidden, c, fd.toGenericString(), fd.getGenericType());
          }
        }
        check(violations, forbidden, c, "superclass", c.getGenericSuperclass());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return new Result(checked, violations);
  }

  private static void checkExecutable(List<String> violations, List<String> forbidden, Class<?> c, Executable e) {
    for (Type t : e.getGenericParameterTypes()) {
      check(violations, forbidden, c, e.toGenericString(), t);
    }
    for (Type t : e.getGenericExceptionTypes()) {
      check(violations, forbidden, c, e.toGenericString(), t);
    }
  }

  private static void check(List<String> violations, List<String> forbidden, Class<?> c, String member, Type t) {
    if (t == null) {
      return;
    }
    String s = t.getTypeName();
    for (String f : forbidden) {
      if (s.contains(f)) {
        violations.add(c.getName() + ": " + member);
      }
    }
  }
}
