package dev.irsa.k8s.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.ExecResult;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.ServiceAccountBinding;
import dev.irsa.k8s.ServiceAccountToken;
import dev.irsa.k8s.TestPod;
import dev.irsa.k8s.TokenClaims;
import java.time.Duration;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A service-account token never shows in toString(), log records or exception messages. */
class TokensNeverLeakIT {
  @Test
  void tokenStaysOutOfStringsLogsAndErrors() {
    // Given every java.util.logging record is captured (fabric8 and the mock server log through it or slf4j-nop)
    // the mock server logs from its own threads while the test reads the list
    List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level before = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    try (EmbeddedCluster cluster = EmbeddedCluster.builder().quiet(false).start()) {
      IrsaKubernetes k8s = IrsaKubernetes.using(cluster.client());
      ServiceAccountRef sa = ServiceAccountRef.of("leak", "aws-cli");
      k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(sa)
          .role(RoleArn.parse("arn:aws:iam::111122223333:role/r")).createNamespace(true).build());

      // When a token is requested and read from inside a pod
      ServiceAccountToken token = k8s.requestToken(sa, "sts.amazonaws.com", Duration.ofMinutes(10));
      k8s.testPods().create(TestPod.awsCli(sa));
      ExecResult cat = k8s.testPods().exec("leak", "aws-cli", null, Duration.ofSeconds(10), "cat",
          "/var/run/secrets/eks.amazonaws.com/serviceaccount/token");
      String secret = token.reveal();
      String signature = secret.substring(secret.lastIndexOf('.') + 1);

      // Then neither token appears in any string the library produces
      assertThat(secret).hasSizeGreaterThan(100);
      assertThat(token.toString()).doesNotContain(signature).endsWith("token=<redacted>}");
      assertThat(cat.toString()).doesNotContain(cat.stdout());
      TokenClaims claims = token.claims();
      assertThat(claims.toString()).doesNotContain(signature);
      String broken = secret.substring(0, secret.lastIndexOf('.'));
      assertThatThrownBy(() -> TokenClaims.decodeUnverified(broken)).message().doesNotContain(broken.substring(10, 40));
      assertThatThrownBy(() -> k8s.requestToken(sa, "sts.amazonaws.com", Duration.ofMinutes(1)))
          .message().doesNotContain(signature);
      // nor in any log record (the mock server logs every request when not quiet)
      assertThat(logged).isNotEmpty();
      assertThat(logged).noneMatch(l -> l.contains(signature));
      assertThat(logged).noneMatch(l -> l.contains(cat.stdout().substring(cat.stdout().lastIndexOf('.') + 1)));
    } finally {
      root.removeHandler(capture);
      root.setLevel(before);
    }
  }
}
