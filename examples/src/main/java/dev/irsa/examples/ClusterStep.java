package dev.irsa.examples;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.ExecResult;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.OidcDiscovery;
import dev.irsa.k8s.ServiceAccountBinding;
import dev.irsa.k8s.ServiceAccounts;
import dev.irsa.k8s.TestPod;
import dev.irsa.k8s.TokenClaims;
import dev.irsa.k8s.embedded.EmbeddedCluster;
import dev.irsa.k8s.embedded.ExecRequest;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import dev.irsa.k8s.webhook.PodWiring;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The walkthrough's cluster half on the embedded cluster: namespace, annotated service account,
 * the aws-cli pod as the webhook mutates it, its token's claims, and the caller identity it would get.
 */
final class ClusterStep {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final PrintStream out;
  /** The doctor's report on the seed's service account, made while the cluster ran; printed last. */
  dev.irsa.verify.doctor.Report doctor;

  ClusterStep(PrintStream out) {
    this.out = out;
  }

  /** Runs the step; returns 0, or 1 when the pod would not get the role. */
  int run(String heading, RoleArn role) {
    ServiceAccountRef sa = ServiceAccountRef.of(Seed.NAMESPACE, Seed.SERVICE_ACCOUNT);
    out.println("== " + heading + ": service account, pod and token on an embedded cluster (fabric8 mock server + "
        + "EKS webhook reproduction)");
    try (EmbeddedCluster cluster = EmbeddedCluster.builder().issuer(Seed.ISSUER)
        .webhook(PodIdentityWebhook.builder().region(Seed.REGION).build())
        .execHandler(ClusterStep::simulatedAwsCli).start()) {
      IrsaKubernetes k8s = IrsaKubernetes.using(cluster.client());
      OidcDiscovery discovery = k8s.discoverIssuer();
      out.println("cluster " + cluster.url() + ", OIDC issuer " + discovery.issuer());

      ServiceAccounts.EnsureResult ensured = k8s.serviceAccounts().ensure(ServiceAccountBinding.builder()
          .serviceAccount(sa).role(role).createNamespace(true).build());
      out.println("service account " + sa + ": " + ensured.outcome()
          + (ensured.namespaceCreated() ? " (namespace created)" : "") + ", "
          + ensured.serviceAccount().getMetadata().getAnnotations());

      k8s.testPods().create(TestPod.awsCli(sa));
      Pod pod = k8s.testPods().awaitReady(sa.namespace(), "aws-cli", TIMEOUT);
      out.println("pod " + sa.namespace() + "/aws-cli (" + TestPod.AWS_CLI_IMAGE + ", sleep 3600) is "
          + pod.getStatus().getPhase() + "; the webhook added:");
      Container c = pod.getSpec().getContainers().get(0);
      c.getEnv().stream().filter(e -> e.getName().startsWith("AWS_"))
          .forEach(e -> out.println("  env   " + e.getName() + "=" + e.getValue()));
      c.getVolumeMounts().stream().filter(m -> m.getName().equals(PodIdentityWebhook.TOKEN_VOLUME))
          .forEach(m -> out.println("  mount " + m.getName() + " at " + m.getMountPath() + (Boolean.TRUE.equals(m.getReadOnly()) ? " (read-only)" : "")));
      for (Volume v : pod.getSpec().getVolumes()) {
        if (v.getName().equals(PodIdentityWebhook.TOKEN_VOLUME)) {
          var t = v.getProjected().getSources().get(0).getServiceAccountToken();
          out.println("  volume " + v.getName() + ": projected service-account token, audience " + t.getAudience()
              + ", " + t.getExpirationSeconds() + " s");
        }
      }

      PodWiring wiring = k8s.inspectPod(sa.namespace(), "aws-cli");
      out.println("wiring: " + wiring);

      ExecResult token = k8s.testPods().exec(sa.namespace(), "aws-cli", null, TIMEOUT, "cat", PodIdentityWebhook.TOKEN_FILE);
      TokenClaims claims = TokenClaims.decodeUnverified(token.stdout());
      out.println("token in the pod (claims only; signature checks against the cluster's JWKS: "
          + cluster.verifySignature(token.stdout()) + "):");
      out.println("  iss " + claims.issuer());
      out.println("  sub " + claims.subject());
      out.println("  aud " + String.join(",", claims.audiences()));
      out.println("  exp " + claims.expiresAt());

      ExecResult identity = k8s.testPods().exec(sa.namespace(), "aws-cli", null, TIMEOUT, "aws", "sts", "get-caller-identity");
      out.println("aws sts get-caller-identity in the pod (simulated from AWS_ROLE_ARN; no AWS call is made):");
      out.print(identity.stdout().indent(2));
      doctor = DoctorStep.diagnose(cluster, role);
      return wiring.getsRole() ? 0 : 1;
    }
  }

  /**
   * {@code aws sts get-caller-identity} as STS would answer AssumeRoleWithWebIdentity for the pod's
   * AWS_ROLE_ARN: the assumed-role ARN drops the role's path; the AWS CLI names the session
   * {@code botocore-session-<epoch seconds>} ({@link Seed#SESSION_NAME}, as in the offline checks).
   */
  static ExecResult simulatedAwsCli(ExecRequest r) {
    if (!r.command().equals(List.of("aws", "sts", "get-caller-identity"))) {
      return null;
    }
    String roleArn = r.env().get("AWS_ROLE_ARN");
    if (roleArn == null || !r.env().containsKey("AWS_WEB_IDENTITY_TOKEN_FILE")) {
      return new ExecResult(253, "", "\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n");
    }
    RoleArn role = RoleArn.parse(roleArn);
    String session = Seed.SESSION_NAME;
    return ExecResult.ok("""
        {
            "UserId": "AROAEXAMPLEROLEID:%s",
            "Account": "%s",
            "Arn": "%s"
        }
        """.formatted(session, role.account(), role.session(session)));
  }
}
