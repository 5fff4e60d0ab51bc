package dev.irsa.verify.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app that evaluates offline and uses the JUnit assertions, with only irsa-core, irsa-verify and
 * JUnit's API on its class path (no AWS SDK, fabric8, irsa-k8s or Jackson): the offline sources
 * run, the live ones are skipped with the missing artifacts named, and {@code Live.require()} names them.
 */
class OfflineClassPathIT {
  @Test
  void offlineVerificationRunsWithoutTheSdkOrKubernetes(@TempDir Path dir) throws Exception {
    String cp = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.replace('\\', '/').matches(".*/irsa-(core|verify)/target/classes/?")
            || e.matches(".*irsa-(core|verify)-[0-9.]+(-SNAPSHOT)?\\.jar")
            || e.matches(".*(junit-jupiter-api|opentest4j|junit-platform-commons|apiguardian-api)-[0-9.]+\\.jar"))
        .collect(Collectors.joining(File.pathSeparator));
    assertThat(cp).contains("irsa-verify").doesNotContain("awssdk").doesNotContain("fabric8").doesNotContain("jackson");
    Path app = Files.writeString(dir.resolve("App.java"), """
        import dev.irsa.core.arn.RoleArn;
        import dev.irsa.core.policy.Permissions;
        import dev.irsa.core.trust.*;
        import dev.irsa.verify.expect.Expectations;
        import dev.irsa.verify.junit.*;
        import dev.irsa.verify.source.*;
        public class App {
          public static void main(String[] a) {
            var c = OidcProvider.fromIssuer("https://oidc.eks.us-west-2.amazonaws.com/id/X", "111122223333");
            var sa = ServiceAccountRef.of("ns", "app");
            var irsa = IrsaVerificationExtension.builder()
                .target(Target.builder().serviceAccount(sa).role(RoleArn.of("111122223333", "app")).provider(c).build())
                .expectations(Expectations.builder().callerIdentity().s3Read("bucket", "key").build())
                .addSource(OfflineSource.builder().trust(IrsaTrust.of(c, sa))
                    .addIdentityPolicy("p", Permissions.builder().s3Read("bucket").build()).build())
                .live(LiveSettings.explicit(null, null, "us-west-2")).build();
            IrsaAssertions.assertThat(irsa.report()).passes().denies("s3:PutObject", "arn:aws:s3:::bucket/key");
            System.out.println(irsa.report().summary());
            System.out.println(irsa.liveUnavailable().orElse("live available"));
            try {
              dev.irsa.verify.live.Live.require();
            } catch (IllegalStateException e) {
              System.out.println(e.getMessage());
            }
          }
        }
        """);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
        app.toString()).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    String missing = "software.amazon.awssdk:sts, software.amazon.awssdk:s3, software.amazon.awssdk:dynamodb, "
        + "software.amazon.awssdk:iam, software.amazon.awssdk:url-connection-client, dev.irsa:irsa-k8s, "
        + "io.fabric8:kubernetes-client-api (through dev.irsa:irsa-k8s)";
    assertThat(out.lines().toList()).isEqualTo(List.of(
        "5 checks: 5 PASS, 0 FAIL, 0 DRIFT",
        "live verification needs " + missing + " on the class path",
        "live verification needs " + missing + " on the class path (irsa-verify declares them optional; add them to your build)"));
  }
}
