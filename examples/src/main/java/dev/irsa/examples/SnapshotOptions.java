package dev.irsa.examples;

import dev.irsa.verify.doctor.LiveCollector;
import dev.irsa.verify.doctor.Snapshot;
import dev.irsa.verify.doctor.SnapshotFiles;
import dev.irsa.verify.doctor.SnapshotFormatException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The snapshot flags of {@code doctor} and {@code audit}: files in the standard formats, or, without
 * {@code --k8s}/{@code --iam}/{@code --oidc-providers}, live collection from the current kubeconfig
 * context and the default AWS credentials.
 */
final class SnapshotOptions {
  @Option(names = "--k8s", paramLabel = "FILE", description = "kubectl get serviceaccounts,pods -A -o json (and "
      + "kubectl get mutatingwebhookconfigurations -o json); repeatable.")
  List<String> k8sFiles = new ArrayList<>();

  @Option(names = "--iam", paramLabel = "FILE", description = "aws iam get-account-authorization-details output.")
  String iamFile;

  @Option(names = "--oidc-providers", paramLabel = "FILE",
      description = "A JSON array of aws iam get-open-id-connect-provider outputs, each with its Arn added (see README).")
  String oidcProvidersFile;

  @Option(names = "--cluster", paramLabel = "FILE", description = "aws eks describe-cluster output (the issuer).")
  String clusterFile;

  @Option(names = "--issuer", paramLabel = "URL", description = "The cluster's OIDC issuer, instead of --cluster.")
  String issuer;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "Live only: the EKS cluster (issuer and Pod Identity associations through EKS).")
  String clusterName;

  @Option(names = "--region", paramLabel = "R", description = "Live only: the AWS region (default: the SDK's chain).")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL", description = "Live only: send every AWS call to this URL (e.g. moto).")
  URI endpoint;

  boolean fromFiles() {
    return !k8sFiles.isEmpty() || iamFile != null || oidcProvidersFile != null;
  }

  /** Reads the files, or collects live; progress lines on {@code err}. */
  Snapshot snapshot(PrintStream err) {
    if (clusterFile != null && issuer != null) {
      throw new CliException(2, "give --cluster FILE or --issuer URL, not both");
    }
    Snapshot.Builder b = Snapshot.builder();
    try {
      if (issuer != null) {
        b.issuer(issuer);
      }
      if (clusterFile != null) {
        SnapshotFiles.addCluster(b, clusterFile, Io.read(clusterFile));
      }
      if (!fromFiles()) {
        return live(b.build(), err);
      }
      if (iamFile != null && issuer == null && clusterFile == null) {
        throw new CliException(2, "--iam needs the cluster's issuer: give --cluster FILE (aws eks describe-cluster) "
            + "or --issuer URL");
      }
      for (String f : k8sFiles) {
        SnapshotFiles.addKubernetes(b, f, Io.read(f));
        err.println("read " + f);
      }
      if (iamFile != null) {
        SnapshotFiles.addIam(b, iamFile, Io.read(iamFile));
        err.println("read " + iamFile);
      }
      if (oidcProvidersFile != null) {
        SnapshotFiles.addOidcProviders(b, oidcProvidersFile, Io.read(oidcProvidersFile));
        err.println("read " + oidcProvidersFile);
      }
    } catch (SnapshotFormatException e) {
      throw new CliException(2, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CliException(2, "--issuer: " + e.getMessage());
    }
    return b.build();
  }

  private Snapshot live(Snapshot given, PrintStream err) {
    err.println("collecting live: the current kubeconfig context and the default AWS credentials");
    try (KubernetesClient k8s = new KubernetesClientBuilder().build(); IamClient iam = iam()) {
      LiveCollector.Builder b = LiveCollector.builder().kubernetes(k8s).iam(iam);
      given.issuer().ifPresent(b::issuer);
      if (clusterName != null) {
        try (EksClient eks = eks()) {
          return b.eks(eks, clusterName).build().collect();
        }
      }
      return b.build().collect();
    } catch (KubernetesClientException e) {
      throw new CliException(1, "Kubernetes: " + e.getMessage());
    } catch (SdkException e) {
      throw new CliException(1, "AWS: " + e.getMessage());
    }
  }

  private IamClient iam() {
    return AwsClients.of(region, endpoint).iam();
  }

  private EksClient eks() {
    return AwsClients.of(region, endpoint).eks();
  }
}
