package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an application gets at run time when it depends on one irsa module, resolved the way Maven
 * resolves it for someone else's project: the built jars and poms are "installed" into a private
 * local repository under target/consumers (the build's ~/.m2 is only read, as a file:// repository ahead
 * of Maven Central), three
 * consumer projects depend on irsa-core, irsa-verify and irsa-k8s, and {@code dependency:list
 * -DincludeScope=runtime} lists what each gets. Optional dependencies are not passed on, so this sees
 * exactly what the poms promise; then the same jars are resolved as modules on a module path.
 */
class ConsumerDependenciesIT {
  private static final String VERSION = "0.1.0-SNAPSHOT";
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path WORK = Path.of("target/consumers").toAbsolutePath();
  private static final Pattern LINE =
      Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):jar:([^:\\s]+):(compile|runtime):(\\S+?)(?: -- .*)?$");

  /** groupId:artifactId → version and file, per consumer. */
  private static final Map<String, Map<String, String[]>> RESOLVED = new TreeMap<>();

  @BeforeAll
  static void resolveConsumers() throws Exception {
    Path repo = WORK.resolve("repo");
    for (String module : List.of("irsa-core", "irsa-k8s", "irsa-verify")) {
      Path dir = repo.resolve("dev/irsa/" + module + "/" + VERSION);
      Files.createDirectories(dir);
      Path jar = ROOT.resolve(module + "/target/" + module + "-" + VERSION + ".jar");
      assertThat(jar).as("built by the reactor before examples' integration tests").exists();
      Files.copy(jar, dir.resolve(module + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(ROOT.resolve(module + "/pom.xml"), dir.resolve(module + "-" + VERSION + ".pom"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Path parent = repo.resolve("dev/irsa/irsa-parent/" + VERSION);
    Files.createDirectories(parent);
    Files.copy(ROOT.resolve("pom.xml"), parent.resolve("irsa-parent-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);

    String shared = System.getProperty("irsa.sharedRepository", Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    // this build's repository first (read only, as a file:// remote); what it lacks (e.g. the dependency
    // plugin on a fresh machine) comes from Maven Central as it would for any consumer
    Files.writeString(WORK.resolve("settings.xml"), """
        <settings>
          <profiles>
            <profile>
              <id>shared-local</id>
              <repositories><repository><id>shared-local</id><url>%1$s</url></repository></repositories>
              <pluginRepositories><pluginRepository><id>shared-local</id><url>%1$s</url></pluginRepository></pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>shared-local</activeProfile></activeProfiles>
        </settings>
        """.formatted(Path.of(shared).toUri()));
    StringBuilder modules = new StringBuilder();
    for (String module : List.of("irsa-core", "irsa-k8s", "irsa-verify")) {
      Files.createDirectories(WORK.resolve(module));
      Files.writeString(WORK.resolve(module + "/pom.xml"), """
          <project xmlns="http://maven.apache.org/POM/4.0.0">
            <modelVersion>4.0.0</modelVersion>
            <groupId>example</groupId>
            <artifactId>consumer-of-%1$s</artifactId>
            <version>1</version>
            <dependencies>
              <dependency><groupId>dev.irsa</groupId><artifactId>%1$s</artifactId><version>%2$s</version></dependency>
            </dependencies>
          </project>
          """.formatted(module, VERSION));
      modules.append("<module>").append(module).append("</module>");
      Files.deleteIfExists(WORK.resolve(module + "/deps.txt"));
    }
    Files.writeString(WORK.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>consumers</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <modules>%s</modules>
        </project>
        """.formatted(modules));

    Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
    Path log = WORK.resolve("mvn.log");
    Process p = new ProcessBuilder(List.of(mvn.toString(), "-B", "-nsu", "-s", WORK.resolve("settings.xml").toString(),
        "-Dmaven.repo.local=" + repo, "-f", WORK.resolve("pom.xml").toString(),
        "org.apache.maven.plugins:maven-dependency-plugin:3.11.0:list", "-DincludeScope=runtime",
        "-DoutputFile=deps.txt", "-DoutputAbsoluteArtifactFilename=true"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(300, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done && p.exitValue() == 0).as("mvn dependency:list on the consumer projects; output:%n%s", output).isTrue();
    for (String module : List.of("irsa-core", "irsa-k8s", "irsa-verify")) {
      RESOLVED.put(module, parse(WORK.resolve(module + "/deps.txt")));
    }
  }

  /** {@code groupId:artifactId:jar:version:scope:/path/to.jar -- module name}, one line per artifact. */
  private static Map<String, String[]> parse(Path list) throws IOException {
    Map<String, String[]> found = new TreeMap<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        found.put(m.group(1) + ":" + m.group(2), new String[] {m.group(3), m.group(5)});
      } else {
        assertThat(line).as("a line of %s that is not an artifact", list).doesNotMatch("^\\s+\\S+:\\S+.*");
      }
    }
    return found;
  }

  @Test
  void anOfflineEvaluationAppGetsIrsaCoreAndNothingElse() {
    assertThat(RESOLVED.get("irsa-verify").keySet()).containsExactlyInAnyOrder("dev.irsa:irsa-verify", "dev.irsa:irsa-core");
  }

  @Test
  void aPolicyModelAppGetsNoAwsSdk() {
    assertThat(RESOLVED.get("irsa-core").keySet()).containsExactly("dev.irsa:irsa-core");
  }

  @Test
  void aKubernetesAppGetsFabric8sApiWithOneJacksonVersionAndNoMockServerOrImplementation() {
    Map<String, String[]> k8s = RESOLVED.get("irsa-k8s");
    assertThat(k8s.keySet()).contains("dev.irsa:irsa-k8s", "dev.irsa:irsa-core", "io.fabric8:kubernetes-client-api")
        .doesNotContain("io.fabric8:kubernetes-server-mock", "io.fabric8:mockwebserver",
            "io.fabric8:kubernetes-client", "io.fabric8:kubernetes-httpclient-jdk");
    assertThat(k8s.keySet()).noneMatch(k -> k.startsWith("io.vertx:") || k.startsWith("software.amazon.awssdk:"));
    List<String> jackson = new ArrayList<>();
    k8s.forEach((k, v) -> {
      if (k.startsWith("tools.jackson")) {
        jackson.add(k + ":" + v[0]);
      }
    });
    assertThat(jackson).isNotEmpty().allMatch(j -> j.endsWith(":" + System.getProperty("irsa.jacksonVersion", "3.3.0")));
  }

  @Test
  void offlineEvaluationRunsOnTheModulePathWithWhatItsConsumerGets() throws Exception {
    String out = runOnModulePath("irsa-verify", "dev.irsa.verify", """
        import dev.irsa.core.Irsa;
        import dev.irsa.core.arn.RoleArn;
        import dev.irsa.core.lint.PolicyKind;
        import dev.irsa.verify.PolicyEvaluator;
        import dev.irsa.verify.eval.IrsaSession;
        import dev.irsa.verify.eval.PolicySet;

        public class Probe {
          public static void main(String[] args) {
            var policy = Irsa.permissions().s3Read("irsa-demo-bucket").build();
            var set = PolicySet.builder().addIdentityPolicy(policy).build();
            var pod = IrsaSession.builder().role(RoleArn.of("111122223333", "app")).region("us-west-2").build();
            var eval = PolicyEvaluator.create();
            System.out.println(eval.evaluate(set, pod.request("s3:GetObject", "arn:aws:s3:::irsa-demo-bucket/k")).decision());
            System.out.println(eval.evaluate(set, pod.request("s3:DeleteObject", "arn:aws:s3:::irsa-demo-bucket/k")).decision());
            System.out.println(Irsa.lint(policy, PolicyKind.IDENTITY).hasErrors());  // reads the catalog's resources
            System.out.println(PolicyEvaluator.class.getModule().getName());
          }
        }
        """);
    assertThat(out).isEqualTo("ALLOWED\nIMPLICIT_DENY\nfalse\ndev.irsa.verify\n");
  }

  @Test
  void theEmbeddedClusterNamesItsMissingJarOnTheModulePath() throws Exception {
    String out = runOnModulePath("irsa-k8s", "dev.irsa.k8s", """
        public class Probe {
          public static void main(String[] args) {
            try {
              dev.irsa.k8s.embedded.EmbeddedCluster.start();
              System.out.println("started");
            } catch (IllegalStateException e) {
              System.out.println(e.getMessage());
            }
          }
        }
        """);
    assertThat(out).isEqualTo("EmbeddedCluster needs io.fabric8:kubernetes-server-mock on the class path: irsa-k8s "
        + "declares it optional, add it to your build\n");
  }

  /** Runs {@code source} with the consumer's jars on the module path ({@code java --module-path ... Probe.java}). */
  private static String runOnModulePath(String consumer, String module, String source) throws Exception {
    Path dir = Files.createDirectories(WORK.resolve("probe-" + consumer));
    Files.writeString(dir.resolve("Probe.java"), source);
    String modulePath = String.join(java.io.File.pathSeparator,
        RESOLVED.get(consumer).values().stream().map(v -> v[1]).toList());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = dir.resolve("out.txt");
    Process p = new ProcessBuilder(List.of(java.toString(), "--module-path", modulePath, "--add-modules", module,
        dir.resolve("Probe.java").toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done && p.exitValue() == 0).as("java on the module path; output:%n%s", out).isTrue();
    return out;
  }

  @Test
  void whatEachConsumerGetsResolvesOnTheModulePath() {
    for (String module : List.of("irsa-core", "irsa-k8s", "irsa-verify")) {
      Path[] jars = RESOLVED.get(module).values().stream().map(v -> Path.of(v[1])).toArray(Path[]::new);
      assertThat(jars).allMatch(Files::isRegularFile);
      String name = "dev.irsa." + module.substring("irsa-".length());
      Configuration cf = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(jars), ModuleFinder.of(), Set.of(name));
      assertThat(cf.findModule(name)).as(name).isPresent();
    }
  }
}
