package dev.irsa.verify.live;

import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.verify.source.VerificationSource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The account, token and pod sources on clients built from the environment: the kubeconfig context and
 * the SDK's default credential chain. It owns (and closes) those clients.
 */
public final class LiveEnvironment implements AutoCloseable {
  private final KubernetesClient k8s;
  private final IamClient iam;
  private final StsClient sts;
  private final List<VerificationSource> sources;

  private LiveEnvironment(KubernetesClient k8s, IamClient iam, StsClient sts, List<VerificationSource> sources) {
    this.k8s = k8s;
    this.iam = iam;
    this.sts = sts;
    this.sources = sources;
  }

  /**
   * Clients for a kubeconfig context (null: the current one), an AWS endpoint (null: AWS) and a region.
   *
   * @throws IllegalStateException when the SDK or irsa-k8s is missing (see {@link Live#require()})
   */
  public static LiveEnvironment open(String kubeContext, URI endpoint, String region) {
    Live.require();
    KubernetesClient k8s = new KubernetesClientBuilder().withConfig(Config.autoConfigure(kubeContext)).build();
    Region r = Region.of(region);
    var iamB = IamClient.builder().httpClient(UrlConnectionHttpClient.create())
        .region(endpoint != null ? r : r.id().startsWith("cn-") ? Region.AWS_CN_GLOBAL
            : r.id().startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL : Region.AWS_GLOBAL);
    var stsB = StsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(r);
    if (endpoint != null) {
      iamB.endpointOverride(endpoint);
      stsB.endpointOverride(endpoint);
    }
    IamClient iam = iamB.build();
    StsClient sts = stsB.build();
    List<VerificationSource> sources = List.of(AccountSource.using(iam),
        TokenSource.builder().kubernetes(IrsaKubernetes.using(k8s)).sts(sts).probeClients(ProbeClients.of(region, endpoint))
            .build(),
        PodSource.of(IrsaKubernetes.using(k8s), null, null, java.time.Duration.ofMinutes(1)));
    return new LiveEnvironment(k8s, iam, sts, sources);
  }

  public List<VerificationSource> sources() {
    return sources;
  }

  @Override
  public void close() {
    sts.close();
    iam.close();
    k8s.close();
  }
}
