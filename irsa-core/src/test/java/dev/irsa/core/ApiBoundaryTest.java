package dev.irsa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model's public signatures mention no SDK, Jackson or fabric8 type: only {@code dev.irsa.core.aws}
 * (provisioning, whose job is to talk to AWS) may take SDK clients, and the SDK stays an optional
 * dependency for everyone else.
 */
class ApiBoundaryTest {
  private static final List<String> FOREIGN = List.of("software.amazon.", "com.fasterxml.", "tools.jackson.", "io.fabric8.");

  @Test
  void publicSignaturesOutsideTheAwsPackageMentionNoForeignType() throws Exception {
    // Given every public class of irsa-core's public packages except dev.irsa.core.aws
    List<Class<?>> classes = publicClasses();
    assertThat(classes).extracting(Class::getName).contains("dev.irsa.core.Irsa", "dev.irsa.core.policy.PolicyDocument");

    // Then no public method or constructor mentions a foreign type
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : classes) {
      for (Method m : c.getMethods()) {
        String sig = m.toGenericString();
        if (FOREIGN.stream().anyMatch(sig::contains)) {
          leaks.add(sig);
        }
      }
      for (var k : c.getConstructors()) {
        String sig = k.toGenericString();
        if (FOREIGN.stream().anyMatch(sig::contains)) {
          leaks.add(sig);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static List<Class<?>> publicClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(Irsa.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(p).toString().replace('/', '.').replace('\\', '.');
        name = name.substring(0, name.length() - ".class".length());
        if (name.contains(".internal.") || name.startsWith("dev.irsa.core.aws.") || name.endsWith("package-info")) {
          continue;
        }
        Class<?> c = Class.forName(name, false, ApiBoundaryTest.class.getClassLoader());
        if (Modifier.isPublic(c.getModifiers())) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
