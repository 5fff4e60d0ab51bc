package dev.irsa.k8s.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.ExecResult;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.OidcDiscovery;
import dev.irsa.k8s.ServiceAccountBinding;
import dev.irsa.k8s.ServiceAccountToken;
import dev.irsa.k8s.TestPod;
import dev.irsa.k8s.TokenClaims;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import dev.irsa.k8s.webhook.PodWiring;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedClusterIT {
  static final String ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::111122223333:role/irsa-demo-aws-cli");
  static EmbeddedCluster cluster;
  static IrsaKubernetes k8s;

  @BeforeAll
  static void start() {
    cluster = EmbeddedCluster.builder().issuer(ISSUER)
        .webhook(PodIdentityWebhook.builder().region("us-west-2").build())
        .execHandler(r -> r.command().equals(List.of("sh", "-c", "exit 3")) ? new ExecResult(3, "out\n", "err\n") : null)
        .start();
    k8s = IrsaKubernetes.using(cluster.client());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void discoveryServesTheConfiguredIssuerAndJwks() {
    OidcDiscovery d = k8s.discoverIssuer();

    assertThat(d.issuer()).isEqualTo(ISSUER);
    assertThat(d.jwksUri()).isEqualTo(cluster.url() + "/openid/v1/jwks");
    assertThat(cluster.client().raw(d.jwksUri())).isEqualTo(cluster.jwks()).contains("\"alg\":\"RS256\"");
    assertThat(d.oidcProvider("111122223333").arn()).isEqualTo("arn:aws:iam::111122223333:oidc-provider/"
        + "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE");
  }

  @Test
  void podsAreMutatedOnCreateAndReady() {
    ServiceAccountRef sa = ServiceAccountRef.of("mutate", "aws-cli");
    k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(ROLE).createNamespace(true).build());

    k8s.testPods().create(TestPod.awsCli(sa));
    Pod ready = k8s.testPods().awaitReady("mutate", "aws-cli", Duration.ofSeconds(10));

    assertThat(ready.getSpec().getContainers().get(0).getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
        .containsExactly("AWS_DEFAULT_REGION=us-west-2", "AWS_REGION=us-west-2", "AWS_ROLE_ARN=" + ROLE,
            "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token");
    PodWiring w = k8s.inspectPod("mutate", "aws-cli");
    assertThat(w.getsRole()).isTrue();
    assertThat(w.role()).contains(ROLE.toString());
  }

  @Test
  void execReturnsOutputAndExitCodes() {
    ServiceAccountRef sa = ServiceAccountRef.of("exec", "aws-cli");
    k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(ROLE).createNamespace(true).build());
    k8s.testPods().create(TestPod.awsCli(sa));
    k8s.testPods().awaitReady("exec", "aws-cli", Duration.ofSeconds(10));

    ExecResult env = k8s.testPods().exec("exec", "aws-cli", null, Duration.ofSeconds(10), "printenv", "AWS_ROLE_ARN");
    ExecResult failing = k8s.testPods().exec("exec", "aws-cli", "aws-cli", Duration.ofSeconds(10), "sh", "-c", "exit 3");
    ExecResult unknown = k8s.testPods().exec("exec", "aws-cli", null, Duration.ofSeconds(10), "aws", "s3", "ls");
    ExecResult token = k8s.testPods().exec("exec", "aws-cli", null, Duration.ofSeconds(10), "cat",
        "/var/run/secrets/eks.amazonaws.com/serviceaccount/token");

    assertThat(env).isEqualTo(new ExecResult(0, ROLE + "\n", ""));
    assertThat(failing).isEqualTo(new ExecResult(3, "out\n", "err\n"));
    assertThat(unknown.exitCode()).isEqualTo(127);
    assertThat(unknown.stderr()).isEqualTo("embedded cluster: aws: command not found (configure an ExecHandler)\n");
    assertThat(cluster.verifySignature(token.stdout())).isTrue();
    TokenClaims claims = TokenClaims.decodeUnverified(token.stdout());
    assertThat(claims.audiences()).containsExactly("sts.amazonaws.com");
    assertThat(claims.podName()).contains("aws-cli");
  }

  @Test
  void tokenRequestErrors() {
    ServiceAccountRef missing = ServiceAccountRef.of("tokens", "missing");

    assertThatThrownBy(() -> k8s.requestToken(missing, "sts.amazonaws.com", Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token lifetime must be at least 10 minutes, got: 300s");
    assertThatThrownBy(() -> k8s.requestToken(missing, "sts.amazonaws.com", Duration.ofHours(1)))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  void aPodUnderAnUnannotatedServiceAccountIsLeftAlone() {
    ServiceAccountRef sa = ServiceAccountRef.of("plain", "default");
    cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName("plain").endMetadata().build()).create();

    k8s.testPods().create(TestPod.awsCli(sa));

    assertThat(k8s.inspectPod("plain", "aws-cli").findings()).extracting(f -> f.code().name())
        .containsExactly("NOT_WIRED");
  }

  @Test
  void tokenRequestIsAnsweredWithASignedJwt() {
    ServiceAccountRef sa = ServiceAccountRef.of("tokens", "aws-cli");
    k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(ROLE).createNamespace(true).build());

    ServiceAccountToken t = k8s.requestToken(sa, "sts.amazonaws.com", Duration.ofHours(1));

    assertThat(cluster.verifySignature(t.reveal())).isTrue();
    TokenClaims c = t.claims();
    assertThat(c.issuer()).isEqualTo(ISSUER);
    assertThat(c.subject()).isEqualTo("system:serviceaccount:tokens:aws-cli");
    assertThat(c.audiences()).containsExactly("sts.amazonaws.com");
    assertThat(c.expiresAt()).isEqualTo(t.expiresAt());
    assertThat(Duration.between(c.issuedAt().orElseThrow(), c.expiresAt())).isEqualTo(Duration.ofHours(1));
    assertThat(c.namespace()).contains("tokens");
    assertThat(c.serviceAccountName()).contains("aws-cli");
  }
}
