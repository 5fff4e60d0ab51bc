package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Kubernetes snippet compiles against the packaged jar as written: its imports name
 * every type it uses (after `package`, hence an integration test). The statements become the body of
 * a method, so nothing runs and no cluster is needed.
 */
class ReadmeKubernetesSnippetIT {
  @Test
  void theKubernetesSnippetCompiles(@TempDir Path dir) throws Exception {
    // Given the first java block under "## Kubernetes (irsa-k8s)"
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## Kubernetes (irsa-k8s)");
    assertThat(section).isNotNegative();
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    List<String> lines = readme.substring(start, readme.indexOf("```", start)).lines().toList();
    String imports = lines.stream().filter(l -> l.startsWith("import ")).collect(Collectors.joining("\n"));
    String body = lines.stream().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"));
    Path source = Files.writeString(dir.resolve("Snippet.java"),
        imports + "\n\nclass Snippet {\n  void run() throws Exception {\n" + body + "\n  }\n}\n");

    // When compiled with the examples jar on the class path
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-d", dir.resolve("out").toString(), "-cp", Path.of("target/irsa-examples.jar").toString()), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile())).call();

    // Then javac has nothing to say
    assertThat(diagnostics.toString()).isEmpty();
    assertThat(ok).isTrue();
  }
}
