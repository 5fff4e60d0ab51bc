package dev.irsa.examples;

import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.migrate.MigrationBlockedException;
import dev.irsa.k8s.migrate.MigrationPlan;
import dev.irsa.k8s.migrate.MigrationRequest;
import dev.irsa.k8s.migrate.PodIdentityMigration;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/** {@code migrate plan|apply|rollback}: IRSA to EKS Pod Identity for one service account's role. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Move a service account's IRSA role to EKS Pod Identity without a gap. 'plan' shows the changes "
        + "and blockers (read calls only); 'apply' makes them (phase rollout: trust both, associate, restart; phase "
        + "cleanup, later: remove the annotation and the cluster's OIDC trust); 'rollback' undoes the roll-out. "
        + "Every run is idempotent: re-run after a failure to finish.",
        "Exit 0 on success, 1 when blocked or when AWS or Kubernetes fails, 2 on bad input."})
final class MigrateCommand implements Callable<Integer> {
  /** What to do. */
  enum Operation { plan, apply, rollback }

  /** The phase of {@code plan} and {@code apply}. */
  enum Phase { rollout, cleanup }

  @Parameters(index = "0", paramLabel = "OPERATION", description = "plan, apply or rollback.")
  Operation operation;

  @Mixin
  MigrateOptions options;

  @Option(names = "--phase", paramLabel = "PHASE", description = "rollout (default) or cleanup.")
  Phase phase = Phase.rollout;

  @Override
  public Integer call() {
    ServiceAccountRef sa = options.serviceAccount();
    try (IamClient iam = options.iam(); EksClient eks = options.eks(); KubernetesClient k8s = options.kubernetes()) {
      OidcProvider issuer = options.issuer(eks);
      MigrationRequest request = phase == Phase.cleanup && operation != Operation.rollback
          ? MigrationRequest.cleanup(options.cluster, sa, issuer) : MigrationRequest.rollOut(options.cluster, sa, issuer);
      PodIdentityMigration m = PodIdentityMigration.using(k8s, iam, eks);
      MigrationPlan result = switch (operation) {
        case plan -> m.plan(request);
        case apply -> m.apply(request);
        case rollback -> m.rollback(MigrationRequest.rollOut(options.cluster, sa, issuer));
      };
      print(result);
      return operation == Operation.plan && result.blocked() ? 1 : 0;
    } catch (MigrationBlockedException e) {
      print(e.plan());
      throw new CliException(1, e.getMessage());
    } catch (SdkException | KubernetesClientException e) {
      throw new CliException(1, operation + " stopped: " + e.getMessage() + cause(e) + " (nothing done is undone: run "
          + "it again to finish)");
    }
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e || root.getMessage() == null ? "" : ": " + root.getMessage();
  }

  private void print(MigrationPlan plan) {
    System.out.print(options.json ? plan.toJson() + System.lineSeparator() : plan.toString());
    System.out.flush();
  }

  /** Where the cluster, IAM and EKS are. */
  static final class MigrateOptions {
    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "The EKS cluster (associations are per cluster).")
    String cluster;

    @Option(names = "--service-account", required = true, paramLabel = "NS:NAME", description = "The service account.")
    String serviceAccount;

    @Option(names = "--issuer", paramLabel = "URL",
        description = "The cluster's OIDC issuer (default: read with EKS DescribeCluster).")
    String issuer;

    @Option(names = "--account", paramLabel = "ID", description = "The account of the role and of the cluster's OIDC "
        + "provider, with --issuer (default: the cluster's account, from DescribeCluster).")
    String account;

    @Option(names = "--context", paramLabel = "CTX", description = "The kubeconfig context (default: the current one).")
    String context;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Send IAM and EKS calls to this URL (e.g. moto).")
    URI endpoint;

    @Option(names = "--eks-endpoint", paramLabel = "URL", description = "Send EKS calls to this URL instead.")
    URI eksEndpoint;

    @Option(names = "--region", paramLabel = "R", description = "The AWS region (default: the SDK's region chain).")
    String region;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    ServiceAccountRef serviceAccount() {
      ServiceAccountRef sa = ServiceAccountRef.parse(serviceAccount);
      if (sa.isPattern()) {
        throw new CliException(2, "--service-account must name one service account, got: '" + serviceAccount + "'");
      }
      return sa;
    }

    IamClient iam() {
      return AwsClients.of(region, endpoint).iam();
    }

    EksClient eks() {
      return AwsClients.of(region, endpoint).eks(eksEndpoint != null ? eksEndpoint : endpoint);
    }

    KubernetesClient kubernetes() {
      return new KubernetesClientBuilder().withConfig(Config.autoConfigure(context)).build();
    }

    /** The issuer given, or the cluster's from DescribeCluster (in the cluster's account unless --account). */
    OidcProvider issuer(EksClient eks) {
      if (issuer != null) {
        if (account == null) {
          throw new CliException(2, "--issuer needs --account ID (the role's account)");
        }
        return OidcProvider.fromIssuer(issuer, account);
      }
      var c = eks.describeCluster(r -> r.name(cluster)).cluster();
      String acct = account != null ? account : dev.irsa.core.arn.Arn.parse(c.arn()).account();
      return OidcProvider.fromIssuer(c.identity().oidc().issuer(), acct);
    }
  }
}
