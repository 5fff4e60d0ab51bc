package dev.irsa.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * irsa-verify's public signatures never mention its own or core's {@code .internal} types, Jackson
 * or fabric8: the evaluator's API is policies, requests and decisions.
 */
class ApiBoundaryTest {
  private static final List<String> FORBIDDEN = List.of(".internal.", "com.fasterxml.", "tools.jackson.", "io.fabric8.");

  @Test
  void publicSignaturesMentionNoInternalJacksonOrFabric8Types() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(PolicyEvaluator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> violations = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.contains(".internal.") || name.endsWith("package-info")) {
          continue;
        }
        Class<?> c = Class.forName(name, false, getClass().getClassLoader());
        if (!Modifier.isPublic(c.getModifiers())) {
          continue;
        }
        checked++;
        for (Method m : c.getDeclaredMethods()) {
          if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
            check(violations, c, m.toGenericString(), m.getGenericReturnType());
            checkExecutable(violations, c, m);
          }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (Modifier.isPublic(k.getModifiers())) {
            checkExecutable(violations, c, k);
          }
        }
        for (Field fd : c.getDeclaredFields()) {
          if (Modifier.isPublic(fd.getModifiers())) {
            check(violations, c, fd.toGenericString(), fd.getGenericType());
          }
        }
        check(violations, c, "superclass", c.getGenericSuperclass());
      }
    }
    assertThat(checked).isGreaterThan(8);
    assertThat(violations).isEmpty();
  }

  private static void checkExecutable(List<String> violations, Class<?> c, Executable e) {
    for (Type t : e.getGenericParameterTypes()) {
      check(violations, c, e.toGenericString(), t);
    }
    for (Type t : e.getGenericExceptionTypes()) {
      check(violations, c, e.toGenericString(), t);
    }
  }

  private static void check(List<String> violations, Class<?> c, String member, Type t) {
    if (t == null) {
      return;
    }
    String s = t.getTypeName();
    for (String f : FORBIDDEN) {
      if (s.contains(f)) {
        violations.add(c.getName() + ": " + member);
      }
    }
  }
}
